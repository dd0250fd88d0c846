package cn.qualify.registration;

import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.exam.ExamYear;
import cn.qualify.exam.ExamYears;
import cn.qualify.identity.SmsSender;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application with exam setup that tests control (the current exam year 2025, its registration window, the
 * exam points 2101 and 2102 and the retired 2103) and an SMS port that remembers the codes, so that tests register
 * and log in like candidates do.
 */
@TestConfiguration(proxyBeanMethods = false)
class RegistrationTestConfiguration {

    @Bean
    @Primary
    CapturingSms capturingSms() {
        return new CapturingSms();
    }

    @Bean
    @Primary
    TestExamYears testExamYears(Clock clock) {
        return new TestExamYears(clock);
    }

    @Bean
    @Primary
    ExamPoints testExamPoints() {
        return new ExamPoints() {
            @Override
            public List<ExamPoint> all() {
                return TestExamYears.POINTS;
            }

            @Override
            public Optional<ExamPoint> byCode(String code) {
                return TestExamYears.POINTS.stream()
                        .filter(point -> point.code().equals(code))
                        .findFirst();
            }
        };
    }

    /** Keeps the last verification code per phone. */
    static class CapturingSms implements SmsSender {

        private final Map<String, String> codes = new ConcurrentHashMap<>();

        @Override
        public void sendVerificationCode(String phone, String code, Duration validFor) {
            codes.put(phone, code);
        }

        String lastCodeFor(String phone) {
            return codes.get(phone);
        }
    }

    /** Exam year 2025 whose registration window tests can move; the exam points of the tests. */
    static class TestExamYears implements ExamYears {

        static final List<ExamPoint> POINTS = List.of(
                new ExamPoint("2101", "沈阳考点", "21", true),
                new ExamPoint("2102", "大连考点", "21", true),
                new ExamPoint("2103", "鞍山考点", "21", false));

        private final Clock clock;
        private volatile ExamYear year;

        TestExamYears(Clock clock) {
            this.clock = clock;
            openRegistration();
        }

        /** Registration opened ten days ago and closes in ten. */
        void openRegistration() {
            year = yearWithRegistration(today().minusDays(10), today().plusDays(10));
        }

        void registrationOpensTomorrow() {
            year = yearWithRegistration(today().plusDays(1), today().plusDays(10));
        }

        void registrationClosedYesterday() {
            year = yearWithRegistration(today().minusDays(10), today().minusDays(1));
        }

        private LocalDate today() {
            return LocalDate.now(clock);
        }

        private static ExamYear yearWithRegistration(LocalDate opens, LocalDate closes) {
            return new ExamYear(
                    2025,
                    "21",
                    "LN-2025",
                    opens,
                    closes,
                    opens,
                    closes.plusDays(20),
                    opens,
                    closes.plusDays(40),
                    5,
                    204_800);
        }

        @Override
        public Optional<ExamYear> current() {
            return Optional.of(year);
        }

        @Override
        public Optional<ExamYear> byYear(int calendarYear) {
            return calendarYear == year.year() ? Optional.of(year) : Optional.empty();
        }

        @Override
        public List<ExamYear> all() {
            return List.of(year);
        }
    }
}
