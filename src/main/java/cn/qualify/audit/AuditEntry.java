package cn.qualify.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail.
 *
 * @param action what happened, e.g. {@code APPLICATION_SUBMITTED}, {@code DOCUMENT_VIEWED}
 * @param applicationId the application concerned, if any
 * @param details a short, human-readable description (state change, reasons, new deadline); never secrets
 * @param address the client address of the request that caused it, or {@code null} for the system itself
 */
public record AuditEntry(
        UUID id,
        Instant at,
        String actorId,
        String actorName,
        String address,
        String action,
        UUID applicationId,
        String details) {}
