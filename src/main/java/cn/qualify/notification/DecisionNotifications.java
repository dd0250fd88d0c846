package cn.qualify.notification;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationEvents.ApplicationTransitioned;
import cn.qualify.application.ApplicationEvents.ExamPointDecided;
import cn.qualify.application.ApplicationEvents.Expired;
import cn.qualify.application.ApplicationEvents.FinalDecisionMade;
import cn.qualify.application.ApplicationEvents.OnsiteReviewRequested;
import cn.qualify.application.ApplicationEvents.ReturnedForRevision;
import cn.qualify.application.ApplicationEvents.RevisionDeadlineExtended;
import cn.qualify.application.Applications;
import cn.qualify.shared.ExamDays;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the review's events into notices. Each listener runs after the deciding transaction committed, in a
 * transaction of its own, and is recorded in the event publication registry: if it fails, or the process stops
 * before it completes, the publication stays incomplete and is resubmitted later ({@link PublicationResubmitter},
 * and on restart). {@link Notifier} makes the second attempt harmless.
 */
@Component
class DecisionNotifications {

    static final ZoneId EXAM_ZONE = ExamDays.ZONE;

    private final Notifier notifier;
    private final Applications applications;

    DecisionNotifications(Notifier notifier, Applications applications) {
        this.notifier = notifier;
        this.applications = applications;
    }

    @ApplicationModuleListener
    void on(ReturnedForRevision event) {
        notify(
                event,
                NoticeKind.RETURNED,
                lastDay(event.deadline()),
                String.valueOf(event.materials().size()));
    }

    @ApplicationModuleListener
    void on(OnsiteReviewRequested event) {
        notify(event, NoticeKind.ONSITE_REVIEW, event.reason());
    }

    @ApplicationModuleListener
    void on(ExamPointDecided event) {
        notify(event, event.passed() ? NoticeKind.EXAM_POINT_PASSED : NoticeKind.EXAM_POINT_FAILED, event.reason());
    }

    @ApplicationModuleListener
    void on(FinalDecisionMade event) {
        notify(event, event.approved() ? NoticeKind.APPROVED : NoticeKind.REJECTED, event.reason());
    }

    @ApplicationModuleListener
    void on(Expired event) {
        notify(event, NoticeKind.EXPIRED);
    }

    @ApplicationModuleListener
    void on(RevisionDeadlineExtended event) {
        record(
                event.candidateId(),
                key(NoticeKind.DEADLINE_EXTENDED, event.applicationId(), event.at()),
                NoticeKind.DEADLINE_EXTENDED,
                event.applicationId(),
                lastDay(event.extendedTo()));
    }

    @ApplicationModuleListener
    void on(RevisionDeadlineApproaching event) {
        record(
                event.candidateId(),
                NoticeKind.DEADLINE_APPROACHING.name() + ":" + event.applicationId() + ":"
                        + event.deadline().toEpochMilli() + ":" + event.leadHours(),
                NoticeKind.DEADLINE_APPROACHING,
                event.applicationId(),
                lastDay(event.deadline()),
                String.valueOf(event.leadHours()));
    }

    private void notify(ApplicationTransitioned event, NoticeKind kind, String... args) {
        record(event.candidateId(), key(kind, event.applicationId(), event.at()), kind, event.applicationId(), args);
    }

    private void record(String candidateId, String eventKey, NoticeKind kind, UUID applicationId, String... args) {
        List<String> all = new ArrayList<>();
        all.add(applications.byId(applicationId).map(Application::number).orElse(""));
        all.addAll(List.of(args));
        notifier.record(new Notice(candidateId, eventKey, kind, applicationId, all));
    }

    private static String key(NoticeKind kind, UUID applicationId, Instant at) {
        return kind.name() + ":" + applicationId + ":" + at.toEpochMilli();
    }

    /** The last day on which the candidate may still resubmit: the deadline is the following midnight in China. */
    static String lastDay(Instant deadline) {
        return ExamDays.lastDayBefore(deadline).toString();
    }
}
