package cn.qualify.policy;

/** The exam a candidate registers for. */
public enum ExamLevel {
    /** 执业医师. */
    PHYSICIAN,
    /** 执业助理医师. */
    ASSISTANT
}
