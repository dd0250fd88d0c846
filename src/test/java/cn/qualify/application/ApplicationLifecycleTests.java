package cn.qualify.application;

import static cn.qualify.application.ApplicationState.*;
import static cn.qualify.application.TestApplications.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qualify.application.ApplicationEvents.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every transition of the lifecycle, legal and illegal, from every state. */
class ApplicationLifecycleTests {

    /** One application per state, reached through the real transitions. */
    static final Map<ApplicationState, Supplier<Application>> IN_STATE = new LinkedHashMap<>();

    /** Every action anyone can take, by name. */
    static final Map<String, Consumer<Application>> ACTIONS = new LinkedHashMap<>();

    /** The expected outcome of each action in each state; absent means refused. Written out, not derived. */
    static final Map<String, ApplicationState> EXPECTED = new LinkedHashMap<>();

    static {
        IN_STATE.put(DRAFT, TestApplications::aDraftWithIdProof);
        IN_STATE.put(SUBMITTED, TestApplications::aSubmittedApplication);
        IN_STATE.put(RETURNED, TestApplications::anApplicationReturnedForAClearerDiploma);
        IN_STATE.put(ONSITE_REVIEW, TestApplications::anApplicationInOnsiteReview);
        IN_STATE.put(OFFLINE_REVIEW, TestApplications::aMilitaryApplicationInOfflineReview);
        IN_STATE.put(POINT_PASSED, TestApplications::anApplicationPassedAtExamPoint);
        IN_STATE.put(POINT_FAILED, TestApplications::anApplicationFailedAtExamPoint);
        IN_STATE.put(APPROVED, TestApplications::anApprovedApplication);
        IN_STATE.put(REJECTED, TestApplications::aRejectedApplication);
        IN_STATE.put(EXPIRED, TestApplications::anExpiredApplication);
        IN_STATE.put(WITHDRAWN, TestApplications::aWithdrawnApplication);

        ACTIONS.put("submit", a -> a.submit(List.of(), CANDIDATE, T0));
        ACTIONS.put("resubmit", a -> {
            if (a.isUnlocked("DIPLOMA")) {
                a.addImage("DIPLOMA", anImage(), 4, T0);
            }
            a.resubmit(List.of(), CANDIDATE, T0.plusSeconds(120));
        });
        ACTIONS.put("withdraw", a -> a.withdraw(CANDIDATE, T0));
        ACTIONS.put("returnForRevision", a -> {
            a.reviewMaterial(replace("ID_PROOF", SHENYANG));
            a.returnForRevision(SHENYANG, T0.plusSeconds(86_400), T0);
        });
        ACTIONS.put("sendToOnsiteReview", a -> a.sendToOnsiteReview(SHENYANG, "证件异常", T0));
        ACTIONS.put("passAtExamPoint", a -> a.decideAtExamPoint(true, "", SHENYANG, T0));
        ACTIONS.put("failAtExamPoint", a -> a.decideAtExamPoint(false, "不符合条件", SHENYANG, T0));
        ACTIONS.put("approve", a -> a.decideFinally(true, "", DISTRICT, T0));
        ACTIONS.put("reject", a -> a.decideFinally(false, "不符合条件", DISTRICT, T0));
        ACTIONS.put("sendBackToExamPoint", a -> a.sendBackToExamPoint("请核对学历", DISTRICT, T0));
        ACTIONS.put("expire", a -> a.expire(T0.plusSeconds(10 * 86_400)));

        expect(DRAFT, "submit", SUBMITTED);
        expect(DRAFT, "withdraw", WITHDRAWN);
        expect(SUBMITTED, "withdraw", WITHDRAWN);
        expect(SUBMITTED, "returnForRevision", RETURNED);
        expect(SUBMITTED, "sendToOnsiteReview", ONSITE_REVIEW);
        expect(SUBMITTED, "passAtExamPoint", POINT_PASSED);
        expect(SUBMITTED, "failAtExamPoint", POINT_FAILED);
        expect(RETURNED, "resubmit", SUBMITTED);
        expect(RETURNED, "withdraw", WITHDRAWN);
        expect(RETURNED, "expire", EXPIRED);
        expect(ONSITE_REVIEW, "withdraw", WITHDRAWN);
        expect(ONSITE_REVIEW, "returnForRevision", RETURNED);
        expect(ONSITE_REVIEW, "passAtExamPoint", POINT_PASSED);
        expect(ONSITE_REVIEW, "failAtExamPoint", POINT_FAILED);
        expect(OFFLINE_REVIEW, "withdraw", WITHDRAWN);
        expect(OFFLINE_REVIEW, "passAtExamPoint", POINT_PASSED);
        expect(OFFLINE_REVIEW, "failAtExamPoint", POINT_FAILED);
        for (var state : List.of(POINT_PASSED, POINT_FAILED)) {
            expect(state, "withdraw", WITHDRAWN);
            expect(state, "returnForRevision", RETURNED);
            expect(state, "approve", APPROVED);
            expect(state, "reject", REJECTED);
            expect(state, "sendBackToExamPoint", SUBMITTED);
        }
    }

