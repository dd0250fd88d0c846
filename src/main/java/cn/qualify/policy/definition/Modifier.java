package cn.qualify.policy.definition;

/** The additions to a route's checklist that a policy file describes (clause, reason, routes). */
public enum Modifier {
    /** One probation or practice-period assessment image per work unit (一(五)). */
    PER_WORK_UNIT,
    /** Lost diploma → graduation certificate (一(六)). */
    LOST_DIPLOMA,
    /** 中专 → education verification report, or the diploma's front and back (二.4). */
    SECONDARY_EDUCATION_VERIFICATION,
    /** 专升本 admitted on or after the policy's date → college diploma (一(七)1). */
    TOP_UP_COLLEGE_DIPLOMA,
    /** Foreign degree → credential evaluation (二.3). */
    FOREIGN_DEGREE,
    /** Graduating in the exam year → commitment letter (一(五)). */
    GRADUATE_COMMITMENT,
    /** Shortage-specialty add-on exam → its application form (一(二)). */
    SHORTAGE_EXAM,
    /** Cross-province transfer, original certificate recalled or lost → registration history (一(一)). */
    REGISTRATION_HISTORY,
    /** Supervising teachers' certificates, optional (二.2). */
    SUPERVISOR_CERTS,
    /** Other materials, optional, always available. */
    OTHER
}
