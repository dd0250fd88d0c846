package cn.qualify.review;

import cn.qualify.application.ApplicationState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a reviewer sees of one application: the review screen's model and the API's answer. Texts of the
 * policy are in the request's language.
 *
 * @param version the version to send back with a decision; a decision on an older version is refused as stale
 * @param revisionLastDay the last day (in China) on which a returned candidate may resubmit
 * @param defaultLastDay the last day a return for revision proposes: today plus the exam year's resubmission days
 * @param candidate the registration info, null if the candidate has not filled it in
 * @param route the policy route, null without registration info
 * @param findings the policy's findings on the candidate's facts
 * @param materials every material on the checklist and every material with images or decisions
 * @param examPointDecider who made the exam-point decision now awaiting the district, if any
 * @param actions what this reviewer can do now
 */
record ReviewCase(
        UUID id,
        String number,
        int examYear,
        String examPointCode,
        String examPointName,
        ApplicationState state,
        int round,
        boolean offlineReview,
        Instant revisionDeadline,
        LocalDate revisionLastDay,
        LocalDate defaultLastDay,
        long version,
        CandidateInfo candidate,
        String route,
        List<FindingLine> findings,
        List<MaterialFile> materials,
        List<String> openReplacementRequests,
        String examPointDecider,
        LeaseInfo lease,
        FormReceipt formReceipt,
        Set<ReviewAction> actions) {

    public boolean can(String action) {
        return actions.contains(ReviewAction.valueOf(action));
    }

    /** Whether this reviewer may act now: some action is open and the lease is theirs where one is needed. */
    public boolean canDecide() {
        return lease != null && lease.mine() && actions.stream().anyMatch(ReviewAction::needsLease);
    }

    /** Registration info as the review screen shows it. */
    record CandidateInfo(
            String name,
            String gender,
            LocalDate birthDate,
            String idType,
            String idNumber,
            String phone,
            String email,
            String school,
            String major,
            String registeredExamPoint) {}

    /** A finding of the policy, with its severity and clause. */
    record FindingLine(String code, String severity, String message, String clause) {}

    /**
     * One material: what the checklist says, the current images, earlier versions replaced in a revision, and the
     * decisions.
     *
     * @param onChecklist false for a material the candidate uploaded although the checklist does not list it
     * @param decision the latest decision of the current round, null if none yet
     * @param history every decision of every round, oldest first
     */
    record MaterialFile(
            String material,
            String name,
            boolean onChecklist,
            boolean required,
            int minImages,
            int maxImages,
            String reason,
            String clause,
            List<ImageInfo> current,
            List<ImageInfo> earlier,
            Decision decision,
            List<Decision> history) {

        public boolean flagged() {
            return current.stream().anyMatch(image -> !image.flags().isEmpty());
        }
    }

    /**
     * One image.
     *
     * @param url where the reviewer's browser loads it (each load is audited)
     * @param thumbnailUrl a small version for the strip, null if the check made none
     * @param replacedAt when the candidate replaced it, null for a current image
     */
    record ImageInfo(
            UUID id,
            String material,
            int position,
            String url,
            String thumbnailUrl,
            int width,
            int height,
            long sizeBytes,
            Instant uploadedAt,
            int round,
            Instant replacedAt,
            List<String> flags) {}

    /**
     * A decision on a material.
     *
     * @param reasons the template reasons in the request's language, in the order of the codes
     */
    record Decision(
            String verdict,
            List<String> reasonCodes,
            List<String> reasons,
            String messageToCandidate,
            String internalNote,
            String reviewer,
            Instant at,
            int round) {

        public boolean accepted() {
            return "ACCEPTED".equals(verdict);
        }
    }

    /**
     * Who works on the application now.
     *
     * @param held somebody holds an unexpired lease
     * @param mine it is this reviewer
     */
    record LeaseInfo(boolean held, boolean mine, String holder, Instant expiresAt) {}
}
