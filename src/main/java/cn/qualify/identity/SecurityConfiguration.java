package cn.qualify.identity;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The access rules of every URL, in one place. Areas by role: {@code /candidate/**}, {@code /review/**},
 * {@code /admin/**} and their API twins under {@code /api/v1/}; everything else is public or needs a login.
 *
 * <p>Pages log in through the form at {@code /login}; API clients through {@code POST /api/v1/auth/login}. Both
 * get a new session id at log-in. CSRF protection covers every state-changing request, the API included (header
 * {@code X-CSRF-TOKEN}, token from {@code GET /api/v1/auth/csrf}). Unauthenticated API calls get 401 and
 * forbidden ones 403 as problem details, not a redirect.
 *
 * <p>Every answer carries the security headers: a Content-Security-Policy without inline script, no framing,
 * {@code Referrer-Policy: same-origin}, {@code X-Content-Type-Options: nosniff}, and HSTS on HTTPS. Filters of
 * this module in the chain: {@link SecurityEventLog} (denied requests, documents sent),
 * {@link SessionLifetimeFilter} (absolute session timeout) and {@link RequestRateLimits} (uploads, SMS codes).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final RequestMatcher API = pathPattern("/api/**");

    /**
     * Scripts, styles, fonts and frames only from Qualify itself; no inline script or style (the templates have
     * none, htmx is told not to add its own), no plugins, no framing by other sites. Images may also be
     * {@code blob:} (the upload page reads the chosen photo before it shrinks it) and {@code data:}.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI sets inline styles; its scripts still come only from Qualify. */
    static final String SWAGGER_UI_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher SWAGGER_UI =
            new OrRequestMatcher(pathPattern("/swagger-ui/**"), pathPattern("/swagger-ui.html"));

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            CsrfTokenRepository csrfTokens,
            LoginFailureHandler loginFailureHandler,
            ApiProblems problems,
            IdentityProperties properties,
            Clock clock)
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
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .access(actuatorAccess(properties))
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
                .addFilterAfter(new SecurityEventLog(), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionLifetimeFilter(clock, properties, problems), SecurityEventLog.class)
                .addFilterAfter(new RequestRateLimits(clock, properties, problems), AuthorizationFilter.class)
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // HSTS is sent on HTTPS requests only (behind a proxy: X-Forwarded-Proto https)
                        .httpStrictTransportSecurity(
                                hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                SWAGGER_UI, new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(SWAGGER_UI),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
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
     * Actuator endpoints other than health and info tell too much about the running system to be public: they
     * are for administrators, and {@code /actuator/prometheus} also for a scraper that sends
     * {@code Authorization: Bearer} with {@code qualify.identity.metrics-token}.
     */
    private static AuthorizationManager<RequestAuthorizationContext> actuatorAccess(IdentityProperties properties) {
        AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager.hasRole("ADMIN");
        byte[] token =
                properties.metricsToken() == null || properties.metricsToken().isBlank()
                        ? null
                        : properties.metricsToken().getBytes(StandardCharsets.UTF_8);
        return (authentication, context) -> {
            var request = context.getRequest();
            String header = request.getHeader("Authorization");
            if (token != null
                    && header != null
                    && header.startsWith("Bearer ")
                    && request.getRequestURI().endsWith("/actuator/prometheus")
                    && MessageDigest.isEqual(
                            token, header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8))) {
                return new AuthorizationDecision(true);
            }
            return admin.authorize(authentication, context);
        };
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
