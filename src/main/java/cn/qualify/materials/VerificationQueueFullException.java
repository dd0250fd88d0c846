package cn.qualify.materials;

/**
 * {@link ImageVerification} has as much work waiting as it accepts. Nothing was queued; submit again later (an
 * event listener can simply let this propagate, so that its event publication stays incomplete and is retried).
 *
 * <p>At the upload peak the queue is full for nearly every upload: this is flow control, not a fault, so it carries
 * no stack trace, whose filling in on the upload's deep stack cost more than a per cent of the request's CPU.
 */
public class VerificationQueueFullException extends RuntimeException {

    public VerificationQueueFullException(int capacity) {
        super("Image verification queue is full (" + capacity + " waiting); submit again later", null, false, false);
    }
}
