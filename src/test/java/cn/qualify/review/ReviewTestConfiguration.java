package cn.qualify.review;

import cn.qualify.application.Applications;
import cn.qualify.identity.Accounts;
import cn.qualify.materials.DocumentStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The application with a clock that tests move and registration info kept in memory. */
@TestConfiguration(proxyBeanMethods = false)
class ReviewTestConfiguration {

    @Bean
    @Primary
    TestClock reviewTestClock() {
        return new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    @Primary
    TestRegistrations testRegistrations() {
        return new TestRegistrations();
    }

    @Bean
    ReviewFixtures reviewFixtures(
            JdbcClient jdbc,
            Accounts accounts,
            AuthenticationProvider logIn,
            PasswordEncoder encoder,
            Applications applications,
            DocumentStore documents,
            TestRegistrations registrations,
            ReviewQueueEntries queueEntries,
            TestClock clock) {
        return new ReviewFixtures(
                jdbc, accounts, logIn, encoder, applications, documents, registrations, queueEntries, clock);
    }
}
