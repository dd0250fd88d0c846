package cn.qualify.notification;

/**
 * What a notification is about. Its title and text are the message keys {@code notification.kind.<KIND>.title} and
 * {@code .body}, whose arguments are the notice's arguments: the application number first, then as listed.
 */
enum NoticeKind {
    /** Returned for revision: last day, number of materials to replace. */
    RETURNED,
    /** The revision deadline is near: last day, hours left. */
    DEADLINE_APPROACHING,
    /** An administrator or reviewer extended the deadline: new last day. */
    DEADLINE_EXTENDED,
    /** Asked to come to the exam point for an on-site review (二.9): reason. */
    ONSITE_REVIEW,
    /** The exam point recommends a pass. */
    EXAM_POINT_PASSED,
    /** The exam point recommends a fail: reason. */
    EXAM_POINT_FAILED,
    /** Final decision: approved (二.6). */
    APPROVED,
    /** Final decision: rejected (二.6): reason. */
    REJECTED,
    /** The deadline passed without resubmission (二.5). */
    EXPIRED;

    String titleKey() {
        return "notification.kind." + name() + ".title";
    }

    String bodyKey() {
        return "notification.kind." + name() + ".body";
    }
}
