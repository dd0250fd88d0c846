package cn.qualify.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session timeout: a log-in lasts at most {@code qualify.identity.absolute-session-timeout} (8 hours
 * by default), however busy its session, so that a stolen or forgotten session cannot be kept alive for ever. The
 * idle timeout ({@code spring.session.timeout}) is the session store's.
 *
 * <p>The first request of a log-in stamps the session with the account and the time; a later request past the
 * limit ends the session on the server and is answered like a request without a session: 401 for the API, the
 * log-in page ({@code /login?expired}) for pages. Runs inside the security filter chain, after the security
 * context is loaded.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    static final String SIGNED_IN = SessionLifetimeFilter.class.getName() + ".SIGNED_IN";

    private static final Logger log = LoggerFactory.getLogger(SessionLifetimeFilter.class);

    private final Clock clock;
    private final IdentityProperties properties;
    private final ApiProblems problems;

    SessionLifetimeFilter(Clock clock, IdentityProperties properties, ApiProblems problems) {
        this.clock = clock;
        this.properties = properties;
        this.problems = problems;
    }

    /** Who signed in and when; kept in the session, serialisable for the session store. */
    record SignedIn(String loginName, Instant at) implements Serializable {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session == null
                || authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        var stamp = session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn
                        && signedIn.loginName().equals(authentication.getName())
                ? signedIn
                : null;
        if (stamp == null) {
            session.setAttribute(SIGNED_IN, new SignedIn(authentication.getName(), now));
        } else if (now.isAfter(stamp.at().plus(properties.absoluteSessionTimeout()))) {
            log.info(
                    "Session of {} ended: signed in at {}, longer ago than {}",
                    AccountAuthenticationProvider.masked(authentication.getName()),
                    stamp.at(),
                    properties.absoluteSessionTimeout());
            session.invalidate();
            SecurityContextHolder.clearContext();
            if (SecurityConfiguration.API.matches(request)) {
                problems.write(
                        request,
                        response,
                        401,
                        "identity.api.unauthorized.title",
                        new DefaultMessageSourceResolvable("identity.api.sessionExpired"));
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
