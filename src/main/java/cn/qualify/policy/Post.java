package cn.qualify.policy;

/** The probation post, or the practice scope on an assistant practice certificate. */
public enum Post {
    GENERAL,
    /** 院前急救. */
    PREHOSPITAL_EMERGENCY,
    /** 儿科. */
    PEDIATRICS
}
