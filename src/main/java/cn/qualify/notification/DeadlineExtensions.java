package cn.qualify.notification;

import cn.qualify.application.Actor;
import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.Applications;
import cn.qualify.application.RevisionDue;
import cn.qualify.identity.Account;
import cn.qualify.shared.ExamDays;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators extend revision deadlines (二.7) of one candidate or of every returned candidate of an exam point,
 * before the deadline passes. Each extension goes through the aggregate's {@code extendDeadline} — the same as a
 * reviewer's extension on the review screen — and its event is written to the audit trail in the same
 * transaction; the candidate is notified.
 */
@Component
class DeadlineExtensions {

    /** The latest last day an extension may set, counted from today. */
    static final int MAX_DAYS = 60;

    private final Applications applications;
    private final Clock clock;
    private final TransactionTemplate tx;

    DeadlineExtensions(Applications applications, Clock clock, PlatformTransactionManager transactions) {
        this.applications = applications;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The deadline that lets the candidate resubmit through the whole of {@code lastDay} in China. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DecisionNotifications.EXAM_ZONE);
    }

    List<RevisionDue> returnedAt(String examPointCode) {
        return applications.returnedAt(examPointCode);
    }

    /**
     * Extends one application's deadline.
     *
     * @throws ApplicationRuleViolation if it is not returned, its deadline passed, or the new one is not later
     * @throws cn.qualify.application.StaleApplicationException if it changed meanwhile
     */
    void extend(Account admin, UUID applicationId, LocalDate lastDay) {
        requireWithinReach(lastDay);
        tx.executeWithoutResult(status -> {
            var application = applications
                    .byId(applicationId)
                    .orElseThrow(() -> new ApplicationRuleViolation(
                            "notification.deadline.unknown", "No application " + applicationId));
            application.extendDeadline(ExamDays.endOf(lastDay), actor(admin), clock.instant());
            applications.save(application);
        });
    }

    /**
     * Extends the deadline of every returned application of the exam point whose deadline has not passed and is
     * earlier than the new one; each in its own transaction, so one that changed meanwhile does not stop the rest.
     *
     * @return how many were extended
     */
    int extendExamPoint(Account admin, String examPointCode, LocalDate lastDay) {
        requireWithinReach(lastDay);
        var extendedTo = ExamDays.endOf(lastDay);
        int extended = 0;
        for (RevisionDue due : applications.returnedAt(examPointCode)) {
            if (!due.deadline().isBefore(extendedTo) || !clock.instant().isBefore(due.deadline())) {
                continue;
            }
            try {
                extend(admin, due.id(), lastDay);
                extended++;
            } catch (ApplicationRuleViolation changed) {
                // resubmitted, expired or withdrawn meanwhile: nothing to extend
            }
        }
        return extended;
    }

    private void requireWithinReach(LocalDate lastDay) {
        if (lastDay == null) {
            throw new ApplicationRuleViolation("notification.deadline.required", "No last day");
        }
        if (lastDay.isAfter(today().plusDays(MAX_DAYS))) {
            throw new ApplicationRuleViolation(
                    "notification.deadline.tooFar", "Last day " + lastDay + " too far", MAX_DAYS);
        }
    }

    private static Actor actor(Account admin) {
        return new Actor(String.valueOf(admin.id()), admin.displayName());
    }
}
