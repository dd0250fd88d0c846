package cn.qualify.policy;

/** The registration route (一(七)) that decides a candidate's materials; codes fixed by the contract. */
public enum Route {
    /** 1: bachelor or higher → physician. */
    BACHELOR_PHYSICIAN,
    /** 2: 大专 with an assistant qualification → physician. */
    COLLEGE_ASSISTANT_TO_PHYSICIAN,
    /** 3: 中专 with an assistant qualification → physician. */
    SECONDARY_ASSISTANT_TO_PHYSICIAN,
    /** 4: 大专 or 中专 → assistant. */
    COLLEGE_OR_SECONDARY_ASSISTANT,
    /** 5: 确有专长 → assistant. */
    EXPERTISE_ASSISTANT,
    /** 6: 乡村全科 → assistant. */
    RURAL_GENERAL_ASSISTANT,
    /** 7(1): postgraduate in the graduation year. */
    POSTGRAD_GRADUATING,
    /** 7(2): long programme, still enrolled. */
    POSTGRAD_LONG_PROGRAM,
    /** 7(3): graduated postgraduate. */
    POSTGRAD_GRADUATED,
    /** Active-duty military or army civilian staff: paper materials, offline review (二.10). */
    MILITARY_OFFLINE,
    /** A combination the notice does not cover, or facts too contradictory to choose a route. */
    NOT_COVERED
}
