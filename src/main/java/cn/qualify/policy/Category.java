package cn.qualify.policy;

/** The exam category (类别). */
public enum Category {
    CLINICAL,
    TCM,
    DENTAL,
    PUBLIC_HEALTH,
    /** 中西医结合. */
    INTEGRATED,
    /** 乡村全科, assistant exam only. */
    RURAL_GENERAL,
    /** 确有专长, assistant exam only. */
    TCM_EXPERTISE;

    /** Whether the contract allows this category for the assistant exam only. */
    public boolean assistantOnly() {
        return this == RURAL_GENERAL || this == TCM_EXPERTISE;
    }
}
