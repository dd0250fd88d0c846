package cn.qualify.forms;

import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.exam.ExamYear;
import cn.qualify.exam.ExamYears;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

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
}