    static void expect(ApplicationState from, String action, ApplicationState to) {
        EXPECTED.put(from + "." + action, to);
    }

    @TestFactory
    Stream<DynamicTest> everyActionInEveryState() {
        List<DynamicTest> tests = new ArrayList<>();
        IN_STATE.forEach((state, application) -> ACTIONS.forEach((name, action) -> {
            var expected = EXPECTED.get(state + "." + name);
            tests.add(DynamicTest.dynamicTest(
                    state + " " + name + " → " + (expected == null ? "refused" : expected), () -> {
                        var subject = application.get();
                        assertThat(subject.state()).isEqualTo(state);
                        int eventsBefore = subject.events().size();
                        if (expected == null) {
                            assertThatThrownBy(() -> action.accept(subject))
                                    .isInstanceOf(ApplicationRuleViolation.class);
                            assertThat(subject.state()).isEqualTo(state);
                        } else {
                            action.accept(subject);
                            assertThat(subject.state()).isEqualTo(expected);
                            var last = subject.events().get(subject.events().size() - 1);
                            assertThat(subject.events()).hasSizeGreaterThan(eventsBefore);
                            assertThat(last).isInstanceOf(ApplicationTransitioned.class);
                            assertThat(((ApplicationTransitioned) last).from()).isEqualTo(state);
                            assertThat(((ApplicationTransitioned) last).to()).isEqualTo(expected);
                        }
                    }));
        }));
        return tests.stream();
    }

    /** The review queue relies on it: a draft has never been submitted, so it has no place in the queue. */
    @Test
    void noActionLeadsBackToDraft() {
        assertThat(EXPECTED).isNotEmpty();
        assertThat(EXPECTED.values()).doesNotContain(DRAFT);
    }

    @Test
    void finalStatesAcceptNoActionAtAll() {
        for (var state : List.of(APPROVED, REJECTED, EXPIRED, WITHDRAWN)) {
            assertThat(state.isFinal()).isTrue();
            ACTIONS.forEach((name, action) -> {
                var subject = IN_STATE.get(state).get();
                assertThatThrownBy(() -> action.accept(subject))
                        .as(state + " " + name)
                        .isInstanceOf(ApplicationRuleViolation.class);
                assertThat(subject.state()).isEqualTo(state);
            });
        }
    }

    @Nested
    class Locking {

        @Test
        void submissionTakesTheReviewRouteTheFactsCallForNowNotTheOneTheDraftWasOpenedWith() {
            var becameMilitary = aDraftWithIdProof();
            becameMilitary.submit(List.of(), true, CANDIDATE, T0);
            assertThat(becameMilitary.state()).isEqualTo(OFFLINE_REVIEW);
            assertThat(becameMilitary.offlineReview()).isTrue();

            var leftTheArmy = Application.start("202521010003", "c-3", 2025, "2101", true);
            leftTheArmy.submit(List.of(), false, CANDIDATE, T0);
            assertThat(leftTheArmy.state()).isEqualTo(SUBMITTED);
            assertThat(leftTheArmy.offlineReview()).isFalse();
        }

        @Test
        void aDraftIsUnlockedAndASubmittedApplicationLocked() {
            var draft = aDraftWithIdProof();
            assertThat(draft.isUnlocked("ID_PROOF")).isTrue();
            var submitted = aSubmittedApplication();
            assertThat(submitted.isUnlocked("ID_PROOF")).isFalse();
            var image = submitted.currentImages("ID_PROOF").get(0);
            assertThatThrownBy(() -> submitted.removeImage(image.id(), T0))
                    .isInstanceOf(ApplicationRuleViolation.class)
                    .extracting("messageKey")
                    .isEqualTo("application.image.locked");
            assertThatThrownBy(() -> submitted.addImage("DIPLOMA", anImage(), 4, T0))
                    .isInstanceOf(ApplicationRuleViolation.class);
            assertThat(submitted.currentImages("ID_PROOF")).hasSize(3);
        }

        @Test
        void aReturnUnlocksExactlyTheMaterialsWithAReplacementRequest() {
            var returned = anApplicationReturnedForAClearerDiploma();
            assertThat(returned.isUnlocked("DIPLOMA")).isTrue();
            assertThat(returned.isUnlocked("ID_PROOF")).isFalse();
            assertThat(returned.materialsToReplace()).containsExactly("DIPLOMA");
            var event = (ReturnedForRevision)
                    returned.events().get(returned.events().size() - 1);
            assertThat(event.materials()).containsExactly("DIPLOMA");
        }

