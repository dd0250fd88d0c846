package cn.qualify.application;

import java.util.Arrays;
import java.util.List;

/**
 * A request that the application's rules refuse. Nothing has changed when it is thrown. {@link #messageKey()} and
 * {@link #arguments()} let the web layer say why in the user's language; the exception message names the
 * current state for logs.
 */
public class ApplicationRuleViolation extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public ApplicationRuleViolation(String messageKey, String logMessage, Object... arguments) {
        super(logMessage);
        this.messageKey = messageKey;
        this.arguments = List.copyOf(Arrays.asList(arguments));
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
