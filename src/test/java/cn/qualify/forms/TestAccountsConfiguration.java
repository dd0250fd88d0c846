package cn.qualify.forms;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Provides {@link TestAccounts}, for tests that bootstrap the identity module. */
@TestConfiguration(proxyBeanMethods = false)
class TestAccountsConfiguration {

    @Bean
    TestAccounts formsTestAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        return new TestAccounts(jdbc, encoder);
    }
}
