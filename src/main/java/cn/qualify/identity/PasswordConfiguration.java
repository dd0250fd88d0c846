package cn.qualify.identity;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored as {@code {bcrypt}$2a$10$…}. The prefix names the algorithm, so a stronger one can be
 * added later: hashes are upgraded at the next successful log-in ({@link AccountAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** Cost 10: about 60–100 ms per check on a small server, the floor the security requirements set. */
    static final int BCRYPT_COST = 10;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(BCRYPT_COST)));
    }
}
