package cn.qualify.identity;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts for tests, stored through the real repository, with names unique enough for a database that several
 * test classes share.
 */
class TestAccounts {

    static final String PASSWORD = "correct horse battery";
    private static final SecureRandom random = new SecureRandom();

    private final JdbcAccounts accounts;
    private final PasswordEncoder encoder;

    TestAccounts(JdbcAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** A valid 居民身份证 number nobody has yet: Shenyang address code, random birth date and sequence. */
    static String freshIdNumber() {
        var birth = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(365 * 30));
        String first17 =
                "210102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdCard.checkDigit(first17);
    }

    static String freshPhone() {
        return "139" + String.format("%08d", random.nextInt(100_000_000));
    }

    static String freshUserName(String prefix) {
        return prefix + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
    }

    static String freshAddress() {
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    Account candidate() {
        long id = accounts.create(new JdbcAccounts.NewAccount(
                freshIdNumber(),
                IdType.RESIDENT_ID_CARD,
                "测试考生",
                freshPhone(),
                true,
                null,
                encoder.encode(PASSWORD),
                Role.CANDIDATE,
                true,
                Set.of()));
        return accounts.byId(id).orElseThrow();
    }

    Account staff(Role role, String... examPoints) {
        long id = accounts.create(new JdbcAccounts.NewAccount(
                freshUserName(role.name().toLowerCase().replace("_", "")),
                null,
                "测试" + role.name(),
                null,
                false,
                null,
                encoder.encode(PASSWORD),
                role,
                true,
                Set.of(examPoints)));
        return accounts.byId(id).orElseThrow();
    }

    /** The authentication a log-in would have produced for the account. */
    static Authentication signedIn(Account account) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new SignedInAccount(account.id(), account.loginName(), account.role()),
                null,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
    }
}
