package cn.qualify.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a notice: the candidate's inbox message and one pending delivery per chosen external channel that this
 * deployment has and the candidate can be reached on. Recording the same event for the same candidate again
 * changes nothing, so a resubmitted event publication never makes a second message.
 */
@Component
class Notifier {

    private final JdbcClient jdbc;
    private final JdbcPreferences preferences;
    private final Recipients recipients;
    private final List<NotificationChannel> channels;
    private final Clock clock;

    Notifier(
            JdbcClient jdbc,
            JdbcPreferences preferences,
            Recipients recipients,
            List<NotificationChannel> channels,
            Clock clock) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.recipients = recipients;
        this.channels = channels;
        this.clock = clock;
    }

    /** @return false if the notice had been recorded before */
    @Transactional
    boolean record(Notice notice) {
        boolean known = jdbc.sql(
                                "SELECT COUNT(*) FROM notification_message WHERE event_key = :key AND candidate_id = :candidate")
                        .param("key", notice.eventKey())
                        .param("candidate", notice.candidateId())
                        .query(Integer.class)
                        .single()
                > 0;
        if (known) {
            return false;
        }
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var messageId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO notification_message (id, candidate_id, event_key, kind, application_id, args,
                            created_at)
                        VALUES (:id, :candidate, :key, :kind, :application, :args, :now)
                        """)
                .param("id", messageId)
                .param("candidate", notice.candidateId())
                .param("key", notice.eventKey())
                .param("kind", notice.kind().name())
                .param("application", notice.applicationId())
                .param("args", notice.joinedArgs())
                .param("now", now)
                .update();
        var chosen = preferences.of(notice.candidateId()).channels();
        var recipient = recipients.of(notice.candidateId(), notice.applicationId());
        for (NotificationChannel channel : channels) {
            if (chosen.contains(channel.channel()) && channel.isConfigured() && channel.reaches(recipient)) {
                jdbc.sql("""
                                INSERT INTO notification_delivery (id, message_id, channel, state, attempts,
                                    next_attempt_at, created_at)
                                VALUES (:id, :message, :channel, 'PENDING', 0, :now, :now)
                                """)
                        .param("id", UUID.randomUUID())
                        .param("message", messageId)
                        .param("channel", channel.channel().name())
                        .param("now", now)
                        .update();
            }
        }
        return true;
    }
}
