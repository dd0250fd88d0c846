package cn.qualify.identity;

/**
 * An identity document number that does not follow the rules of its kind. {@link #messageKey()} names the broken
 * rule in the message bundles, e.g. {@code identity.idNumber.checkDigit}.
 */
public class InvalidIdNumberException extends IllegalArgumentException {

    private final String messageKey;

    InvalidIdNumberException(String messageKey, String detail) {
        super(detail);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
