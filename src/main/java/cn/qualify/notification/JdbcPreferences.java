package cn.qualify.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The candidates' channel choices. */
@Repository
class JdbcPreferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Preferences of(String candidateId) {
        return jdbc.sql("SELECT * FROM notification_preference WHERE candidate_id = :candidate")
                .param("candidate", candidateId)
                .query((rs, n) -> new Preferences(
                        rs.getBoolean("email_enabled"),
                        rs.getBoolean("sms_enabled"),
                        rs.getBoolean("wechat_enabled"),
                        rs.getString("email"),
                        rs.getString("wechat_open_id")))
                .optional()
                .orElse(Preferences.DEFAULT);
    }

    @Transactional
    void save(String candidateId, Preferences preferences) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        UPDATE notification_preference SET email_enabled = :email, sms_enabled = :sms,
                            wechat_enabled = :wechat, email = :address, wechat_open_id = :openId, updated_at = :now
                        WHERE candidate_id = :candidate
                        """)
                .param("email", preferences.email())
                .param("sms", preferences.sms())
                .param("wechat", preferences.wechat())
                .param("address", preferences.emailAddress())
                .param("openId", preferences.wechatOpenId())
                .param("now", now)
                .param("candidate", candidateId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO notification_preference (candidate_id, email_enabled, sms_enabled,
                                wechat_enabled, email, wechat_open_id, updated_at)
                            VALUES (:candidate, :email, :sms, :wechat, :address, :openId, :now)
                            """)
                    .param("email", preferences.email())
                    .param("sms", preferences.sms())
                    .param("wechat", preferences.wechat())
                    .param("address", preferences.emailAddress())
                    .param("openId", preferences.wechatOpenId())
                    .param("now", now)
                    .param("candidate", candidateId)
                    .update();
        }
    }
}
