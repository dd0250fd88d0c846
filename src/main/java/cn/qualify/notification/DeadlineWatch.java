package cn.qualify.notification;

import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.Applications;
import cn.qualify.application.RevisionDue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches revision deadlines (二.5). A returned application whose deadline has come — the deadline instant itself
 * included, which is the midnight after the last day in China — moves to EXPIRED through the aggregate, one
 * application per transaction with the usual optimistic check, so a resubmission that wins the race is never
 * overwritten and one that loses gets a conflict. Before the deadline the candidate is reminded, once per lead time
 * (48 h and 24 h by default) and deadline; the reminders sent are recorded, so running the watch twice sends
 * nothing twice, and an extended deadline gets reminders of its own.
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    static final int BATCH = 500;
    static final int REMINDER_SCAN = 100_000;

    private final Applications applications;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final List<Duration> leads;
    private final Clock clock;
    private final TransactionTemplate tx;

    DeadlineWatch(
            Applications applications,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            NotificationProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.events = events;
        this.leads = properties.reminders().stream().sorted().toList();
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The scheduled run: once across all nodes. */
    @SchedulerLock(name = "revision-deadlines", lockAtMostFor = "PT10M")
    public void run() {
        var now = clock.instant();
        expireDue(now);
        remind(now);
    }

    /** Expires every returned application whose deadline is at or before {@code now}; returns how many. */
    int expireDue(Instant now) {
        int expired = 0;
        List<RevisionDue> due;
        do {
            due = applications.returnedDueBy(now, BATCH);
            int before = expired;
            for (RevisionDue application : due) {
                if (expire(application, now)) {
                    expired++;
                }
            }
            if (expired == before) {
                break;
            }
        } while (due.size() == BATCH);
        return expired;
    }

    /** One application: false if it changed meanwhile (resubmitted, withdrawn, extended) and was left alone. */
    boolean expire(RevisionDue due, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                var application = applications.byId(due.id()).orElseThrow();
                application.expire(now);
                applications.save(application);
                return true;
            }));
        } catch (ApplicationRuleViolation | ConcurrencyFailureException changed) {
            log.info("Application {} not expired: {}", due.number(), changed.getMessage());
            return false;
        }
    }

    /** Publishes the reminders due at {@code now} that were not sent before; returns how many. */
    int remind(Instant now) {
        if (leads.isEmpty()) {
            return 0;
        }
        var longest = leads.get(leads.size() - 1);
        int sent = 0;
        for (RevisionDue application : applications.returnedDueBy(now.plus(longest), REMINDER_SCAN)) {
            if (!application.deadline().isAfter(now)) {
                continue;
            }
            var left = Duration.between(now, application.deadline());
            var lead = leads.stream()
                    .filter(candidate -> left.compareTo(candidate) <= 0)
                    .min(Comparator.naturalOrder());
            if (lead.isPresent() && remindOnce(application, lead.get(), now)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Records the reminder for this lead, and the longer leads as passed, and publishes it if it is new. A candidate
     * returned 30 hours before the deadline gets the 48-hour reminder at once, never a late 48-hour one after the
     * 24-hour one.
     */
    private boolean remindOnce(RevisionDue application, Duration lead, Instant now) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            boolean fresh = false;
            for (Duration each : leads) {
                if (each.compareTo(lead) >= 0 && recordReminder(application, each, now) && each.equals(lead)) {
                    fresh = true;
                }
            }
            if (fresh) {
                events.publishEvent(new RevisionDeadlineApproaching(
                        application.id(),
                        application.candidateId(),
                        application.deadline(),
                        (int) lead.toHours(),
                        now));
            }
            return fresh;
        }));
    }

    private boolean recordReminder(RevisionDue application, Duration lead, Instant now) {
        var deadline = OffsetDateTime.ofInstant(application.deadline(), ZoneOffset.UTC);
        int hours = (int) lead.toHours();
        boolean known = jdbc.sql("""
                        SELECT COUNT(*) FROM deadline_reminder
                        WHERE application_id = :id AND deadline = :deadline AND lead_hours = :hours
                        """)
                        .param("id", application.id())
                        .param("deadline", deadline)
                        .param("hours", hours)
                        .query(Integer.class)
                        .single()
                > 0;
        if (known) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO deadline_reminder (application_id, deadline, lead_hours, sent_at)
                        VALUES (:id, :deadline, :hours, :now)
                        """)
                .param("id", application.id())
                .param("deadline", deadline)
                .param("hours", hours)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        return true;
    }
}
