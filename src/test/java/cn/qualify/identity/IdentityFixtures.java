package cn.qualify.identity;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts for the tests of other modules, created through the identity module's real store. */
public final class IdentityFixtures {

    /** The password of every account these fixtures create. */
    public static final String PASSWORD = TestAccounts.PASSWORD;

    private IdentityFixtures() {}

    public static Account aCandidate(ApplicationContext context) {
        return accounts(context).candidate();
    }

    public static Account aStaffMember(ApplicationContext context, Role role, String... examPoints) {
        return accounts(context).staff(role, examPoints);
    }

    /** The authentication a log-in would have produced, for MockMvc's {@code authentication(…)}. */
    public static Authentication signedIn(Account account) {
        return TestAccounts.signedIn(account);
    }

    private static TestAccounts accounts(ApplicationContext context) {
        return new TestAccounts(context.getBean(JdbcAccounts.class), context.getBean(PasswordEncoder.class));
    }
}
