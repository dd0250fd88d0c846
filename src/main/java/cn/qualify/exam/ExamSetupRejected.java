package cn.qualify.exam;

import java.util.List;
import org.springframework.validation.Errors;

/**
 * A change to the exam setup that was refused because of what is already stored (a duplicate, a code outside the
 * district, a changed identifier). Nothing was saved. Codes are message keys without the {@code exam.} prefix.
 */
class ExamSetupRejected extends RuntimeException {

    /**
     * @param field the form field to change, or {@code null} when the whole request is refused
     * @param code message key without the module prefix
     */
    record Reason(String field, String code, Object... args) {}

    private final transient List<Reason> reasons;

    private ExamSetupRejected(List<Reason> reasons) {
        super(reasons.toString());
        this.reasons = reasons;
    }

    static ExamSetupRejected field(String field, String code, Object... args) {
        return new ExamSetupRejected(List.of(new Reason(field, code, args)));
    }

    static ExamSetupRejected request(String code, Object... args) {
        return new ExamSetupRejected(List.of(new Reason(null, code, args)));
    }

    List<Reason> reasons() {
        return reasons;
    }

    /** Whether the request as a whole was refused rather than one of its fields. */
    boolean concernsRequest() {
        return reasons.stream().anyMatch(reason -> reason.field() == null);
    }

    /** Records the reasons on a form's errors, so that each shows next to its field. */
    void rejectOn(Errors errors) {
        for (Reason reason : reasons) {
            if (reason.field() == null) {
                errors.reject(reason.code(), reason.args(), null);
            } else {
                errors.rejectValue(reason.field(), reason.code(), reason.args(), null);
            }
        }
    }
}
