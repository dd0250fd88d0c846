package cn.qualify.policy;

/** The kind of the registered institution or of a work unit; decides the licence document (一(四)). */
public enum InstitutionType {
    /** 三级甲等医院. */
    TERTIARY_A_HOSPITAL,
    /** 疾控中心. */
    CDC,
    GENERAL,
    /** 中医备案诊所. */
    TCM_CLINIC_FILED,
    MILITARY_HOSPITAL,
    /** 乡镇卫生院. */
    TOWNSHIP_HEALTH_CENTER,
    /** 村卫生室. */
    VILLAGE_CLINIC
}
