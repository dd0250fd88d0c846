package cn.qualify.registration;

/** An upload that cannot be read as a table; the message key and its arguments say why. */
class UnreadableUploadException extends Exception {

    private final String messageKey;
    private final transient Object[] arguments;

    UnreadableUploadException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
