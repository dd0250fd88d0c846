package cn.qualify.review;

import cn.qualify.application.Actor;
import cn.qualify.application.ApplicationEvents.ApplicationTransitioned;
import cn.qualify.application.ApplicationEvents.ExamPointDecided;
import cn.qualify.application.ApplicationEvents.Expired;
import cn.qualify.application.ApplicationEvents.FinalDecisionMade;
import cn.qualify.application.ApplicationEvents.OnsiteReviewRequested;
import cn.qualify.application.ApplicationEvents.Resubmitted;
import cn.qualify.application.ApplicationEvents.ReturnedForRevision;
import cn.qualify.application.ApplicationEvents.RevisionDeadlineExtended;
import cn.qualify.application.ApplicationEvents.SentBackToExamPoint;
import cn.qualify.application.ApplicationEvents.Submitted;
import cn.qualify.application.ApplicationState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review's own record of every transition of an application ({@code review_transition}), written by a plain
 * (synchronous) listener so that it commits or rolls back with the transition. It holds what the candidate may read
 * about a transition (the level that acted, the reason where it is meant for the candidate, the deadline), and the
 * staff name and elapsed time that the exports and the dashboard need. Reasons given only between staff (sending a
 * candidate back to the exam point) are not copied here; the audit trail has them.
 */
@Component
class ReviewTransitions {

    /** Who acted, as far as a candidate is told. */
    enum Level {
        CANDIDATE,
        EXAM_POINT,
        DISTRICT,
        STAFF,
        SYSTEM
    }

    /** One recorded transition (or deadline extension). */
    record Transition(
            UUID applicationId,
            String event,
            ApplicationState from,
            ApplicationState to,
            Level level,
            String actorName,
            Instant at,
            Long secondsSinceSubmitted,
            String messageToCandidate,
            Instant deadline) {}

    static final String SUBMITTED = "SUBMITTED";
    static final String EXAM_POINT_DECIDED = "EXAM_POINT_DECIDED";
    static final String FINAL_DECISION = "FINAL_DECISION";

    private final JdbcClient jdbc;

    ReviewTransitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ApplicationTransitioned event) {
        String message = null;
        Instant deadline = null;
        boolean decision = false;
        if (event instanceof ReturnedForRevision returned) {
            deadline = returned.deadline();
        } else if (event instanceof OnsiteReviewRequested onsite) {
            message = onsite.reason();
        } else if (event instanceof ExamPointDecided decided) {
            message = decided.reason();
            decision = true;
        } else if (event instanceof FinalDecisionMade decided) {
            message = decided.reason();
            decision = true;
        }
        insert(
                event.applicationId(),
                eventName(event),
                event.from(),
                event.to(),
                level(event),
                event.actor(),
                event.at(),
                decision,
                message,
                deadline);
    }

    @EventListener
    void on(RevisionDeadlineExtended event) {
        insert(
                event.applicationId(),
                "DEADLINE_EXTENDED",
                null,
                null,
                Actor.SYSTEM.equals(event.actor()) ? Level.SYSTEM : Level.STAFF,
                event.actor(),
                event.at(),
                false,
                null,
                event.extendedTo());
    }

    static String eventName(ApplicationTransitioned event) {
        if (event instanceof Submitted) {
            return SUBMITTED;
        }
        if (event instanceof Resubmitted) {
            return "RESUBMITTED";
        }
        if (event instanceof ReturnedForRevision) {
            return "RETURNED";
        }
        if (event instanceof OnsiteReviewRequested) {
            return "ONSITE_REVIEW_REQUESTED";
        }
        if (event instanceof ExamPointDecided) {
            return EXAM_POINT_DECIDED;
        }
        if (event instanceof SentBackToExamPoint) {
            return "SENT_BACK_TO_EXAM_POINT";
        }
        if (event instanceof FinalDecisionMade) {
            return FINAL_DECISION;
        }
        if (event instanceof Expired) {
            return "EXPIRED";
        }
        return "WITHDRAWN";
    }

    /** The level that took a transition: by what the transition is, since district reviewers also act for points. */
    static Level level(ApplicationTransitioned event) {
        if (Actor.SYSTEM.equals(event.actor()) || event instanceof Expired) {
            return Level.SYSTEM;
        }
        if (event.actor().accountId().equals(event.candidateId())) {
            return Level.CANDIDATE;
        }
        if (event instanceof FinalDecisionMade || event instanceof SentBackToExamPoint) {
            return Level.DISTRICT;
        }
        if (event instanceof ReturnedForRevision) {
            return event.from().awaitsDistrict() ? Level.DISTRICT : Level.EXAM_POINT;
        }
        if (event instanceof OnsiteReviewRequested || event instanceof ExamPointDecided) {
            return Level.EXAM_POINT;
        }
        return Level.STAFF;
    }

    private void insert(
            UUID applicationId,
            String event,
            ApplicationState from,
            ApplicationState to,
            Level level,
            Actor actor,
            Instant at,
            boolean decision,
            String message,
            Instant deadline) {
        var application = jdbc.sql("SELECT exam_year, exam_point_code FROM application WHERE id = :id")
                .param("id", applicationId)
                .query((rs, n) -> new Object[] {rs.getInt("exam_year"), rs.getString("exam_point_code")})
                .single();
        Long elapsed = null;
        if (decision) {
            var submitted = jdbc.sql("""
                            SELECT MIN(at) FROM review_transition WHERE application_id = :id AND event = :submitted
                            """)
                    .param("id", applicationId)
                    .param("submitted", SUBMITTED)
                    .query(OffsetDateTime.class)
                    .optional();
            elapsed = submitted
                    .map(first -> Duration.between(first.toInstant(), at).toSeconds())
                    .orElse(null);
        }
        jdbc.sql("""
                        INSERT INTO review_transition (id, application_id, exam_year, exam_point_code, event,
                            from_state, to_state, actor_level, actor_id, actor_name, at, on_day,
                            seconds_since_submitted, message_to_candidate, deadline)
                        VALUES (:id, :applicationId, :year, :point, :event, :from, :to, :level, :actorId, :actorName,
                            :at, :day, :elapsed, :message, :deadline)
                        """)
                .param("id", UUID.randomUUID())
                .param("applicationId", applicationId)
                .param("year", application[0])
                .param("point", application[1])
                .param("event", event)
                .param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name())
                .param("level", level.name())
                .param("actorId", actor.accountId())
                .param("actorName", actor.displayName())
                .param("at", utc(at))
                .param("day", LocalDate.ofInstant(at, ReviewCases.EXAM_ZONE))
                .param("elapsed", elapsed)
                .param("message", message == null || message.isBlank() ? null : abbreviate(message.strip()))
                .param("deadline", deadline == null ? null : utc(deadline))
                .update();
    }

    /** Every recorded transition of one application, oldest first. */
    List<Transition> of(UUID applicationId) {
        return of(List.of(applicationId));
    }

    /** Every recorded transition of these applications, oldest first. */
    List<Transition> of(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT application_id, event, from_state, to_state, actor_level, actor_name, at,
                            seconds_since_submitted, message_to_candidate, deadline
                        FROM review_transition WHERE application_id IN (:ids) ORDER BY at, seq
                        """)
                .param("ids", applicationIds)
                .query((rs, n) -> {
                    var from = rs.getString("from_state");
                    var to = rs.getString("to_state");
                    var deadline = rs.getObject("deadline", OffsetDateTime.class);
                    var elapsed = rs.getObject("seconds_since_submitted", Long.class);
                    return new Transition(
                            rs.getObject("application_id", UUID.class),
                            rs.getString("event"),
                            from == null ? null : ApplicationState.valueOf(from),
                            to == null ? null : ApplicationState.valueOf(to),
                            Level.valueOf(rs.getString("actor_level")),
                            rs.getString("actor_name"),
                            rs.getObject("at", OffsetDateTime.class).toInstant(),
                            elapsed,
                            rs.getString("message_to_candidate"),
                            deadline == null ? null : deadline.toInstant());
                })
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
