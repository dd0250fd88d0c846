package cn.qualify.notification;

/** A channel could not deliver. The message must say why without any secret (no keys, tokens or codes). */
class DeliveryFailedException extends Exception {

    DeliveryFailedException(String message) {
        super(message);
    }

    DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
