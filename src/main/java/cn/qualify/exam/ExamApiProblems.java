package cn.qualify.exam;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the exam setup API as RFC 9457 problem details, in the same shape as failed Bean Validation
 * ({@code errors}: a list of {@code field} and {@code message}), so that clients handle both alike.
 */
@RestControllerAdvice(assignableTypes = {ExamYearApi.class, ExamPointApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExamApiProblems {

    private final MessageSource messages;

    ExamApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail rejected(ExamSetupRejected rejected) {
        if (rejected.concernsRequest()) {
            var reason = rejected.reasons().get(0);
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message(reason.code(), reason.args()));
            problem.setTitle(message("problem.refused.title"));
            return problem;
        }
        List<Map<String, String>> errors = rejected.reasons().stream()
                .map(reason -> Map.of("field", reason.field(), "message", message(reason.code(), reason.args())))
                .toList();
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.stream()
                        .map(error -> error.get("field") + ": " + error.get("message"))
                        .collect(Collectors.joining("; ")));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, LocaleContextHolder.getLocale()));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(ExamSetupNotFound missing) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message(missing.code(), missing.args()));
        problem.setTitle(message("problem.notFound.title"));
        return problem;
    }

    /** Only reachable when a request slips past the checks above; the database constraints refused it. */
    @ExceptionHandler
    ProblemDetail refusedByDatabase(DataIntegrityViolationException refused) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message("save.refused"));
        problem.setTitle(message("problem.refused.title"));
        return problem;
    }

    private String message(String code, Object... args) {
        return messages.getMessage(ExamFormBinding.MESSAGE_PREFIX + code, args, LocaleContextHolder.getLocale());
    }
}
