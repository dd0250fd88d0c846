package cn.qualify.identity;

/** What an account may do. Each role is a Spring Security authority {@code ROLE_<NAME>}. */
public enum Role {
    /** 考生: logs in with the number of their identity document. */
    CANDIDATE,
    /** 考点审核人员: reviews the candidates of the exam points in the account's scope. */
    POINT_REVIEWER,
    /** 考区审核人员: final review for the whole exam district. */
    DISTRICT_REVIEWER,
    /** 管理员: exam setup and accounts. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return this != CANDIDATE;
    }

    public String messageKey() {
        return "identity.role." + name();
    }
}
