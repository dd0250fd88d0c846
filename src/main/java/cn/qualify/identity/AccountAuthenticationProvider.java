package cn.qualify.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a login name and password against the account table, behind the log-in throttle.
 *
 * <p>An unknown name and a wrong password get the same exception after the same work (a dummy hash is checked
 * for unknown names and for imported accounts that nobody has claimed yet, which have no password). A disabled account is only reported once the password was right, so that the answer
 * tells a guesser nothing.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AccountAuthenticationProvider.class);

    private final JdbcAccounts accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final String dummyHash;

    AccountAuthenticationProvider(JdbcAccounts accounts, LoginThrottle throttle, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name =
                authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";

        var block = throttle.blocked(name, address);
        if (block.isPresent()) {
            log.info(
                    "Log-in refused for {} from {}: throttled by {}",
                    masked(name),
                    address,
                    block.get().kind());
            throw new LoginThrottledException(block.get());
        }
        var credentials = accounts.credentials(name);
        boolean passwordMatches;
        if (credentials.isPresent() && credentials.get().passwordHash() != null) {
            passwordMatches = encoder.matches(password, credentials.get().passwordHash());
        } else {
            encoder.matches(password, dummyHash);
            passwordMatches = false;
        }
        if (!passwordMatches) {
            var caused = throttle.recordFailure(name, address);
            log.info(
                    "Log-in failed for {} from {}{}",
                    masked(name),
                    address,
                    caused.map(b -> ", now throttled by " + b.kind()).orElse(""));
            if (caused.isPresent()) {
                throw new LoginThrottledException(caused.get());
            }
            throw new BadCredentialsException("Bad credentials");
        }
        var account = credentials.get();
        if (!account.enabled()) {
            log.info("Log-in refused for {} from {}: account disabled", masked(name), address);
            throw new DisabledException("Account disabled");
        }
        throttle.recordSuccess(name);
        if (encoder.upgradeEncoding(account.passwordHash())) {
            accounts.setPasswordHash(account.id(), encoder.encode(password));
        }
        log.info("Log-in succeeded for {} ({}) from {}", masked(account.loginName()), account.role(), address);
        var principal = new SignedInAccount(account.id(), account.loginName(), account.role());
        var result = UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * Identity document numbers are personal data: logs keep their first four and last two characters. Control
     * characters are replaced so that a typed name cannot forge log lines.
     */
    static String masked(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        if (clean.length() > 64) {
            clean = clean.substring(0, 64) + "...";
        }
        if (clean.chars().filter(Character::isDigit).count() < 6) {
            return clean;
        }
        if (clean.length() <= 6) {
            return "*".repeat(clean.length());
        }
        return clean.substring(0, 4) + "*".repeat(clean.length() - 6) + clean.substring(clean.length() - 2);
    }
}
