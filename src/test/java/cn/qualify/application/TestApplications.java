package cn.qualify.application;

import cn.qualify.application.MaterialImage.StoredImage;
import cn.qualify.application.MaterialReview.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test applications named by situation, each reached through the real transitions. */
final class TestApplications {

    static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");
    static final Actor CANDIDATE = new Actor("c-1", "张三");
    static final Actor SHENYANG = new Actor("r-2101", "沈阳审核员");
    static final Actor DISTRICT = new Actor("d-1", "考区审核员");

    private TestApplications() {}

    static StoredImage anImage() {
        return new StoredImage("2025/aa/bb/" + UUID.randomUUID(), "0".repeat(64), 150_000, 1600, 1200);
    }

    static Application aDraft() {
        return Application.start("202521010001", "c-1", 2025, "2101", false);
    }

    static Application aDraftWithIdProof() {
        var application = aDraft();
        for (int i = 0; i < 3; i++) {
            application.addImage("ID_PROOF", anImage(), 3, T0);
        }
        application.addImage("DIPLOMA", anImage(), 4, T0);
        return application;
    }

    static Application aSubmittedApplication() {
        var application = aDraftWithIdProof();
        application.submit(List.of(), CANDIDATE, T0);
        return application;
    }

    static Application aMilitaryApplicationInOfflineReview() {
        var application = Application.start("202521010002", "c-9", 2025, "2101", true);
        application.submit(List.of(), CANDIDATE, T0);
        return application;
    }

    static Application anApplicationReturnedForAClearerDiploma() {
        var application = aSubmittedApplication();
        application.reviewMaterial(accept("ID_PROOF", SHENYANG));
        application.reviewMaterial(replace("DIPLOMA", SHENYANG));
        application.returnForRevision(SHENYANG, T0.plusSeconds(5 * 86_400), T0.plusSeconds(60));
        return application;
    }

    static Application anApplicationInOnsiteReview() {
        var application = aSubmittedApplication();
        application.sendToOnsiteReview(SHENYANG, "身份证照片与本人不符", T0);
        return application;
    }

    static Application anApplicationPassedAtExamPoint() {
        var application = aSubmittedApplication();
        application.reviewMaterial(accept("ID_PROOF", SHENYANG));
        application.reviewMaterial(accept("DIPLOMA", SHENYANG));
        application.decideAtExamPoint(true, "", SHENYANG, T0);
        return application;
    }

    static Application anApplicationFailedAtExamPoint() {
        var application = aSubmittedApplication();
        application.decideAtExamPoint(false, "学历不符合报考条件", SHENYANG, T0);
        return application;
    }

    static Application anApprovedApplication() {
        var application = anApplicationPassedAtExamPoint();
        application.decideFinally(true, "", DISTRICT, T0);
        return application;
    }

    static Application aRejectedApplication() {
        var application = anApplicationFailedAtExamPoint();
        application.decideFinally(false, "学历不符合报考条件", DISTRICT, T0);
        return application;
    }

    static Application anExpiredApplication() {
        var application = anApplicationReturnedForAClearerDiploma();
        application.expire(application.revisionDeadline().orElseThrow());
        return application;
    }

    static Application aWithdrawnApplication() {
        var application = aDraft();
        application.withdraw(CANDIDATE, T0);
        return application;
    }

    static MaterialReview accept(String material, Actor reviewer) {
        return new MaterialReview(material, Verdict.ACCEPTED, List.of(), "", "", reviewer, T0, 0);
    }

    static MaterialReview replace(String material, Actor reviewer) {
        return new MaterialReview(
                material, Verdict.REPLACEMENT_REQUESTED, List.of("UNCLEAR"), "钢印不清晰", "疑似复印件", reviewer, T0, 0);
    }
}
