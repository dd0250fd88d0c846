package cn.qualify.notification;

import cn.qualify.application.Actor;
import cn.qualify.application.Application;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialImage.StoredImage;
import cn.qualify.application.MaterialReview;
import cn.qualify.application.MaterialReview.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Applications returned for revision, reached through the real transitions and saved. */
final class ReturnedApplications {

    static final Actor REVIEWER = new Actor("r-notify", "沈阳审核员");

    private ReturnedApplications() {}

    static StoredImage anImage() {
        return new StoredImage("notify/" + UUID.randomUUID(), "0".repeat(64), 150_000, 1600, 1200);
    }

    /** A candidate's application with a diploma to replace, returned at {@code at} with the given deadline. */
    static Application returnedWithDiplomaToReplace(
            Applications applications, String candidateId, String examPoint, Instant at, Instant deadline) {
        var application = applications.open(candidateId, 2025, examPoint, false);
        application.addImage("ID_PROOF", anImage(), 3, at);
        application.addImage("DIPLOMA", anImage(), 4, at);
        application = applications.save(application);
        application.submit(List.of(), new Actor(candidateId, "考生"), at);
        application = applications.save(application);
        application.reviewMaterial(
                new MaterialReview("ID_PROOF", Verdict.ACCEPTED, List.of(), "", "", REVIEWER, at, application.round()));
        application.reviewMaterial(new MaterialReview(
                "DIPLOMA",
                Verdict.REPLACEMENT_REQUESTED,
                List.of("UNCLEAR"),
                "请上传清晰的毕业证书",
                "",
                REVIEWER,
                at,
                application.round()));
        application.returnForRevision(REVIEWER, deadline, at);
        return applications.save(application);
    }

    /** The candidate replaces the diploma and resubmits on this copy of the application. */
    static void replaceAndResubmit(Application application, Instant at) {
        application.addImage("DIPLOMA", anImage(), 4, at);
        application.resubmit(List.of(), new Actor(application.candidateId(), "考生"), at);
    }
}
