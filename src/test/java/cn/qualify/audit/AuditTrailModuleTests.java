package cn.qualify.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.Actor;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialImage.StoredImage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

/** Every transition of an application lands in its history, with who and what. */
@ApplicationModuleTest(extraIncludes = {"shared", "application"})
class AuditTrailModuleTests {

    static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");

    @Autowired
    Applications applications;

    @Autowired
    AuditTrail trail;

    @Test
    void recordsEachTransitionWithActorAndDetails() {
        var candidate = new Actor("c-" + UUID.randomUUID(), "李四");
        var reviewer = new Actor("r-2101", "沈阳审核员");
        var application = applications.open(candidate.accountId(), 2025, "2101", false);
        application.addImage(
                "ID_PROOF", new StoredImage("2025/aa/" + UUID.randomUUID(), "0".repeat(64), 1000, 1600, 1200), 3, T0);
        application.submit(List.of(), candidate, T0);
        application = applications.save(application);
        application.decideAtExamPoint(false, "学历不符合报考条件", reviewer, T0.plusSeconds(60));
        application = applications.save(application);

        var history = trail.ofApplication(application.id());
        assertThat(history)
                .extracting(AuditEntry::action)
                .containsExactly("APPLICATION_SUBMITTED", "EXAM_POINT_FAILED");
        assertThat(history.get(0).actorName()).isEqualTo("李四");
        assertThat(history.get(1).actorId()).isEqualTo("r-2101");
        assertThat(history.get(1).details())
                .contains(ApplicationState.SUBMITTED.name(), ApplicationState.POINT_FAILED.name(), "学历不符合报考条件");
    }
}
