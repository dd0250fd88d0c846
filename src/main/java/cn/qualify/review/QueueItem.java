package cn.qualify.review;

import cn.qualify.application.ApplicationState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a review queue.
 *
 * @param candidateName null until the registration info is known
 * @param idNumber the ID number with its middle masked, null until known
 * @param resubmitted submitted again after a return for revision
 * @param qualityFlags quality flags of the current images
 * @param leaseHolder who is working on it now, null if nobody
 */
record QueueItem(
        UUID id,
        String number,
        String candidateName,
        String idNumber,
        String examPointCode,
        ApplicationState state,
        int round,
        boolean resubmitted,
        boolean offlineReview,
        String route,
        Instant revisionDeadline,
        Instant updatedAt,
        long version,
        List<String> qualityFlags,
        String leaseHolder,
        Instant leaseExpiresAt) {

    /** Masks the middle of an ID number: 210102********123X. */
    static String masked(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return idNumber;
        }
        int keep = 4;
        return idNumber.substring(0, keep + 2)
                + "*".repeat(idNumber.length() - keep - 2 - keep)
                + idNumber.substring(idNumber.length() - keep);
    }
}
