package cn.qualify.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer's claim on an application: nobody else decides it until the lease expires or is released.
 *
 * @param holderId the identity module's account id of the holder
 */
record Lease(UUID applicationId, String holderId, String holderName, Instant acquiredAt, Instant expiresAt) {

    boolean heldBy(String accountId) {
        return holderId.equals(accountId);
    }

    boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
