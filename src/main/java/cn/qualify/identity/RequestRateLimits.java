package cn.qualify.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the requests that cost something: uploads, per account ({@code max-uploads-per-account} within
 * {@code upload-window}), and requests for phone verification codes, per client address
 * ({@code max-code-requests-per-address} an hour, on top of the per-phone limits of {@link PhoneVerifications}).
 * Log-ins are limited by {@link LoginThrottle} in the database.
 *
 * <p>Counted in memory, in fixed windows per node: behind a load balancer the effective limit is the number of
 * nodes times the setting, which is still a limit. A refused request gets 429 with {@code Retry-After}: a problem
 * detail in the user's language for the API, the error page for pages.
 */
class RequestRateLimits extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestRateLimits.class);

    private static final Pattern UPLOAD = Pattern.compile("^(/api/v1)?/candidate/materials/[A-Z_]+/images$");
    private static final Pattern CODE = Pattern.compile("^(/register|/api/v1/auth/register)/code$");
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final IdentityProperties properties;
    private final ApiProblems problems;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RequestRateLimits(Clock clock, IdentityProperties properties, ApiProblems problems) {
        this.clock = clock;
        this.properties = properties;
        this.problems = problems;
    }

    private record Window(Instant start, int count) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (UPLOAD.matcher(path).matches()) {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null
                    && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken)) {
                Duration wait = take(
                        "upload:" + authentication.getName(),
                        properties.maxUploadsPerAccount(),
                        properties.uploadWindow());
                if (wait != null) {
                    refuse(request, response, "identity.rateLimit.upload", wait);
                    return;
                }
            }
        } else if (CODE.matcher(path).matches()) {
            Duration wait = take(
                    "code:" + request.getRemoteAddr(), properties.maxCodeRequestsPerAddress(), Duration.ofHours(1));
            if (wait != null) {
                refuse(request, response, "identity.rateLimit.code", wait);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Counts one request of the key; returns how long to wait if it is over the limit, null if it may go on. */
    Duration take(String key, int limit, Duration window) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        var counted = windows.compute(
                key,
                (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                        ? new Window(now, 1)
                        : new Window(w.start(), w.count() + 1));
        if (counted.count() <= limit) {
            return null;
        }
        return Duration.between(now, counted.start().plus(window));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String code, Duration wait)
            throws IOException {
        long seconds = Math.max(1, wait.toSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        log.info(
                "Rate limit: {} {} refused for {} from {}, retry in {} s",
                request.getMethod(),
                request.getRequestURI(),
                signedInName(),
                request.getRemoteAddr(),
                seconds);
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (SecurityConfiguration.API.matches(request)) {
            problems.write(
                    request,
                    response,
                    429,
                    "identity.rateLimit.title",
                    new DefaultMessageSourceResolvable(new String[] {code}, new Object[] {minutes}));
        } else {
            response.sendError(429);
        }
    }

    static String signedInName() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return "anonymous";
        }
        return AccountAuthenticationProvider.masked(authentication.getName());
    }
}
