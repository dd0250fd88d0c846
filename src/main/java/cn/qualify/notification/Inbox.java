package cn.qualify.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The candidate's in-app inbox: their messages, newest first, and what is still unread. */
@Component
class Inbox {

    static final int PAGE = 100;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    Inbox(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<InboxMessage> of(String candidateId, Locale locale) {
        return jdbc.sql("""
                        SELECT id, kind, args, created_at, read_at FROM notification_message
                        WHERE candidate_id = :candidate ORDER BY created_at DESC, id LIMIT :page
                        """)
                .param("candidate", candidateId)
                .param("page", PAGE)
                .query((rs, n) -> {
                    var kind = NoticeKind.valueOf(rs.getString("kind"));
                    var args = Notice.splitArgs(rs.getString("args")).toArray();
                    return new InboxMessage(
                            rs.getObject("id", UUID.class),
                            kind.name(),
                            messages.getMessage(kind.titleKey(), args, locale),
                            messages.getMessage(kind.bodyKey(), args, locale),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("read_at") != null);
                })
                .list();
    }

    // One statement, on every status page: no transaction (its BEGIN and COMMIT, or even the empty scope of
    // SUPPORTS, would cost more than the statement), but it joins the caller's if there is one.
    long unread(String candidateId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE candidate_id = :candidate AND read_at IS NULL")
                .param("candidate", candidateId)
                .query(Long.class)
                .single();
    }

    /** Marks one of the candidate's own messages read; false if they have no such message. */
    @Transactional
    boolean markRead(String candidateId, UUID messageId) {
        int found = jdbc.sql("""
                        UPDATE notification_message SET read_at = COALESCE(read_at, :now)
                        WHERE id = :id AND candidate_id = :candidate
                        """)
                .param("now", utc(clock.instant()))
                .param("id", messageId)
                .param("candidate", candidateId)
                .update();
        return found == 1;
    }

    @Transactional
    int markAllRead(String candidateId) {
        return jdbc.sql("""
                        UPDATE notification_message SET read_at = :now
                        WHERE candidate_id = :candidate AND read_at IS NULL
                        """)
                .param("now", utc(clock.instant()))
                .param("candidate", candidateId)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
