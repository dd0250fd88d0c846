package cn.qualify.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account table and the exam-point scopes of point reviewers. Reads of one statement run without a transaction:
 * one would only add work to every signed-in request; reads that add the scopes in a second statement run in one.
 */
@Repository
class JdbcAccounts implements Accounts {

    private static final String COLUMNS = "id, login_name, id_type, display_name, role, phone, enabled FROM account";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What log-in needs to know about an account; passwordHash is null for an unclaimed imported account. */
    record Credentials(long id, String loginName, String passwordHash, Role role, boolean enabled) {}

    /** A new account as validated by its form. */
    record NewAccount(
            String loginName,
            IdType idType,
            String displayName,
            String phone,
            boolean phoneVerified,
            String email,
            String passwordHash,
            Role role,
            boolean enabled,
            Set<String> examPointCodes) {}

    /**
     * One statement, with the scopes joined in: every signed-in request reads its account, and at the deadline peak
     * each round trip to the database counts.
     */
    @Override
    public Optional<Account> byId(long id) {
        var account = new ArrayList<Account>(1);
        var scopes = new LinkedHashSet<String>();
        jdbc.sql("SELECT a.id, a.login_name, a.id_type, a.display_name, a.role, a.phone, a.enabled, s.exam_point_code"
                        + " FROM account a LEFT JOIN account_exam_point s ON s.account_id = a.id"
                        + " WHERE a.id = ? ORDER BY s.exam_point_code")
                .param(id)
                .query((RowCallbackHandler) rs -> {
                    if (account.isEmpty()) {
                        account.add(row(rs, 0));
                    }
                    if (rs.getString("exam_point_code") != null) {
                        scopes.add(rs.getString("exam_point_code"));
                    }
                });
        return account.stream().findFirst().map(a -> withExamPointCodes(a, scopes));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Account> byLoginName(String loginName) {
        return withScopes(jdbc.sql("SELECT " + COLUMNS + " WHERE login_key = ?")
                        .param(LoginNames.key(loginName))
                        .query(JdbcAccounts::row)
                        .list())
                .stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Account> pointReviewersOf(String examPointCode) {
        return withScopes(jdbc.sql("SELECT " + COLUMNS + " WHERE role = 'POINT_REVIEWER' AND enabled = TRUE"
                        + " AND id IN (SELECT account_id FROM account_exam_point WHERE exam_point_code = ?)"
                        + " ORDER BY login_key")
                .param(examPointCode)
                .query(JdbcAccounts::row)
                .list());
    }

    @Override
    @Transactional
    public Account importCandidate(IdType idType, String idNumber, String name, String phone) {
        var document = IdDocument.of(idType, idNumber);
        String normalisedName = PersonNames.normalise(name);
        PersonNames.violation(normalisedName).ifPresent(key -> {
            throw new IllegalArgumentException("Invalid name: " + key);
        });
        String normalisedPhone = PhoneNumbers.normalise(phone);
        if (!PhoneNumbers.isMobile(normalisedPhone)) {
            throw new IllegalArgumentException("Not a mainland mobile number");
        }
        var existing = byLoginName(document.number());
        if (existing.isPresent()) {
            if (existing.get().role() != Role.CANDIDATE) {
                throw new IllegalArgumentException("A staff account has the login name of this document");
            }
            return existing.get();
        }
        long id = create(new NewAccount(
                document.number(),
                idType,
                normalisedName,
                normalisedPhone,
                false,
                null,
                null,
                Role.CANDIDATE,
                true,
                Set.of()));
        return byId(id).orElseThrow();
    }

    /** The imported candidate account with this login name that nobody has claimed yet (no password). */
    @Transactional(readOnly = true)
    Optional<Account> unclaimedCandidate(String loginName) {
        return withScopes(jdbc.sql("SELECT " + COLUMNS
                                + " WHERE login_key = ? AND role = 'CANDIDATE' AND password_hash IS NULL")
                        .param(LoginNames.key(loginName))
                        .query(JdbcAccounts::row)
                        .list())
                .stream()
                .findFirst();
    }

    /**
     * Gives an unclaimed imported account its password and marks its phone verified.
     *
     * @return false if the account was claimed in the meantime (or is no unclaimed account); nothing changed then
     */
    @Transactional
    boolean claim(long id, String passwordHash) {
        return jdbc.sql("UPDATE account SET password_hash = ?, phone_verified = TRUE, updated_at = ?"
                                + " WHERE id = ? AND role = 'CANDIDATE' AND password_hash IS NULL")
                        .params(passwordHash, now(), id)
                        .update()
                > 0;
    }

    /** Every staff account, administrators first. */
    @Transactional(readOnly = true)
    List<Account> staff() {
        return withScopes(jdbc.sql("SELECT " + COLUMNS + " WHERE role <> 'CANDIDATE' ORDER BY role, login_key")
                .query(JdbcAccounts::row)
                .list());
    }

    /** Accounts of any role whose login name or name contains {@code text}, at most {@code limit}. */
    @Transactional(readOnly = true)
    List<Account> search(String text, int limit) {
        String pattern = "%" + LoginNames.key(text).replace("%", "").replace("_", "") + "%";
        return withScopes(jdbc.sql("SELECT " + COLUMNS + " WHERE login_key LIKE ? OR display_name LIKE ?"
                        + " ORDER BY login_key FETCH FIRST " + limit + " ROWS ONLY")
                .param(pattern)
                .param("%" + text.strip().replace("%", "").replace("_", "") + "%")
                .query(JdbcAccounts::row)
                .list());
    }

    Optional<Credentials> credentials(String loginName) {
        return jdbc.sql("SELECT id, login_name, password_hash, role, enabled FROM account WHERE login_key = ?")
                .param(LoginNames.key(loginName))
                .query((rs, n) -> new Credentials(
                        rs.getLong("id"),
                        rs.getString("login_name"),
                        rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled")))
                .optional();
    }

    boolean loginNameTaken(String loginName) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE login_key = ?")
                        .param(LoginNames.key(loginName))
                        .query(Long.class)
                        .single()
                > 0;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    /**
     * Stores a new account with its scopes.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the login name is taken
     */
    @Transactional
    long create(NewAccount account) {
        var now = now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO account (login_name, login_key, id_type, display_name, phone, phone_verified, email,"
                        + " password_hash, role, enabled, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        account.loginName(),
                        LoginNames.key(account.loginName()),
                        account.idType() == null ? null : account.idType().name(),
                        account.displayName(),
                        account.phone(),
                        account.phoneVerified(),
                        account.email(),
                        account.passwordHash(),
                        account.role().name(),
                        account.enabled(),
                        now,
                        now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        replaceScopes(id, account.examPointCodes());
        return id;
    }

    @Transactional
    void updateStaff(long id, String displayName, Role role, String phone, Set<String> examPointCodes) {
        jdbc.sql("UPDATE account SET display_name = ?, role = ?, phone = ?, updated_at = ?"
                        + " WHERE id = ? AND role <> 'CANDIDATE'")
                .params(displayName, role.name(), phone, now(), id)
                .update();
        replaceScopes(id, role == Role.POINT_REVIEWER ? examPointCodes : Set.of());
    }

    @Transactional
    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE account SET enabled = ?, updated_at = ? WHERE id = ?")
                .params(enabled, now(), id)
                .update();
    }

    @Transactional
    void setPasswordHash(long id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = ?, updated_at = ? WHERE id = ?")
                .params(passwordHash, now(), id)
                .update();
    }

    private void replaceScopes(long id, Set<String> examPointCodes) {
        jdbc.sql("DELETE FROM account_exam_point WHERE account_id = ?")
                .param(id)
                .update();
        for (String code : new TreeSet<>(examPointCodes)) {
            jdbc.sql("INSERT INTO account_exam_point (account_id, exam_point_code) VALUES (?, ?)")
                    .params(id, code)
                    .update();
        }
    }

    private List<Account> withScopes(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return accounts;
        }
        Map<Long, Set<String>> scopes = new HashMap<>();
        var ids = accounts.stream().map(Account::id).toList();
        jdbc.sql("SELECT account_id, exam_point_code FROM account_exam_point WHERE account_id IN (:ids)"
                        + " ORDER BY exam_point_code")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> scopes.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                        .add(rs.getString(2)));
        return accounts.stream()
                .map(a -> withExamPointCodes(a, scopes.getOrDefault(a.id(), Set.of())))
                .toList();
    }

    private static Account withExamPointCodes(Account a, Set<String> examPointCodes) {
        return new Account(
                a.id(), a.loginName(), a.idType(), a.displayName(), a.role(), examPointCodes, a.phone(), a.enabled());
    }

    private static Account row(ResultSet rs, int rowNum) throws SQLException {
        String idType = rs.getString("id_type");
        return new Account(
                rs.getLong("id"),
                rs.getString("login_name"),
                idType == null ? null : IdType.valueOf(idType),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Set.of(),
                rs.getString("phone"),
                rs.getBoolean("enabled"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
