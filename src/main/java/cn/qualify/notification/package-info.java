/**
 * Notifications and deadlines: the review's decisions become messages in the candidate's in-app inbox and, as the
 * candidate chooses, by e-mail, SMS and WeChat, delivered from the Spring Modulith event publication registry (an
 * outbox) with retries and a dead-letter list; reminders before a revision deadline, the expiry of applications
 * whose deadline passed (二.5), and administrators' deadline extensions (二.7). The module also provides the HTTP
 * gateway adapter of the identity module's {@link cn.qualify.identity.SmsSender} port.
 *
 * <p>Other modules may listen to {@link cn.qualify.notification.RevisionDeadlineApproaching}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications and deadlines",
        allowedDependencies = {"shared", "identity", "exam", "application", "audit", "registration"})
package cn.qualify.notification;
