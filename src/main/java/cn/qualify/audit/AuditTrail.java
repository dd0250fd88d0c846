package cn.qualify.audit;

import java.util.List;
import java.util.UUID;

/** Records and reads the audit trail. */
public interface AuditTrail {

    /**
     * Records an action of the current request's user (or the system, outside a request) in the caller's
     * transaction, with the request's client address.
     */
    void record(String actorId, String actorName, String action, UUID applicationId, String details);

    /** Everything that happened to one application, oldest first. */
    List<AuditEntry> ofApplication(UUID applicationId);
}
