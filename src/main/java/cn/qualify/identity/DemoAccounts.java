package cn.qualify.identity;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo accounts on an empty database when {@code qualify.demo.enabled=true}: one per staff role, one point
 * reviewer each for 沈阳 (2101) and 大连 (2102), and candidates with valid 居民身份证 numbers. All share
 * {@link #PASSWORD}.
 */
@Component
@ConditionalOnBooleanProperty("qualify.demo.enabled")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Qualify-2025";

    record Staff(String userName, String name, Role role, Set<String> examPoints) {}

    record Candidate(String first17Digits, String name, String phone) {
        String idNumber() {
            return first17Digits + ResidentIdCard.checkDigit(first17Digits);
        }
    }

    static final List<Staff> STAFF = List.of(
            new Staff("admin", "系统管理员", Role.ADMIN, Set.of()),
            new Staff("district", "辽宁考区审核员", Role.DISTRICT_REVIEWER, Set.of()),
            new Staff("shenyang", "沈阳考点审核员", Role.POINT_REVIEWER, Set.of("2101")),
            new Staff("dalian", "大连考点审核员", Role.POINT_REVIEWER, Set.of("2102")));

    /** Address code, birth date and sequence; the check digit is computed. Odd 17th digit: male. */
    static final List<Candidate> CANDIDATES = List.of(
            new Candidate("21010219950312001", "张伟", "13800000001"),
            new Candidate("21010219970825002", "王芳", "13800000002"),
            new Candidate("21020219960101004", "李娜", "13800000003"),
            new Candidate("21020319930718005", "刘洋", "13800000004"),
            new Candidate("21010619981203006", "陈静", "13800000005"),
            new Candidate("21021119920430007", "赵磊", "13800000006"),
            new Candidate("21030219990615008", "孙丽", "13800000007"));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final JdbcAccounts accounts;
    private final PasswordEncoder encoder;

    DemoAccounts(JdbcAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        for (var staff : STAFF) {
            accounts.create(new JdbcAccounts.NewAccount(
                    staff.userName(),
                    null,
                    staff.name(),
                    null,
                    false,
                    null,
                    hash,
                    staff.role(),
                    true,
                    staff.examPoints()));
        }
        for (var candidate : CANDIDATES) {
            accounts.create(new JdbcAccounts.NewAccount(
                    candidate.idNumber(),
                    IdType.RESIDENT_ID_CARD,
                    candidate.name(),
                    candidate.phone(),
                    true,
                    null,
                    hash,
                    Role.CANDIDATE,
                    true,
                    Set.of()));
        }
        log.info(
                "Demo accounts created: {} staff and {} candidates, password {}",
                STAFF.size(),
                CANDIDATES.size(),
                PASSWORD);
    }
}
