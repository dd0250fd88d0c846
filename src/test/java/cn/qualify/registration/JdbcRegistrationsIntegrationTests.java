package cn.qualify.registration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.CandidateFacts.Institution;
import cn.qualify.policy.CandidateFacts.WorkUnit;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import cn.qualify.policy.Post;
import cn.qualify.policy.PostgraduateStatus;
import cn.qualify.policy.ShortageExam;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The registration table against the real database: every fact survives the JSON column exactly. */
@RegistrationWebTest
class JdbcRegistrationsIntegrationTests {

    private static final SecureRandom random = new SecureRandom();

    @Autowired
    JdbcRegistrations registrations;

    /** Every field of the contract set, none at its default. */
    static CandidateFacts everyFact() {
        return new CandidateFacts(
                2025,
                ExamLevel.PHYSICIAN,
                Category.INTEGRATED,
                Education.POSTGRADUATE,
                PostgraduateStatus.GRADUATED,
                "11",
                LocalDate.of(2024, 6, 30),
                true,
                LocalDate.of(2016, 9, 1),
                true,
                true,
                true,
                true,
                LocalDate.of(2020, 8, 22),
                Post.PEDIATRICS,
                true,
                true,
                ShortageExam.PEDIATRICS,
                Post.PREHOSPITAL_EMERGENCY,
                new Institution("北京协和医院 \"总院\"", InstitutionType.TERTIARY_A_HOSPITAL, true),
                List.of(
                        new WorkUnit(
                                "甲",
                                InstitutionType.VILLAGE_CLINIC,
                                LocalDate.of(2020, 1, 1),
                                LocalDate.of(2021, 2, 28)),
                        new WorkUnit(null, InstitutionType.CDC, LocalDate.of(2021, 3, 1), null)));
    }

    static Registration registration(long candidateId, CandidateFacts facts, String examPoint) {
        return new Registration(
                candidateId,
                2025,
                "Anna Müller",
                "FEMALE",
                LocalDate.of(1996, 5, 4),
                "PASSPORT",
                "E12345678",
                "13700000000",
                null,
                "中国医科大学",
                "临床医学",
                examPoint,
                facts,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void everyFactRoundTripsExactlyAndASecondSaveReplacesTheFirst() {
        long candidateId = 1_000_000_000L + random.nextInt(1_000_000_000);
        var first = registration(candidateId, everyFact(), "2101");

        registrations.save(first);
        assertThat(registrations.of(candidateId, 2025)).contains(first);
        assertThat(registrations.of(candidateId, 2024)).isEmpty();

        var minimal = new CandidateFacts(
                2025,
                ExamLevel.ASSISTANT,
                Category.CLINICAL,
                Education.SECONDARY,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        var second = registration(candidateId, minimal, "2102");
        registrations.save(second);

        var stored = registrations.of(candidateId, 2025).orElseThrow();
        assertThat(stored).isEqualTo(second);
        assertThat(stored.facts().shortageExam()).isEqualTo(ShortageExam.NONE);
        assertThat(stored.facts().workUnits()).isEmpty();
        assertThat(stored.facts().topUpBachelor()).isFalse();
    }
}
