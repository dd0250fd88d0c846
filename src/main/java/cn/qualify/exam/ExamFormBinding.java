package cn.qualify.exam;

import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Error codes of the exam setup forms resolve in this module's bundle: a rejected code {@code year.x} or a binding
 * failure {@code typeMismatch} is looked up as {@code exam.year.x} or {@code exam.typeMismatch…}.
 */
@ControllerAdvice(basePackageClasses = ExamFormBinding.class)
class ExamFormBinding {

    static final String MESSAGE_PREFIX = "exam.";

    @InitBinder
    void prefixMessageCodes(WebDataBinder binder) {
        var resolver = new DefaultMessageCodesResolver();
        resolver.setPrefix(MESSAGE_PREFIX);
        binder.setMessageCodesResolver(resolver);
    }

    @InitBinder("examYearForm")
    void checkDateRules(WebDataBinder binder) {
        binder.addValidators(new ExamYearRules());
    }
}
