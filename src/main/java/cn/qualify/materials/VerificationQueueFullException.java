package cn.qualify.materials;

/**
 * {@link ImageVerification} has as much work waiting as it accepts. Nothing was queued; submit again later (an
 * event listener can simply let this propagate, so that its event publication stays incomplete and is retried).
 */
public class VerificationQueueFullException extends RuntimeException {

    public VerificationQueueFullException(int capacity) {
        super("Image verification queue is full (" + capacity + " waiting); submit again later");
    }
}
