package cn.qualify.candidate;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;

/** A candidate's request that is refused before anything changes, with the message and HTTP status to answer. */
class JourneyRefusal extends RuntimeException implements MessageSourceResolvable {

    private final String[] codes;
    private final Object[] arguments;
    private final int status;

    JourneyRefusal(String messageKey, int status, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.codes = new String[] {messageKey};
        this.arguments = arguments;
        this.status = status;
    }

    JourneyRefusal(MessageSourceResolvable message, int status) {
        super(String.join(",", message.getCodes()));
        this.codes = message.getCodes();
        this.arguments = message.getArguments();
        this.status = status;
    }

    int status() {
        return status;
    }

    @Override
    public String[] getCodes() {
        return codes;
    }

    @Override
    public Object[] getArguments() {
        return arguments;
    }
}
