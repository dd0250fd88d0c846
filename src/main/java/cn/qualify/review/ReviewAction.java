package cn.qualify.review;

import static cn.qualify.application.ApplicationState.*;

import cn.qualify.application.ApplicationState;
import cn.qualify.identity.Account;
import cn.qualify.identity.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a reviewer can do with an application, in which states, and at which level. Exam-point work is open to the
 * point reviewers of the application's exam point and to district reviewers; district work (the final decision,
 * sending back, and any change once the exam point has decided) only to district reviewers. The application
 * aggregate checks the finer rules (open replacement requests, nobody confirms their own exam-point decision).
 */
enum ReviewAction {
    DECIDE_MATERIAL(EnumSet.of(SUBMITTED, ONSITE_REVIEW, OFFLINE_REVIEW, POINT_PASSED, POINT_FAILED), null),
    RETURN_FOR_REVISION(EnumSet.of(SUBMITTED, ONSITE_REVIEW, POINT_PASSED, POINT_FAILED), null),
    RECOMMEND(EnumSet.of(SUBMITTED), Level.EXAM_POINT),
    SEND_TO_ONSITE_REVIEW(EnumSet.of(SUBMITTED), Level.EXAM_POINT),
    RECORD_ONSITE_RESULT(EnumSet.of(ONSITE_REVIEW), Level.EXAM_POINT),
    RECORD_OFFLINE_RESULT(EnumSet.of(OFFLINE_REVIEW), Level.EXAM_POINT),
    DECIDE_FINALLY(EnumSet.of(POINT_PASSED, POINT_FAILED), Level.DISTRICT),
    SEND_BACK_TO_EXAM_POINT(EnumSet.of(POINT_PASSED, POINT_FAILED), Level.DISTRICT),
    EXTEND_DEADLINE(EnumSet.of(RETURNED), Level.EXAM_POINT),
    RECORD_FORM_RECEIPT(EnumSet.complementOf(EnumSet.of(DRAFT, WITHDRAWN)), Level.EXAM_POINT);

    enum Level {
        EXAM_POINT,
        DISTRICT
    }

    private final Set<ApplicationState> states;
    private final Level fixedLevel;

    ReviewAction(Set<ApplicationState> states, Level fixedLevel) {
        this.states = states;
        this.fixedLevel = fixedLevel;
    }

    boolean allowedIn(ApplicationState state) {
        return states.contains(state);
    }

    /** The level that acts in this state: the district once the exam point has decided. */
    Level levelIn(ApplicationState state) {
        if (fixedLevel != null) {
            return fixedLevel;
        }
        return state.awaitsDistrict() ? Level.DISTRICT : Level.EXAM_POINT;
    }

    /** Whether the reviewer's role reaches the level of this action in this state (scope is checked before). */
    boolean reachableBy(Account reviewer, ApplicationState state, String examPointCode) {
        return switch (levelIn(state)) {
            case DISTRICT -> reviewer.role() == Role.DISTRICT_REVIEWER;
            case EXAM_POINT -> reviewer.reviewsExamPoint(examPointCode);
        };
    }

    /** Whether the action changes the application and therefore needs the reviewer to hold its lease. */
    boolean needsLease() {
        return this != RECORD_FORM_RECEIPT;
    }

    /** The actions this reviewer can take now. */
    static Set<ReviewAction> available(Account reviewer, ApplicationState state, String examPointCode) {
        var available = EnumSet.noneOf(ReviewAction.class);
        for (ReviewAction action : values()) {
            if (action.allowedIn(state) && action.reachableBy(reviewer, state, examPointCode)) {
                available.add(action);
            }
        }
        return available;
    }
}
