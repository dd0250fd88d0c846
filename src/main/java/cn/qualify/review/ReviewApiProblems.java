package cn.qualify.review;

import cn.qualify.application.ApplicationRuleViolation;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the review API as RFC 9457 problem details in the caller's language, with the refusal's message key
 * as {@code code} for clients that branch on it.
 */
@RestControllerAdvice(assignableTypes = {ReviewApiController.class, ReviewReportsApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewApiProblems {

    private final Refusals refusals;
    private final MessageSource messages;

    ReviewApiProblems(Refusals refusals, MessageSource messages) {
        this.refusals = refusals;
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail notFound(ReviewNotFound missing, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, messages.getMessage("review.notFound", null, locale));
        problem.setTitle(messages.getMessage("review.problem.title.404", null, locale));
        return problem;
    }

    @ExceptionHandler({ReviewRefused.class, ApplicationRuleViolation.class})
    ProblemDetail refused(RuntimeException refused, Locale locale) {
        var status = refusals.status(refused);
        var problem = ProblemDetail.forStatusAndDetail(status, refusals.message(refused, locale));
        problem.setTitle(messages.getMessage("review.problem.title." + status.value(), null, locale));
        problem.setProperty("code", code(refused));
        return problem;
    }

    private static String code(RuntimeException refused) {
        if (refused instanceof ReviewRefused review) {
            return review.messageKey();
        }
        return ((ApplicationRuleViolation) refused).messageKey();
    }
}
