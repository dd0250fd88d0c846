package cn.qualify.identity;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The account of the user behind the current request. Controllers can also declare a parameter of type
 * {@link Account}: it is resolved to the logged-in account, or the request is refused with 401 when nobody is
 * logged in.
 */
@Component
public class CurrentAccount {

    private final Accounts accounts;

    CurrentAccount(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The logged-in account, read fresh from the store; empty for anonymous requests. */
    public Optional<Account> get() {
        return id().flatMap(accounts::byId);
    }

    /** The id of the logged-in account, without a database read; empty for anonymous requests. */
    public Optional<Long> id() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount signedIn) {
            return Optional.of(signedIn.id());
        }
        return Optional.empty();
    }
}
