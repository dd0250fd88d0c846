package cn.qualify.forms;

import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.exam.ExamYear;
import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Role;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application with registration info kept in memory, and the 2025 exam year with 沈阳考点 as the only exam
 * setup, whatever other test classes left in the shared test database.
 */
@TestConfiguration(proxyBeanMethods = false)
class FormsTestConfiguration {

    @Bean
    @Primary
    RegistrationsInMemory formsTestRegistrations() {
        return new RegistrationsInMemory();
    }

    @Bean
    @Primary
    ExamYears formsTestExamYears() {
        var year = new ExamYear(
                Situations.YEAR,
                "21",
                "LN-2025",
                LocalDate.of(2025, 1, 6),
                LocalDate.of(2025, 1, 20),
                LocalDate.of(2025, 1, 6),
                LocalDate.of(2025, 1, 31),
                LocalDate.of(2025, 1, 6),
                LocalDate.of(2025, 3, 31),
                5,
                204_800);
        return new ExamYears() {
            @Override
            public Optional<ExamYear> current() {
                return Optional.of(year);
            }

            @Override
            public Optional<ExamYear> byYear(int y) {
                return y == year.year() ? Optional.of(year) : Optional.empty();
            }

            @Override
            public List<ExamYear> all() {
                return List.of(year);
            }
        };
    }

    @Bean
    @Primary
    ExamPoints formsTestExamPoints() {
        var shenyang = new ExamPoint(Situations.SHENYANG, "沈阳考点", "21", true);
        return new ExamPoints() {
            @Override
            public List<ExamPoint> all() {
                return List.of(shenyang);
            }

            @Override
            public Optional<ExamPoint> byCode(String code) {
                return shenyang.code().equals(code) ? Optional.of(shenyang) : Optional.empty();
            }
        };
    }

    @Bean
    TestAccounts formsTestAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        return new TestAccounts(jdbc, encoder);
    }

    /** Registration info by candidate and exam year. */
    static class RegistrationsInMemory implements Registrations {

        private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

        @Override
        public Optional<Registration> of(long candidateId, int examYear) {
            return Optional.ofNullable(registrations.get(candidateId + "/" + examYear));
        }

        Registration put(Registration registration) {
            registrations.put(registration.candidateId() + "/" + registration.examYear(), registration);
            return registration;
        }
    }

    /**
     * Accounts stored the way the identity module stores them, so that tests log in through the real log-in form,
     * with names unique in a database that several test classes share.
     */
    static class TestAccounts {

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
            var now = java.sql.Timestamp.from(Instant.now());
            jdbc.sql("INSERT INTO account (login_name, login_key, id_type, display_name, phone, phone_verified, email,"
                            + " password_hash, role, enabled, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, NULL, FALSE, NULL, ?, ?, TRUE, ?, ?)")
                    .params(
                            loginName,
                            loginName.toLowerCase(java.util.Locale.ROOT),
                            role == Role.CANDIDATE ? "RESIDENT_ID_CARD" : null,
                            "表格测试",
                            passwordHash,
                            role.name(),
                            now,
                            now)
                    .update();
            long id = jdbc.sql("SELECT id FROM account WHERE login_key = ?")
                    .param(loginName.toLowerCase(java.util.Locale.ROOT))
                    .query(Long.class)
                    .single();
            return new TestAccount(id, loginName);
        }
    }

    record TestAccount(long id, String loginName) {}
}
