package cn.qualify.review;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationEvents.Resubmitted;
import cn.qualify.application.ApplicationEvents.Submitted;
import cn.qualify.application.ApplicationSaved;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.ImageCheck;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import java.time.Clock;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the queue's read model ({@code review_queue_entry}) of each submitted application: the candidate's name and
 * ID number for search, the policy route and the quality flags of the current images for the filters. Fed by the
 * application's submission events, and refreshed whenever a reviewer opens the application, because image checks
 * may finish after the submission.
 *
 * <p>Applications with flags are also kept in {@code review_flagged_application} with their queue position, which
 * the flag filters read. The position must equal the application row's at all times, or a filtered page would skip
 * or misplace the application: every save moves it in the saving transaction ({@link ApplicationSaved}), and a
 * refresh locks the application row while it writes the row, so that a save cannot slip in between its read and its
 * write.
 */
@Component
class ReviewQueueEntries {

    private final JdbcClient jdbc;
    private final Applications applications;
    private final ImageChecks imageChecks;
    private final RegistrationsUnderReview registrations;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ReviewQueueEntries(
            JdbcClient jdbc,
            Applications applications,
            ImageChecks imageChecks,
            RegistrationsUnderReview registrations,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.imageChecks = imageChecks;
        this.registrations = registrations;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(Submitted submitted) {
        refresh(submitted.applicationId());
    }

    @ApplicationModuleListener
    void on(Resubmitted resubmitted) {
        refresh(resubmitted.applicationId());
    }

    /**
     * Moves a flagged application's queue position with the row, in the saving transaction. A draft has none to
     * move: it has never been submitted, since no state leads back to {@code DRAFT}, and reviewers cannot open it;
     * most saves at the upload deadline are a draft's new photo, so they skip the statement.
     */
    @EventListener
    void on(ApplicationSaved saved) {
        if (saved.state() == ApplicationState.DRAFT) {
            return;
        }
        jdbc.sql("""
                        UPDATE review_flagged_application SET exam_year = :year, exam_point_code = :point, state = :state,
                            updated_at = :updatedAt
                        WHERE application_id = :id
                        """)
                .param("year", saved.examYear())
                .param("point", saved.examPointCode())
                .param("state", saved.state().name())
                .param("updatedAt", ReviewLeases.utc(saved.updatedAt()))
                .param("id", saved.applicationId())
                .update();
    }

    void refresh(Application application) {
        refresh(application.id());
    }

    /**
     * Writes the application's entry in a transaction of its own: the submission listener and a reviewer opening the
     * application may race, and on PostgreSQL the loser's duplicate key would spoil any transaction it shared.
     */
    void refresh(UUID applicationId) {
        try {
            ownTransaction.executeWithoutResult(status -> write(applicationId));
        } catch (DuplicateKeyException racingRefresh) {
            ownTransaction.executeWithoutResult(status -> write(applicationId));
        }
    }

    /**
     * Reads the application and its image checks under the application row's lock, then writes what it read. Two
     * refreshes, or a refresh and a save, thus follow each other: one that read the checks before a newer refresh
     * cannot write after it, and the position copied into {@code review_flagged_application} is the row's own. The
     * row is locked first, as a save does, so that the two cannot deadlock.
     */
    private void write(UUID applicationId) {
        var locked = jdbc.sql("SELECT id FROM application WHERE id = :id FOR UPDATE")
                .param("id", applicationId)
                .query(UUID.class)
                .optional();
        var application = locked.flatMap(applications::byId);
        if (application.isEmpty()) {
            return;
        }
        var entry = entryOf(application.get());
        if (!update(entry)) {
            insert(entry);
        }
        jdbc.sql("DELETE FROM review_flagged_application WHERE application_id = :id")
                .param("id", applicationId)
                .update();
        if (!entry.flags().isEmpty()) {
            jdbc.sql("""
                            INSERT INTO review_flagged_application (application_id, exam_year, exam_point_code, state,
                                updated_at, quality_flags)
                            SELECT id, exam_year, exam_point_code, state, updated_at, :flags FROM application
                            WHERE id = :id
                            """)
                    .param("flags", entry.flags())
                    .param("id", applicationId)
                    .update();
        }
    }

    private Entry entryOf(Application application) {
        var registration = registrations.of(application);
        var route = registrations
                .evaluate(registration)
                .map(evaluation -> evaluation.route().name())
                .orElse(null);
        var keys = application.allImages().stream()
                .filter(MaterialImage::isCurrent)
                .map(MaterialImage::storageKey)
                .toList();
        var flags = new TreeSet<String>();
        imageChecks.of(keys).values().stream().map(ImageCheck::flags).forEach(flags::addAll);
        return new Entry(
                application.id(),
                registration.map(r -> r.name()).orElse(null),
                registration.map(r -> r.idNumber()).map(String::toUpperCase).orElse(null),
                route,
                String.join(",", flags));
    }

    private record Entry(UUID applicationId, String name, String idNumber, String route, String flags) {}

    private boolean update(Entry entry) {
        return jdbc.sql("""
                                UPDATE review_queue_entry SET candidate_name = :name, id_number = :idNumber, route = :route,
                                    quality_flags = :flags, refreshed_at = :now
                                WHERE application_id = :id
                                """)
                        .param("name", entry.name())
                        .param("idNumber", entry.idNumber())
                        .param("route", entry.route())
                        .param("flags", entry.flags())
                        .param("now", ReviewLeases.utc(clock.instant()))
                        .param("id", entry.applicationId())
                        .update()
                == 1;
    }

    private void insert(Entry entry) {
        jdbc.sql("""
                        INSERT INTO review_queue_entry (application_id, candidate_name, id_number, route, quality_flags,
                            refreshed_at)
                        SELECT :id, :name, :idNumber, :route, :flags, :now FROM (VALUES (1)) AS one (n)
                        WHERE NOT EXISTS (SELECT 1 FROM review_queue_entry WHERE application_id = :id)
                        """)
                .param("id", entry.applicationId())
                .param("name", entry.name())
                .param("idNumber", entry.idNumber())
                .param("route", entry.route())
                .param("flags", entry.flags())
                .param("now", ReviewLeases.utc(clock.instant()))
                .update();
    }
}
