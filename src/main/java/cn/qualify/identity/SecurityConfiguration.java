package cn.qualify.identity;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The access rules of every URL, in one place. Areas by role: {@code /candidate/**}, {@code /review/**},
 * {@code /admin/**} and their API twins under {@code /api/v1/}; everything else is public or needs a login.
 *
 * <p>Pages log in through the form at {@code /login}; API clients through {@code POST /api/v1/auth/login}. Both
 * get a new session id at log-in. CSRF protection covers every state-changing request, the API included (header
 * {@code X-CSRF-TOKEN}, token from {@code GET /api/v1/auth/csrf}). Unauthenticated API calls get 401 and
 * forbidden ones 403 as problem details, not a redirect.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final RequestMatcher API = pathPattern("/api/**");

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            CsrfTokenRepository csrfTokens,
            LoginFailureHandler loginFailureHandler,
            ApiProblems problems)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/error",
                                "/login",
                                "/register/**",
                                "/self-check/**",
                                "/api/v1/policy/evaluate",
                                "/api/v1/auth/login",
                                "/api/v1/auth/logout",
                                "/api/v1/auth/csrf",
                                "/api/v1/auth/register/**",
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
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/api/v1/policy/evaluate"))
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(loginFailureHandler)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                                .addEntryPointFor(
                                        (request, response, failure) -> problems.write(
                                                request,
                                                response,
                                                401,
                                                "identity.api.unauthorized.title",
                                                new DefaultMessageSourceResolvable("identity.api.unauthorized")),
                                        API)
                                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                                .build())
                        .accessDeniedHandler(accessDeniedHandler(problems)));
        return http.build();
    }

    /**
     * The API answers 403 with a problem body that tells a missing CSRF token from a missing role. A page whose
     * CSRF token is stale (its session expired) leads back to the log-in page instead of an error.
     */
    private static AccessDeniedHandler accessDeniedHandler(ApiProblems problems) {
        AccessDeniedHandler api = (request, response, denied) -> problems.write(
                request,
                response,
                403,
                "identity.api.forbidden.title",
                new DefaultMessageSourceResolvable(
                        denied instanceof CsrfException ? "identity.api.csrf" : "identity.api.forbidden"));
        var pages = new AccessDeniedHandlerImpl();
        AccessDeniedHandler pagesOrExpired = (request, response, denied) -> {
            if (denied instanceof CsrfException && !isSignedIn()) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                pages.handle(request, response, denied);
            }
        };
        var handlers = new LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
        handlers.put(API, api);
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, pagesOrExpired);
    }

    /** The CSRF filter runs before the request knows its principal, so ask the security context directly. */
    private static boolean isSignedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
