package cn.qualify.review;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import cn.qualify.policy.Post;
import cn.qualify.policy.ShortageExam;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Registration info kept in memory, standing in for the registration module in review tests. */
class TestRegistrations implements Registrations {

    private final Map<String, Registration> byCandidateAndYear = new ConcurrentHashMap<>();

    @Override
    public Optional<Registration> of(long candidateId, int examYear) {
        return Optional.ofNullable(byCandidateAndYear.get(candidateId + "/" + examYear));
    }

    void forget(long candidateId, int examYear) {
        byCandidateAndYear.remove(candidateId + "/" + examYear);
    }

    /** A bachelor registering for the physician exam (route 1) at a general hospital. */
    Registration register(long candidateId, int examYear, String name, String idNumber, String examPointCode) {
        var facts = new CandidateFacts(
                2025,
                ExamLevel.PHYSICIAN,
                Category.CLINICAL,
                Education.BACHELOR,
                null,
                "21",
                LocalDate.of(2022, 7, 1),
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
                ShortageExam.NONE,
                Post.GENERAL,
                new CandidateFacts.Institution("沈阳市第四人民医院", InstitutionType.GENERAL, false),
                List.of(new CandidateFacts.WorkUnit(
                        "沈阳市第四人民医院", InstitutionType.GENERAL, LocalDate.of(2022, 8, 1), null)));
        var registration = new Registration(
                candidateId,
                examYear,
                name,
                "MALE",
                LocalDate.of(1995, 3, 12),
                "RESIDENT_ID_CARD",
                idNumber,
                "13800000001",
                null,
                "中国医科大学",
                "临床医学",
                examPointCode,
                facts,
                Instant.now());
        byCandidateAndYear.put(candidateId + "/" + examYear, registration);
        return registration;
    }
}
