package cn.qualify.policy;

/** Where a postgraduate stands in the exam year (一(七)7). */
public enum PostgraduateStatus {
    /** 毕业当年. */
    GRADUATING,
    /** 长学制在学. */
    LONG_PROGRAM_ENROLLED,
    GRADUATED
}
