package cn.qualify.identity;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The principal of a logged-in session. Kept small because the session store serialises it; everything else
 * is read fresh from {@link Accounts}. Its name is the login name, which Spring Session indexes.
 */
record SignedInAccount(long id, String loginName, Role role) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return loginName;
    }
}
