package cn.qualify.notification;

/**
 * The port behind which every external channel (e-mail, SMS, WeChat) sits. The in-app inbox is the notification
 * record itself and needs no adapter. An adapter either delivers or throws {@link DeliveryFailedException}; the
 * dispatcher retries with backoff.
 */
interface NotificationChannel {

    Channel channel();

    /** Whether this deployment has the channel set up; candidates can choose only those that are. */
    boolean isConfigured();

    /** Whether the recipient has an address on this channel. */
    boolean reaches(Recipient recipient);

    void deliver(OutgoingMessage message) throws DeliveryFailedException;
}
