package cn.qualify.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Repository
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actorId, String actorName, String action, UUID applicationId, String details) {
        jdbc.sql("""
                        INSERT INTO audit_entry (id, at, actor_id, actor_name, address, action, application_id, details)
                        VALUES (:id, :at, :actorId, :actorName, :address, :action, :applicationId, :details)
                        """)
                .param("id", UUID.randomUUID())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actorId", actorId)
                .param("actorName", actorName)
                .param("address", currentClientAddress())
                .param("action", action)
                .param("applicationId", applicationId)
                .param("details", abbreviate(details))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> ofApplication(UUID applicationId) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE application_id = :id ORDER BY at, seq")
                .param("id", applicationId)
                .query((rs, n) -> new AuditEntry(
                        rs.getObject("id", UUID.class),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor_id"),
                        rs.getString("actor_name"),
                        rs.getString("address"),
                        rs.getString("action"),
                        rs.getObject("application_id", UUID.class),
                        rs.getString("details")))
                .list();
    }

    /** The address Tomcat saw, or the proxy's forwarded one where forward headers are trusted. */
    private static String currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String abbreviate(String details) {
        if (details == null) {
            return "";
        }
        return details.length() <= 1000 ? details : details.substring(0, 999) + "…";
    }
}
