package cn.qualify.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the jobs of this module run. Each job takes its ShedLock lock, so it runs once across all nodes. Off with
 * {@code qualify.notification.scheduling.enabled=false} (the tests do that and run the jobs themselves).
 */
@Component
@ConditionalOnProperty(name = "qualify.notification.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class NotificationSchedule {

    private final DeliveryDispatcher dispatcher;
    private final DeadlineWatch deadlines;
    private final PublicationResubmitter resubmitter;

    NotificationSchedule(DeliveryDispatcher dispatcher, DeadlineWatch deadlines, PublicationResubmitter resubmitter) {
        this.dispatcher = dispatcher;
        this.deadlines = deadlines;
        this.resubmitter = resubmitter;
    }

    @Scheduled(
            fixedDelayString = "${qualify.notification.scheduling.dispatch-delay:PT10S}",
            initialDelayString = "PT30S")
    void dispatch() {
        dispatcher.dispatchDue();
    }

    @Scheduled(
            fixedDelayString = "${qualify.notification.scheduling.deadline-delay:PT1M}",
            initialDelayString = "PT40S")
    void deadlines() {
        deadlines.run();
    }

    @Scheduled(
            fixedDelayString = "${qualify.notification.scheduling.resubmit-delay:PT1M}",
            initialDelayString = "PT50S")
    void resubmit() {
        resubmitter.resubmitIncomplete();
    }
}
