package cn.qualify.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events an application registers, one per transition, named in the past tense. Each carries the
 * transition itself (from, to, actor, time) so that the audit trail and notifications need nothing else.
 */
public final class ApplicationEvents {

    private ApplicationEvents() {}

    /** Common shape of every lifecycle event. */
    public sealed interface ApplicationTransitioned
            permits Submitted,
                    Resubmitted,
                    ReturnedForRevision,
                    OnsiteReviewRequested,
                    ExamPointDecided,
                    SentBackToExamPoint,
                    FinalDecisionMade,
                    Expired,
                    Withdrawn {
        UUID applicationId();

        String candidateId();

        ApplicationState from();

        ApplicationState to();

        Actor actor();

        Instant at();
    }

    public record Submitted(
            UUID applicationId, String candidateId, ApplicationState from, ApplicationState to, Actor actor, Instant at)
            implements ApplicationTransitioned {}

    public record Resubmitted(
            UUID applicationId,
            String candidateId,
            ApplicationState from,
            ApplicationState to,
            Actor actor,
            Instant at,
            int round)
            implements ApplicationTransitioned {}

    public record ReturnedForRevision(
            UUID applicationId,
            String candidateId,
            ApplicationState from,
            ApplicationState to,
            Actor actor,
            Instant at,
            Instant deadline,
            List<String> materials)
            implements ApplicationTransitioned {}

    public record OnsiteReviewRequested(
            UUID applicationId,
            String candidateId,
            ApplicationState from,
            ApplicationState to,
            Actor actor,
            Instant at,
            String reason)
            implements ApplicationTransitioned {}

    public record ExamPointDecided(
            UUID applicationId,
            String candidateId,
            ApplicationState from,
            ApplicationState to,
            Actor actor,
            Instant at,
            boolean passed,
            String reason)
            implements ApplicationTransitioned {}

    public record SentBackToExamPoint(
            UUID applicationId,
            String candidateId,
            ApplicationState from,
            ApplicationState to,
            Actor actor,
            Instant at,
            String reason)
            implements ApplicationTransitioned {}

    public record FinalDecisionMade(
            UUID applicationId,
            String candidateId,
            ApplicationState from,
            ApplicationState to,
            Actor actor,
            Instant at,
            boolean approved,
            String reason)
            implements ApplicationTransitioned {}

    public record Expired(
            UUID applicationId, String candidateId, ApplicationState from, ApplicationState to, Actor actor, Instant at)
            implements ApplicationTransitioned {}

    public record Withdrawn(
            UUID applicationId, String candidateId, ApplicationState from, ApplicationState to, Actor actor, Instant at)
            implements ApplicationTransitioned {}

    /** Not a transition: the revision deadline moved (二.7). */
    public record RevisionDeadlineExtended(
            UUID applicationId, String candidateId, Instant previous, Instant extendedTo, Actor actor, Instant at) {}

    /** Not a transition: a draft followed its candidate to another exam point (考点). */
    public record ExamPointChanged(
            UUID applicationId, String candidateId, String previous, String current, Actor actor, Instant at) {}
}
