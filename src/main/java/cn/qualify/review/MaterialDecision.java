package cn.qualify.review;

import cn.qualify.application.MaterialReview.Verdict;
import java.util.List;

/**
 * A reviewer's decision on one material as the page or the API sends it.
 *
 * @param reasons codes of {@link ReplacementReason}; ignored for an acceptance
 * @param messageToCandidate free text the candidate reads beside the reasons
 * @param internalNote free text only staff read
 */
record MaterialDecision(
        String material, Verdict verdict, List<String> reasons, String messageToCandidate, String internalNote) {

    MaterialDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
