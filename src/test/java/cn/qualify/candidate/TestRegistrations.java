package cn.qualify.candidate;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Registration info held in memory, so that these tests choose each candidate's situation directly. */
@TestConfiguration(proxyBeanMethods = false)
class TestRegistrations {

    static final Map<Long, Registration> REGISTERED = new ConcurrentHashMap<>();

    @Bean
    @Primary
    Registrations testRegistrations() {
        return (candidateId, examYear) -> Optional.ofNullable(REGISTERED.get(candidateId))
                .filter(registration -> registration.examYear() == examYear);
    }

    static void register(long candidateId, CandidateFacts facts) {
        REGISTERED.put(
                candidateId,
                new Registration(
                        candidateId,
                        2025,
                        "测试考生",
                        "MALE",
                        LocalDate.of(1995, 3, 12),
                        "RESIDENT_ID_CARD",
                        "210102199503120011",
                        "13800000001",
                        null,
                        "中国医科大学",
                        "临床医学",
                        "2101",
                        facts,
                        Instant.now()));
    }

    /** Route 1 with one work unit at a general hospital: ID proof, diploma, one probation assessment, licence. */
    static CandidateFacts aBachelorAtAGeneralHospital() {
        return new CandidateFacts(
                2025,
                ExamLevel.PHYSICIAN,
                Category.CLINICAL,
                Education.BACHELOR,
                null,
                "21",
                LocalDate.of(2023, 7, 1),
                false,
                null,
                false,
                false,
                false,
                false,
                null,
                null,
                false,
                false,
                null,
                null,
                new CandidateFacts.Institution("沈阳市第一人民医院", InstitutionType.GENERAL, false),
                List.of(new CandidateFacts.WorkUnit(
                        "沈阳市第一人民医院", InstitutionType.GENERAL, LocalDate.of(2023, 8, 1), null)));
    }
}
