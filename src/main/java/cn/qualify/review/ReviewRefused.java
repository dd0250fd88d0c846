package cn.qualify.review;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A review request that the review rules refuse: the lease is someone else's, the page was stale, the action
 * belongs to another level, or the input is incomplete. Nothing has changed when it is thrown.
 */
class ReviewRefused extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final List<Object> arguments;

    ReviewRefused(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = List.copyOf(Arrays.asList(arguments));
    }

    static ReviewRefused conflict(String messageKey, Object... arguments) {
        return new ReviewRefused(HttpStatus.CONFLICT, messageKey, arguments);
    }

    static ReviewRefused invalid(String messageKey, Object... arguments) {
        return new ReviewRefused(HttpStatus.BAD_REQUEST, messageKey, arguments);
    }

    static ReviewRefused forbidden(String messageKey, Object... arguments) {
        return new ReviewRefused(HttpStatus.FORBIDDEN, messageKey, arguments);
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.toArray();
    }
}
