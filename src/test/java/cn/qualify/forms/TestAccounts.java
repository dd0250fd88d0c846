package cn.qualify.forms;

import cn.qualify.identity.Role;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts stored the way the identity module stores them, so that tests log in through the real log-in form,
 * with names unique in a database that several test classes share.
 */
class TestAccounts {

    static final String PASSWORD = "correct horse battery";
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final String passwordHash;

    TestAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.passwordHash = encoder.encode(PASSWORD);
    }

    /** @return the new account's id and login name */
    TestAccount create(Role role) {
        String loginName = role == Role.CANDIDATE
                ? "2101021990" + String.format("%08d", random.nextInt(100_000_000))
                : "forms" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
        var now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO account (login_name, login_key, id_type, display_name, phone, phone_verified, email,"
                        + " password_hash, role, enabled, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, NULL, FALSE, NULL, ?, ?, TRUE, ?, ?)")
                .params(
                        loginName,
                        loginName.toLowerCase(Locale.ROOT),
                        role == Role.CANDIDATE ? "RESIDENT_ID_CARD" : null,
                        "表格测试",
                        passwordHash,
                        role.name(),
                        now,
                        now)
                .update();
        long id = jdbc.sql("SELECT id FROM account WHERE login_key = ?")
                .param(loginName.toLowerCase(Locale.ROOT))
                .query(Long.class)
                .single();
        return new TestAccount(id, loginName);
    }

    /** An account created for a test: its id and the name it logs in with. */
    record TestAccount(long id, String loginName) {}
}
