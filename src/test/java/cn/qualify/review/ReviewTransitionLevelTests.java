package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.Actor;
import cn.qualify.application.ApplicationEvents.ExamPointDecided;
import cn.qualify.application.ApplicationEvents.Expired;
import cn.qualify.application.ApplicationEvents.FinalDecisionMade;
import cn.qualify.application.ApplicationEvents.ReturnedForRevision;
import cn.qualify.application.ApplicationEvents.SentBackToExamPoint;
import cn.qualify.application.ApplicationEvents.Submitted;
import cn.qualify.application.ApplicationEvents.Withdrawn;
import cn.qualify.application.ApplicationState;
import cn.qualify.review.ReviewTransitions.Level;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The level a candidate is told acted, and the ID masking of exports: no Spring needed. */
class ReviewTransitionLevelTests {

    static final UUID ID = UUID.randomUUID();
    static final Instant AT = Instant.parse("2025-03-01T02:00:00Z");
    static final Actor CANDIDATE = new Actor("42", "张伟");
    static final Actor REVIEWER = new Actor("7", "审核员");

    @Test
    void theCandidatesOwnStepsAreTheirs() {
        var submitted = new Submitted(ID, "42", ApplicationState.DRAFT, ApplicationState.SUBMITTED, CANDIDATE, AT);
        var withdrawn = new Withdrawn(ID, "42", ApplicationState.SUBMITTED, ApplicationState.WITHDRAWN, CANDIDATE, AT);
        assertThat(ReviewTransitions.level(submitted)).isEqualTo(Level.CANDIDATE);
        assertThat(ReviewTransitions.level(withdrawn)).isEqualTo(Level.CANDIDATE);
        assertThat(ReviewTransitions.eventName(submitted)).isEqualTo("SUBMITTED");
    }

    @Test
    void aReturnIsTheDistrictsWhenItComesFromTheDistrictsStates() {
        var fromPoint = new ReturnedForRevision(
                ID, "42", ApplicationState.SUBMITTED, ApplicationState.RETURNED, REVIEWER, AT, AT, List.of());
        var fromDistrict = new ReturnedForRevision(
                ID, "42", ApplicationState.POINT_PASSED, ApplicationState.RETURNED, REVIEWER, AT, AT, List.of());
        assertThat(ReviewTransitions.level(fromPoint)).isEqualTo(Level.EXAM_POINT);
        assertThat(ReviewTransitions.level(fromDistrict)).isEqualTo(Level.DISTRICT);
    }

    @Test
    void decisionsBelongToTheirLevelWhoeverTakesThem() {
        assertThat(ReviewTransitions.level(new ExamPointDecided(
                        ID, "42", ApplicationState.SUBMITTED, ApplicationState.POINT_PASSED, REVIEWER, AT, true, "")))
                .isEqualTo(Level.EXAM_POINT);
        assertThat(ReviewTransitions.level(new FinalDecisionMade(
                        ID, "42", ApplicationState.POINT_PASSED, ApplicationState.APPROVED, REVIEWER, AT, true, "")))
                .isEqualTo(Level.DISTRICT);
        assertThat(ReviewTransitions.level(new SentBackToExamPoint(
                        ID, "42", ApplicationState.POINT_PASSED, ApplicationState.SUBMITTED, REVIEWER, AT, "x")))
                .isEqualTo(Level.DISTRICT);
        assertThat(ReviewTransitions.level(
                        new Expired(ID, "42", ApplicationState.RETURNED, ApplicationState.EXPIRED, Actor.SYSTEM, AT)))
                .isEqualTo(Level.SYSTEM);
    }

    @Test
    void exportsKeepOnlyTheFirstAndLastFourCharactersOfAnIdNumber() {
        assertThat(ReviewExports.masked("210102199503120011")).isEqualTo("2101**********0011");
        assertThat(ReviewExports.masked("G12345678")).isEqualTo("G123*5678");
        assertThat(ReviewExports.masked("A1234567")).isEqualTo("********");
        assertThat(ReviewExports.masked(null)).isNull();
    }
}
