package cn.qualify.notification;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Resubmits event publications that no listener completed — a listener failed, or the process stopped after the
 * deciding transaction committed — so that every notification is eventually recorded. On start-up Spring Modulith
 * also republishes them ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Every module's
 * {@code @ApplicationModuleListener} benefits; listeners must therefore be idempotent, as this module's are.
 */
@Component
class PublicationResubmitter {

    private final IncompleteEventPublications incomplete;
    private final NotificationProperties properties;

    PublicationResubmitter(IncompleteEventPublications incomplete, NotificationProperties properties) {
        this.incomplete = incomplete;
        this.properties = properties;
    }

    /** The scheduled run: once across all nodes, for publications older than {@code resubmit-after}. */
    @SchedulerLock(name = "event-publication-resubmission", lockAtMostFor = "PT5M")
    public void resubmitIncomplete() {
        resubmitOlderThan(properties.resubmitAfter());
    }

    void resubmitOlderThan(Duration age) {
        incomplete.resubmitIncompletePublicationsOlderThan(age);
    }
}
