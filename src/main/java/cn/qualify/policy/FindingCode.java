package cn.qualify.policy;

/** The codes of eligibility findings. The contract fixes the first eleven; more may be added. */
public enum FindingCode {
    ASSISTANT_QUALIFICATION_MISSING(Severity.ERROR),
    ASSISTANT_REGISTRATION_TOO_LATE(Severity.ERROR),
    SHORTAGE_EXAM_NOT_PHYSICIAN(Severity.ERROR),
    SHORTAGE_EXAM_POST_MISMATCH(Severity.ERROR),
    RURAL_SERVICE_TOO_SHORT(Severity.ERROR),
    POSTGRAD_GRADUATING_OUT_OF_DISTRICT(Severity.ERROR),
    FILING_NOT_ACCEPTED_FOR_ROUTE(Severity.ERROR),
    ROUTE_NOT_COVERED(Severity.ERROR),
    INVALID_FACTS(Severity.ERROR),
    OFFLINE_REVIEW(Severity.INFO),
    RURAL_PRACTICE_LOCATION_RESTRICTED(Severity.INFO),
    /** The facts name an exam year for which no policy is loaded; the checklist follows another year's policy. */
    EXAM_YEAR_NOT_COVERED(Severity.ERROR),
    /** 三级甲等医院 and 疾控中心 need no licence (一(四)); said so that its absence is not a surprise. */
    LICENSE_NOT_REQUIRED(Severity.INFO);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
