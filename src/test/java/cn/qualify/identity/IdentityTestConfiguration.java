package cn.qualify.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The application with a clock that tests move and an SMS port that remembers the codes. */
@TestConfiguration(proxyBeanMethods = false)
class IdentityTestConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    @Primary
    CapturingSmsSender capturingSmsSender() {
        return new CapturingSmsSender();
    }

    @Bean
    TestAccounts testAccounts(JdbcAccounts accounts, PasswordEncoder encoder) {
        return new TestAccounts(accounts, encoder);
    }
}