        @Test
        void aReplacedImageIsKeptAsAnEarlierVersion() {
            var returned = anApplicationReturnedForAClearerDiploma();
            var old = returned.currentImages("DIPLOMA").get(0);
            returned.removeImage(old.id(), T0.plusSeconds(100));
            var replacement = returned.addImage("DIPLOMA", anImage(), 4, T0.plusSeconds(110));
            assertThat(returned.currentImages("DIPLOMA")).containsExactly(replacement);
            assertThat(returned.allImages()).anySatisfy(image -> {
                assertThat(image.id()).isEqualTo(old.id());
                assertThat(image.isCurrent()).isFalse();
                assertThat(image.removedInRound()).isEqualTo(1);
            });
            returned.resubmit(List.of(), CANDIDATE, T0.plusSeconds(120));
            assertThat(returned.isUnlocked("DIPLOMA")).isFalse();
            assertThat(returned.round()).isEqualTo(2);
        }

        @Test
        void resubmittingWithoutReplacingTheRequestedMaterialIsRefused() {
            var returned = anApplicationReturnedForAClearerDiploma();
            assertThatThrownBy(() -> returned.resubmit(List.of(), CANDIDATE, T0.plusSeconds(120)))
                    .isInstanceOf(ApplicationRuleViolation.class)
                    .extracting("messageKey")
                    .isEqualTo("application.resubmit.notReplaced");
            assertThat(returned.state()).isEqualTo(RETURNED);
        }

        @Test
        void aFixedCountMaterialRefusesOneMoreImage() {
            var draft = aDraftWithIdProof();
            assertThatThrownBy(() -> draft.addImage("ID_PROOF", anImage(), 3, T0))
                    .isInstanceOf(ApplicationRuleViolation.class)
                    .extracting("messageKey")
                    .isEqualTo("application.image.materialFull");
            assertThat(draft.currentImages("ID_PROOF")).hasSize(3);
        }

        @Test
        void inADraftADeletedImageFreesItsSlot() {
            var draft = aDraftWithIdProof();
            draft.removeImage(draft.currentImages("ID_PROOF").get(0).id(), T0);
            draft.addImage("ID_PROOF", anImage(), 3, T0);
            assertThat(draft.currentImages("ID_PROOF")).hasSize(3);
        }
    }

    @Nested
    class Rules {

        @Test
        void anIncompleteSubmissionIsRefusedWithWhatIsMissing() {
            var draft = aDraft();
            assertThatThrownBy(() -> draft.submit(List.of("有效身份证明：还需 3 张"), CANDIDATE, T0))
                    .isInstanceOf(ApplicationRuleViolation.class)
                    .satisfies(e -> assertThat(((ApplicationRuleViolation) e).arguments())
                            .containsExactly("有效身份证明：还需 3 张"));
            assertThat(draft.state()).isEqualTo(DRAFT);
            assertThat(draft.events()).isEmpty();
        }

        @Test
        void anActiveDutyCandidateGoesToOfflineReview() {
            assertThat(aMilitaryApplicationInOfflineReview().state()).isEqualTo(OFFLINE_REVIEW);
        }

        @Test
        void nobodyConfirmsTheirOwnExamPointDecision() {
            var passed = anApplicationPassedAtExamPoint();
            assertThatThrownBy(() -> passed.decideFinally(true, "", SHENYANG, T0))
                    .isInstanceOf(ApplicationRuleViolation.class)
                    .extracting("messageKey")
                    .isEqualTo("application.final.ownDecision");
            assertThat(passed.state()).isEqualTo(POINT_PASSED);
        }

        @Test
        void aPassNeedsNoOpenReplacementRequest() {
            var submitted = aSubmittedApplication();
            submitted.reviewMaterial(replace("DIPLOMA", SHENYANG));
            assertThatThrownBy(() -> submitted.decideAtExamPoint(true, "", SHENYANG, T0))
                    .isInstanceOf(ApplicationRuleViolation.class);
            submitted.reviewMaterial(accept("DIPLOMA", SHENYANG));
            submitted.decideAtExamPoint(true, "", SHENYANG, T0);
            assertThat(submitted.state()).isEqualTo(POINT_PASSED);
        }

