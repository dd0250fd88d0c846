package cn.qualify.shared.web;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which links the page frame's navigation shows, read once per page ({@code ${@navigation.of(#authentication)}} in
 * {@code layout.html}). Six security expressions, one per link, each parsed and evaluated against a fresh security
 * context, were a tenth of the rendering of a queue page.
 */
@Component("navigation")
public class Navigation {

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    /** The links for this visitor; anonymous or {@code null}: the log-in link alone. */
    public Links of(Authentication authentication) {
        if (authentication == null || !trust.isAuthenticated(authentication)) {
            return new Links(false, false, false, false);
        }
        boolean candidate = false;
        boolean reviewer = false;
        boolean admin = false;
        for (var authority : authentication.getAuthorities()) {
            switch (String.valueOf(authority.getAuthority())) {
                case "ROLE_CANDIDATE" -> candidate = true;
                case "ROLE_POINT_REVIEWER", "ROLE_DISTRICT_REVIEWER" -> reviewer = true;
                case "ROLE_ADMIN" -> admin = true;
                default -> {}
            }
        }
        return new Links(true, candidate, reviewer, admin);
    }

    /** The navigation's links by who may follow them. */
    public record Links(boolean signedIn, boolean candidate, boolean reviewer, boolean admin) {}
}
