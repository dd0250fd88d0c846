package cn.qualify.identity;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Validation errors of the identity API as problem details, shaped like the rest of the API: {@code errors} lists
 * {@code field} and localised {@code message}; {@code detail} joins them.
 */
@Component
class FieldProblems {

    private final MessageSource messages;

    FieldProblems(MessageSource messages) {
        this.messages = messages;
    }

    ProblemDetail of(Errors errors) {
        return of(HttpStatus.BAD_REQUEST, errors);
    }

    ProblemDetail of(HttpStatus status, Errors errors) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        List<Map<String, String>> list = Stream.concat(
                        errors.getFieldErrors().stream()
                                .map(e -> Map.of("field", e.getField(), "message", messages.getMessage(e, locale))),
                        errors.getGlobalErrors().stream().map(e -> Map.of("message", messages.getMessage(e, locale))))
                .toList();
        problem.setDetail(list.stream()
                .map(e -> e.containsKey("field") ? e.get("field") + ": " + e.get("message") : e.get("message"))
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", list);
        return problem;
    }

    ProblemDetail single(HttpStatus status, String code, Object... args) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("identity.api.refused.title", null, locale));
        problem.setDetail(messages.getMessage(code, args, locale));
        return problem;
    }
}