        @Test
        void aReturnNeedsAReplacementRequestAndAFutureDeadline() {
            var submitted = aSubmittedApplication();
            assertThatThrownBy(() -> submitted.returnForRevision(SHENYANG, T0.plusSeconds(60), T0))
                    .extracting("messageKey")
                    .isEqualTo("application.return.nothingToReplace");
            submitted.reviewMaterial(replace("DIPLOMA", SHENYANG));
            assertThatThrownBy(() -> submitted.returnForRevision(SHENYANG, T0, T0))
                    .extracting("messageKey")
                    .isEqualTo("application.return.deadlineInPast");
            assertThat(submitted.state()).isEqualTo(SUBMITTED);
        }

        @Test
        void expiryHappensExactlyAtTheDeadlineAndNotBefore() {
            var returned = anApplicationReturnedForAClearerDiploma();
            var deadline = returned.revisionDeadline().orElseThrow();
            assertThatThrownBy(() -> returned.expire(deadline.minusNanos(1_000)))
                    .extracting("messageKey")
                    .isEqualTo("application.expire.notYet");
            returned.expire(deadline);
            assertThat(returned.state()).isEqualTo(EXPIRED);
        }

        @Test
        void resubmissionAtTheDeadlineIsTooLate() {
            var returned = anApplicationReturnedForAClearerDiploma();
            returned.addImage("DIPLOMA", anImage(), 4, T0.plusSeconds(100));
            var deadline = returned.revisionDeadline().orElseThrow();
            assertThatThrownBy(() -> returned.resubmit(List.of(), CANDIDATE, deadline))
                    .extracting("messageKey")
                    .isEqualTo("application.resubmit.deadlinePassed");
            returned.resubmit(List.of(), CANDIDATE, deadline.minusSeconds(1));
            assertThat(returned.state()).isEqualTo(SUBMITTED);
        }

        @Test
        void aDeadlineCanBeExtendedOnlyBeforeItPasses() {
            var returned = anApplicationReturnedForAClearerDiploma();
            var deadline = returned.revisionDeadline().orElseThrow();
            returned.extendDeadline(deadline.plusSeconds(86_400), DISTRICT, deadline.minusSeconds(1));
            assertThat(returned.revisionDeadline()).contains(deadline.plusSeconds(86_400));
            assertThat(returned.events()).last().isInstanceOf(RevisionDeadlineExtended.class);
            assertThatThrownBy(() -> returned.extendDeadline(
                            deadline.plusSeconds(2 * 86_400), DISTRICT, deadline.plusSeconds(86_400)))
                    .extracting("messageKey")
                    .isEqualTo("application.extend.alreadyPassed");
        }

        @Test
        void onlyADraftMovesToAnotherExamPoint() {
            var draft = aDraftWithIdProof();
            assertThat(draft.moveToExamPoint("2102", CANDIDATE, T0)).isTrue();
            assertThat(draft.examPointCode()).isEqualTo("2102");
            assertThat(draft.state()).isEqualTo(DRAFT);
            assertThat(draft.currentImages("ID_PROOF")).isNotEmpty();
            var moved = (ExamPointChanged) draft.events().get(draft.events().size() - 1);
            assertThat(moved.previous()).isEqualTo("2101");
            assertThat(moved.current()).isEqualTo("2102");
            assertThat(moved.actor()).isEqualTo(CANDIDATE);

            int events = draft.events().size();
            assertThat(draft.moveToExamPoint("2102", CANDIDATE, T0)).isFalse();
            assertThat(draft.events()).hasSize(events);

            IN_STATE.forEach((state, inState) -> {
                if (state == DRAFT) {
                    return;
                }
                var subject = inState.get();
                var point = subject.examPointCode();
                int before = subject.events().size();
                assertThatThrownBy(() -> subject.moveToExamPoint("2102", CANDIDATE, T0))
                        .as(state.name())
                        .extracting("messageKey")
                        .isEqualTo("application.move.notDraft");
                assertThat(subject.examPointCode()).isEqualTo(point);
                assertThat(subject.events()).hasSize(before);
            });
        }

        @Test
        void aReplacementRequestNeedsAReason() {
            assertThatThrownBy(() -> new MaterialReview(
                            "DIPLOMA",
                            MaterialReview.Verdict.REPLACEMENT_REQUESTED,
                            List.of(),
                            " ",
                            "",
                            SHENYANG,
                            T0,
                            1))
                    .extracting("messageKey")
                    .isEqualTo("application.review.reasonRequired");
        }

        @Test
        void theDistrictMayOverturnAMaterialDecision() {
            var passed = anApplicationPassedAtExamPoint();
            passed.reviewMaterial(replace("DIPLOMA", DISTRICT));
            assertThat(passed.materialsToReplace()).containsExactly("DIPLOMA");
            passed.returnForRevision(DISTRICT, T0.plusSeconds(86_400), T0);
            assertThat(passed.state()).isEqualTo(RETURNED);
            assertThat(passed.isUnlocked("DIPLOMA")).isTrue();
        }
    }
}
