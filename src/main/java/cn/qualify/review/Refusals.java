package cn.qualify.review;

import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.StaleApplicationException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Says why a review request was refused, in the user's language, and with which HTTP status. */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    String message(RuntimeException refusal, Locale locale) {
        if (refusal instanceof ReviewRefused refused) {
            return messages.getMessage(refused.messageKey(), refused.arguments(), locale);
        }
        if (refusal instanceof StaleApplicationException) {
            return messages.getMessage("review.stale", null, locale);
        }
        if (refusal instanceof ApplicationRuleViolation violation) {
            return messages.getMessage(violation.messageKey(), arguments(violation), locale);
        }
        return messages.getMessage("review.refused", null, locale);
    }

    HttpStatus status(RuntimeException refusal) {
        if (refusal instanceof ReviewRefused refused) {
            return refused.status();
        }
        if (refusal instanceof ApplicationRuleViolation violation
                && !(refusal instanceof StaleApplicationException)
                && ReviewDesk.isBadInput(violation)) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.CONFLICT;
    }

    /** The aggregate names states by their codes; the user reads their names. */
    private static Object[] arguments(ApplicationRuleViolation violation) {
        if (!violation.messageKey().equals("application.transition.illegal")) {
            return violation.arguments();
        }
        return Arrays.stream(violation.arguments())
                .map(state -> new DefaultMessageSourceResolvable("application.state." + state))
                .toArray();
    }
}
