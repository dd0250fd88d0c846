package cn.qualify.exam;

import java.time.LocalDate;
import java.util.List;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules between the dates of an exam year, each rejecting the field an administrator has to change. A rule
 * is skipped while one of its dates is missing: that field already has its own error.
 */
class ExamYearRules implements Validator {

    /** The later date must not be before the earlier one; otherwise {@code field} is rejected with {@code code}. */
    record DateOrder(String field, String code, Getter earlier, Getter later) {

        interface Getter {
            LocalDate of(ExamYearForm form);
        }

        boolean brokenBy(ExamYearForm form) {
            var first = earlier.of(form);
            var second = later.of(form);
            return first != null && second != null && second.isBefore(first);
        }
    }

    static final List<DateOrder> RULES = List.of(
            new DateOrder(
                    "registrationCloses",
                    "year.registrationCloses.beforeOpens",
                    ExamYearForm::getRegistrationOpens,
                    ExamYearForm::getRegistrationCloses),
            new DateOrder(
                    "uploadOpens",
                    "year.uploadOpens.beforeRegistrationOpens",
                    ExamYearForm::getRegistrationOpens,
                    ExamYearForm::getUploadOpens),
            new DateOrder(
                    "uploadCloses",
                    "year.uploadCloses.beforeOpens",
                    ExamYearForm::getUploadOpens,
                    ExamYearForm::getUploadCloses),
            new DateOrder(
                    "reviewOpens",
                    "year.reviewOpens.beforeUploadOpens",
                    ExamYearForm::getUploadOpens,
                    ExamYearForm::getReviewOpens),
            new DateOrder(
                    "reviewCloses",
                    "year.reviewCloses.beforeOpens",
                    ExamYearForm::getReviewOpens,
                    ExamYearForm::getReviewCloses),
            new DateOrder(
                    "reviewCloses",
                    "year.reviewCloses.beforeUploadCloses",
                    ExamYearForm::getUploadCloses,
                    ExamYearForm::getReviewCloses));

    @Override
    public boolean supports(Class<?> type) {
        return ExamYearForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (!(target instanceof ExamYearForm form)) {
            return;
        }
        for (DateOrder rule : RULES) {
            // one message per field is enough to act on
            if (rule.brokenBy(form) && !errors.hasFieldErrors(rule.field())) {
                errors.rejectValue(rule.field(), rule.code());
            }
        }
    }
}
