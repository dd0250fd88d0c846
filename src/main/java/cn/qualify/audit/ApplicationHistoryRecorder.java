package cn.qualify.audit;

import cn.qualify.application.ApplicationEvents.*;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every transition, deadline change and exam-point change of an application to the audit trail. A plain (synchronous)
 * listener on purpose: the entry commits or rolls back together with the change it records.
 */
@Component
class ApplicationHistoryRecorder {

    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditTrail trail;

    ApplicationHistoryRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(ApplicationTransitioned event) {
        trail.record(
                event.actor().accountId(),
                event.actor().displayName(),
                action(event),
                event.applicationId(),
                event.from() + " → " + event.to() + details(event));
    }

    @EventListener
    void on(RevisionDeadlineExtended event) {
        trail.record(
                event.actor().accountId(),
                event.actor().displayName(),
                "DEADLINE_EXTENDED",
                event.applicationId(),
                deadline(event.previous()) + " → " + deadline(event.extendedTo()));
    }

    @EventListener
    void on(ExamPointChanged event) {
        trail.record(
                event.actor().accountId(),
                event.actor().displayName(),
                "EXAM_POINT_CHANGED",
                event.applicationId(),
                event.previous() + " → " + event.current());
    }

    private static String action(ApplicationTransitioned event) {
        if (event instanceof ExamPointDecided decided) {
            return decided.passed() ? "EXAM_POINT_PASSED" : "EXAM_POINT_FAILED";
        }
        if (event instanceof FinalDecisionMade decided) {
            return decided.approved() ? "FINAL_APPROVED" : "FINAL_REJECTED";
        }
        if (event instanceof Submitted) {
            return "APPLICATION_SUBMITTED";
        }
        if (event instanceof Resubmitted) {
            return "APPLICATION_RESUBMITTED";
        }
        if (event instanceof ReturnedForRevision) {
            return "APPLICATION_RETURNED";
        }
        if (event instanceof OnsiteReviewRequested) {
            return "ONSITE_REVIEW_REQUESTED";
        }
        if (event instanceof SentBackToExamPoint) {
            return "SENT_BACK_TO_EXAM_POINT";
        }
        if (event instanceof Expired) {
            return "APPLICATION_EXPIRED";
        }
        return "APPLICATION_WITHDRAWN";
    }

    private static String details(ApplicationTransitioned event) {
        if (event instanceof ReturnedForRevision returned) {
            return "; deadline " + deadline(returned.deadline()) + "; materials " + returned.materials();
        }
        if (event instanceof Resubmitted resubmitted) {
            return "; round " + resubmitted.round();
        }
        if (event instanceof OnsiteReviewRequested onsite) {
            return reason(onsite.reason());
        }
        if (event instanceof ExamPointDecided decided) {
            return reason(decided.reason());
        }
        if (event instanceof SentBackToExamPoint sentBack) {
            return reason(sentBack.reason());
        }
        if (event instanceof FinalDecisionMade decided) {
            return reason(decided.reason());
        }
        return "";
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : "; " + reason;
    }

    private static String deadline(Instant instant) {
        return DEADLINE.format(instant);
    }
}
