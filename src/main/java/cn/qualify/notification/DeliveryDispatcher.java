package cn.qualify.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivers pending messages through their channels. A failed attempt waits {@code retry-base × 2^(attempts−1)} (at
 * most {@code retry-max}) before the next; after {@code max-attempts} the delivery is dead and waits on the
 * administrators' dead-letter list. A delivery is marked sent only after its channel accepted it, so delivery is at
 * least once; the delivery id goes to gateways as an idempotency key.
 */
@Component
class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Duration CLAIM = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
    private final Recipients recipients;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final Clock clock;

    DeliveryDispatcher(
            JdbcClient jdbc,
            List<NotificationChannel> channels,
            Recipients recipients,
            MessageSource messages,
            NotificationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.recipients = recipients;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** The scheduled run: once across all nodes. */
    @SchedulerLock(name = "notification-dispatch", lockAtMostFor = "PT5M")
    public void dispatchDue() {
        dispatch(clock.instant());
    }

    /** Attempts every delivery due at {@code now}; returns how many were sent. */
    int dispatch(Instant now) {
        var due = jdbc.sql("""
                        SELECT d.id, d.channel, d.attempts, m.candidate_id, m.kind, m.application_id, m.args
                        FROM notification_delivery d JOIN notification_message m ON m.id = d.message_id
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now
                        ORDER BY d.next_attempt_at, d.id LIMIT :batch
                        """)
                .param("now", utc(now))
                .param("batch", properties.dispatchBatch())
                .query((rs, n) -> new Due(
                        rs.getObject("id", UUID.class),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getInt("attempts"),
                        rs.getString("candidate_id"),
                        NoticeKind.valueOf(rs.getString("kind")),
                        rs.getObject("application_id", UUID.class),
                        Notice.splitArgs(rs.getString("args"))))
                .list();
        int sent = 0;
        for (Due delivery : due) {
            if (attempt(delivery, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean attempt(Due due, Instant now) {
        if (!claim(due, now)) {
            return false;
        }
        var channel = channels.get(due.channel());
        try {
            if (channel == null || !channel.isConfigured()) {
                throw new DeliveryFailedException(due.channel() + " is not configured");
            }
            var recipient = recipients.of(due.candidateId(), due.applicationId());
            if (!channel.reaches(recipient)) {
                throw new DeliveryFailedException("no " + due.channel() + " address");
            }
            var args = due.args().toArray();
            channel.deliver(new OutgoingMessage(
                    due.id(),
                    recipient,
                    due.kind(),
                    messages.getMessage(due.kind().titleKey(), args, CHINESE),
                    messages.getMessage(due.kind().bodyKey(), args, CHINESE),
                    due.args()));
        } catch (DeliveryFailedException | RuntimeException failed) {
            failed(due, now, failed);
            return false;
        }
        jdbc.sql("""
                        UPDATE notification_delivery SET state = 'SENT', attempts = attempts + 1, sent_at = :now,
                            last_error = NULL
                        WHERE id = :id AND state = 'PENDING'
                        """).param("now", utc(now)).param("id", due.id()).update();
        return true;
    }

    /**
     * Moves the next attempt out of reach of another run before sending, so that a run that outlives its lock (slow
     * gateways) and the next one never send the same delivery at once.
     */
    private boolean claim(Due due, Instant now) {
        return jdbc.sql("""
                                UPDATE notification_delivery SET next_attempt_at = :claimedUntil
                                WHERE id = :id AND state = 'PENDING' AND next_attempt_at <= :now
                                """)
                        .param("claimedUntil", utc(now.plus(CLAIM)))
                        .param("id", due.id())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    private void failed(Due due, Instant now, Exception failure) {
        int attempts = due.attempts() + 1;
        boolean dead = attempts >= properties.maxAttempts();
        var why = failure instanceof DeliveryFailedException
                ? failure.getMessage()
                : failure.getClass().getSimpleName();
        jdbc.sql("""
                        UPDATE notification_delivery SET state = :state, attempts = :attempts,
                            next_attempt_at = :next, last_error = :error
                        WHERE id = :id AND state = 'PENDING'
                        """)
                .param("state", dead ? "DEAD" : "PENDING")
                .param("attempts", attempts)
                .param("next", utc(dead ? now : now.plus(properties.backoffAfter(attempts))))
                .param("error", why == null ? "" : why.length() <= 500 ? why : why.substring(0, 500))
                .param("id", due.id())
                .update();
        if (dead) {
            log.warn("Delivery {} by {} is dead after {} attempts: {}", due.id(), due.channel(), attempts, why);
        } else {
            log.info("Delivery {} by {} failed (attempt {}): {}", due.id(), due.channel(), attempts, why);
        }
    }

    /** Puts a dead delivery back in line for an immediate attempt; false if it is not dead. */
    boolean retry(UUID deliveryId, Instant now) {
        return jdbc.sql("""
                        UPDATE notification_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND state = 'DEAD'
                        """).param("now", utc(now)).param("id", deliveryId).update() == 1;
    }

    /** The dead-letter list, newest first. */
    List<DeadLetter> deadLetters() {
        return jdbc.sql("""
                        SELECT d.id, d.channel, d.attempts, d.last_error, d.next_attempt_at, m.candidate_id, m.kind,
                            m.application_id, m.args
                        FROM notification_delivery d JOIN notification_message m ON m.id = d.message_id
                        WHERE d.state = 'DEAD' ORDER BY d.next_attempt_at DESC, d.id LIMIT 500
                        """)
                .query((rs, n) -> new DeadLetter(
                        rs.getObject("id", UUID.class),
                        rs.getString("channel"),
                        rs.getString("kind"),
                        rs.getString("candidate_id"),
                        Notice.splitArgs(rs.getString("args")).stream()
                                .findFirst()
                                .orElse(""),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Due(
            UUID id,
            Channel channel,
            int attempts,
            String candidateId,
            NoticeKind kind,
            UUID applicationId,
            List<String> args) {}
}
