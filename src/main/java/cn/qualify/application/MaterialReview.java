package cn.qualify.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reviewer's decision on one material in one round: accepted, or a replacement requested with reasons that the
 * candidate sees and an optional note that only staff see.
 *
 * @param reasonCodes template reasons (e.g. UNCLEAR, MISSING_STAMP); required for a replacement request unless a
 *     message is given
 * @param messageToCandidate free text shown to the candidate
 * @param internalNote free text for staff only, never shown to the candidate
 */
public record MaterialReview(
        String material,
        Verdict verdict,
        List<String> reasonCodes,
        String messageToCandidate,
        String internalNote,
        Actor reviewer,
        Instant at,
        int round) {

    public enum Verdict {
        ACCEPTED,
        REPLACEMENT_REQUESTED
    }

    public MaterialReview {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        messageToCandidate = messageToCandidate == null ? "" : messageToCandidate.strip();
        internalNote = internalNote == null ? "" : internalNote.strip();
        if (verdict == Verdict.REPLACEMENT_REQUESTED && reasonCodes.isEmpty() && messageToCandidate.isEmpty()) {
            throw new ApplicationRuleViolation(
                    "application.review.reasonRequired", "A replacement request needs a reason for " + material);
        }
    }

    public boolean requestsReplacement() {
        return verdict == Verdict.REPLACEMENT_REQUESTED;
    }
}
