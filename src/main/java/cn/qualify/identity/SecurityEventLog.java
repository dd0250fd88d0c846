package cn.qualify.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the security log (logger {@code cn.qualify.identity.SecurityEventLog}): every refused request (401, 403,
 * whoever refused it: the URL rules, a missing CSRF token or a module's own check) at WARN, and every document a
 * user was sent (a candidate's image or thumbnail, to its owner or to a reviewer; a printed form; an export of
 * personal data) at
 * INFO, each with the account and the client address. Log-ins are logged by {@link AccountAuthenticationProvider}.
 *
 * <p>Never logged: passwords, verification codes, session ids, query strings, and identity document numbers
 * beyond their first four and last two characters. Runs inside the security filter chain, right after the
 * security context is loaded, so that it sees every answer of the chain and knows who asked.
 */
class SecurityEventLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventLog.class);

    /** The URLs that send a candidate's documents or personal data. */
    static final Pattern DOCUMENT = Pattern.compile("^(/api/v1)?/(candidate|review/applications/[^/]+)/images/[^/]+"
            + "(/thumbnail)?$|^(/api/v1)?/(candidate|admin/candidates/[^/]+)/personal-data(\\.zip)?$"
            + "|^/candidate/forms/[^/]+(/[^/]+)?$");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String who = RequestRateLimits.signedInName();
        chain.doFilter(request, response);
        int status = response.getStatus();
        String path = clean(request.getRequestURI());
        if (status == 401 || status == 403) {
            // the account may have been established (or ended) by this very request
            String after = RequestRateLimits.signedInName();
            log.warn(
                    "Access denied ({}): {} {} for {} from {}",
                    status,
                    request.getMethod(),
                    path,
                    "anonymous".equals(after) ? who : after,
                    request.getRemoteAddr());
        } else if (status == 200
                && "GET".equals(request.getMethod())
                && DOCUMENT.matcher(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                        .matches()) {
            log.info("Document sent: {} to {} from {}", path, who, request.getRemoteAddr());
        }
    }

    /** Request paths are typed by clients: no control characters (forged log lines), no excessive length. */
    private static String clean(String path) {
        String clean = path.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
