package cn.qualify.policy;

/** The candidate's highest medical education. */
public enum Education {
    POSTGRADUATE,
    BACHELOR,
    /** 大专/专科. */
    JUNIOR_COLLEGE,
    /** 中专. */
    SECONDARY
}
