package cn.qualify.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The access rules of every URL, in one place. Areas by role: {@code /candidate/**}, {@code /review/**},
 * {@code /admin/**} and their API twins under {@code /api/v1/}; everything else is public or needs a login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/error",
                                "/login",
                                "/register/**",
                                "/self-check/**",
                                "/api/v1/policy/evaluate",
                                "/api/v1/exam-points",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/admin/**", "/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/review/**", "/api/v1/review/**")
                        .hasAnyRole("POINT_REVIEWER", "DISTRICT_REVIEWER")
                        .requestMatchers("/candidate/**", "/api/v1/candidate/**")
                        .hasRole("CANDIDATE")
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/v1/policy/evaluate"))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"));
        return http.build();
    }
}
