package cn.qualify.application;

import static cn.qualify.application.ApplicationState.*;

import cn.qualify.application.ApplicationEvents.*;
import cn.qualify.application.MaterialImage.StoredImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One candidate's application for one exam year: the aggregate that owns its lifecycle, its images and the
 * per-material review decisions. Every change goes through an intention-revealing method that checks the current
 * state, refuses with an {@link ApplicationRuleViolation} (changing nothing) or registers a past-tense event.
 *
 * <p>Locking follows the notice (三(四)): an image is unlocked while the application is a draft, or after a return
 * for revision when its material has a replacement request; otherwise it is locked.
 */
public class Application {

    /** Every legal transition, in one place. */
    private static final Map<ApplicationState, Set<ApplicationState>> LEGAL = new EnumMap<>(ApplicationState.class);

    static {
        LEGAL.put(DRAFT, EnumSet.of(SUBMITTED, OFFLINE_REVIEW, WITHDRAWN));
        LEGAL.put(SUBMITTED, EnumSet.of(RETURNED, POINT_PASSED, POINT_FAILED, ONSITE_REVIEW, WITHDRAWN));
        LEGAL.put(RETURNED, EnumSet.of(SUBMITTED, EXPIRED, WITHDRAWN));
        LEGAL.put(ONSITE_REVIEW, EnumSet.of(POINT_PASSED, POINT_FAILED, RETURNED, WITHDRAWN));
        LEGAL.put(OFFLINE_REVIEW, EnumSet.of(POINT_PASSED, POINT_FAILED, WITHDRAWN));
        LEGAL.put(POINT_PASSED, EnumSet.of(APPROVED, REJECTED, SUBMITTED, RETURNED, WITHDRAWN));
        LEGAL.put(POINT_FAILED, EnumSet.of(APPROVED, REJECTED, SUBMITTED, RETURNED, WITHDRAWN));
        for (ApplicationState state : ApplicationState.values()) {
            if (state.isFinal()) {
                LEGAL.put(state, EnumSet.noneOf(ApplicationState.class));
            }
        }
    }

    private final UUID id;
    private final String number;
    private final String candidateId;
    private final int examYear;
    private String examPointCode;
    private boolean offlineReview;
    private ApplicationState state;
    private int round;
    private Instant revisionDeadline;
    private Actor examPointDecider;
    private final List<MaterialImage> images;
    private final List<MaterialReview> reviews;
    private final long version;
    private final List<Object> events = new ArrayList<>();

    /*
     * What the store held at this version: which images (and whether each was current) and how many reviews. The
     * optimistic version check on save guarantees the store still holds exactly this, so the repository writes only
     * the difference without reading it back first.
     */
    private final Map<UUID, Boolean> storedImagesCurrent;
    private final int storedReviews;

    Application(
            UUID id,
            String number,
            String candidateId,
            int examYear,
            String examPointCode,
            boolean offlineReview,
            ApplicationState state,
            int round,
            Instant revisionDeadline,
            Actor examPointDecider,
            List<MaterialImage> images,
            List<MaterialReview> reviews,
            long version) {
        this.id = Objects.requireNonNull(id);
        this.number = Objects.requireNonNull(number);
        this.candidateId = Objects.requireNonNull(candidateId);
        this.examYear = examYear;
        this.examPointCode = Objects.requireNonNull(examPointCode);
        this.offlineReview = offlineReview;
        this.state = Objects.requireNonNull(state);
        this.round = round;
        this.revisionDeadline = revisionDeadline;
        this.examPointDecider = examPointDecider;
        this.images = new ArrayList<>(images);
        this.reviews = new ArrayList<>(reviews);
        this.version = version;
        this.storedImagesCurrent = new HashMap<>();
        images.forEach(image -> storedImagesCurrent.put(image.id(), image.isCurrent()));
        this.storedReviews = reviews.size();
    }

    /**
     * A new draft.
     *
     * @param number the application number (报名号), unique
     * @param offlineReview true for active-duty military candidates, who upload nothing (二.10)
     */
    static Application start(
            String number, String candidateId, int examYear, String examPointCode, boolean offlineReview) {
        return new Application(
                UUID.randomUUID(),
                number,
                candidateId,
                examYear,
                examPointCode,
                offlineReview,
                DRAFT,
                0,
                null,
                null,
                List.of(),
                List.of(),
                0);
    }

    // ---- candidate ------------------------------------------------------------------------------------------

    /**
     * Adds an image to a material.
     *
     * @param maxImages the checklist's limit for this material; a full material refuses one more (三(二)3)
     */
    public MaterialImage addImage(String material, StoredImage stored, int maxImages, Instant at) {
        requireUnlocked(material);
        long current = currentImages(material).size();
        if (current >= maxImages) {
            throw new ApplicationRuleViolation(
                    "application.image.materialFull",
                    "Material %s already has %d of %d images".formatted(material, current, maxImages),
                    maxImages);
        }
        var image = MaterialImage.uploaded(material, stored, at, round);
        images.add(image);
        return image;
    }

    /**
     * Removes an unlocked image ("−", 三(二)4). Before the first submission it is gone; after a return for revision
     * it is kept as the earlier version of its material.
     */
    public MaterialImage removeImage(UUID imageId, Instant at) {
        var image = currentImage(imageId)
                .orElseThrow(() -> new ApplicationRuleViolation(
                        "application.image.notFound", "No current image " + imageId + " in " + id));
        requireUnlocked(image.material());
        var removed = image.removed(at, round);
        images.set(images.indexOf(image), removed);
        return removed;
    }

    /**
     * Submits for review (提交审核) and locks everything.
     *
     * @param missing what the checklist still lacks (missing materials, failed eligibility rules), as
     *     user-readable lines; a non-empty list refuses the submission
     */
    public void submit(List<String> missing, Actor candidate, Instant at) {
        submit(missing, offlineReview, candidate, at);
    }

    /**
     * Submits with the review route the candidate's facts call for now: a candidate who declared or withdrew active
     * military service (二.10) while the application was a draft goes to the review that fits, not to the one the
     * draft was opened with.
     *
     * @param offlineReview true when the paper materials are reviewed offline (active-duty military candidates)
     */
    public void submit(List<String> missing, boolean offlineReview, Actor candidate, Instant at) {
        requireState("application.submit.notDraft", DRAFT);
        refuseIfMissing(missing);
        this.offlineReview = offlineReview;
        round = 1;
        var target = offlineReview ? OFFLINE_REVIEW : SUBMITTED;
        var from = moveTo(target);
        events.add(new Submitted(id, candidateId, from, target, candidate, at));
    }

    /**
     * Resubmits after a return for revision, before the deadline. Every material with a replacement request must
     * have received at least one new image.
     */
    public void resubmit(List<String> missing, Actor candidate, Instant at) {
        requireState("application.resubmit.notReturned", RETURNED);
        if (revisionDeadline != null && !at.isBefore(revisionDeadline)) {
            throw new ApplicationRuleViolation(
                    "application.resubmit.deadlinePassed", "Deadline " + revisionDeadline + " passed for " + id);
        }
        var unchanged = materialsToReplace().stream()
                .filter(material -> currentImages(material).stream().noneMatch(image -> image.round() == round))
                .toList();
        if (!unchanged.isEmpty()) {
            throw new ApplicationRuleViolation(
                    "application.resubmit.notReplaced",
                    "Materials not replaced: " + unchanged,
                    String.join("、", unchanged));
        }
        refuseIfMissing(missing);
        round++;
        revisionDeadline = null;
        var from = moveTo(SUBMITTED);
        events.add(new Resubmitted(id, candidateId, from, SUBMITTED, candidate, at, round));
    }

    /** Withdraws (取消报名) before a final state. */
    public void withdraw(Actor candidate, Instant at) {
        var from = moveTo(WITHDRAWN);
        events.add(new Withdrawn(id, candidateId, from, WITHDRAWN, candidate, at));
    }

    /**
     * Moves the draft to another exam point (考点), when the candidate names another one in their registration info.
     * Only a draft moves: once submitted, the exam point's reviewers own the application. The application number
     * stays as it was issued.
     *
     * @return whether anything changed; moving to the exam point it already has changes nothing
     */
    public boolean moveToExamPoint(String newExamPointCode, Actor actor, Instant at) {
        Objects.requireNonNull(newExamPointCode, "newExamPointCode");
        requireState("application.move.notDraft", DRAFT);
        if (newExamPointCode.equals(examPointCode)) {
            return false;
        }
        var previous = examPointCode;
        examPointCode = newExamPointCode;
        events.add(new ExamPointChanged(id, candidateId, previous, newExamPointCode, actor, at));
        return true;
    }

    // ---- exam point -----------------------------------------------------------------------------------------

    /** Records a reviewer's decision on one material; the district may overturn an exam point's decision. */
    public void reviewMaterial(MaterialReview review) {
        if (!state.awaitsExamPoint() && !state.awaitsDistrict()) {
            throw new ApplicationRuleViolation(
                    "application.review.notUnderReview", "Cannot review materials of " + id + " in state " + state);
        }
        if (currentImages(review.material()).isEmpty() && !review.requestsReplacement()) {
            throw new ApplicationRuleViolation(
                    "application.review.noImages",
                    "Material " + review.material() + " has no images to accept",
                    review.material());
        }
        reviews.add(new MaterialReview(
                review.material(),
                review.verdict(),
                review.reasonCodes(),
                review.messageToCandidate(),
                review.internalNote(),
                review.reviewer(),
                review.at(),
                round));
    }

    /** Returns the application to the candidate; exactly the materials with a replacement request unlock. */
    public void returnForRevision(Actor reviewer, Instant deadline, Instant at) {
        if (!EnumSet.of(SUBMITTED, ONSITE_REVIEW, POINT_PASSED, POINT_FAILED).contains(state)) {
            throw illegal(RETURNED);
        }
        var toReplace = materialsToReplace();
        if (toReplace.isEmpty()) {
            throw new ApplicationRuleViolation(
                    "application.return.nothingToReplace", "Return of " + id + " without any replacement request");
        }
        if (!deadline.isAfter(at)) {
            throw new ApplicationRuleViolation(
                    "application.return.deadlineInPast", "Deadline " + deadline + " is not after " + at);
        }
        var from = moveTo(RETURNED);
        revisionDeadline = deadline;
        events.add(new ReturnedForRevision(id, candidateId, from, RETURNED, reviewer, at, deadline, toReplace));
    }

    /** Sends the candidate to on-site review for an ID anomaly (二.9). */
    public void sendToOnsiteReview(Actor reviewer, String reason, Instant at) {
        requireState("application.onsite.notSubmitted", SUBMITTED);
        var from = moveTo(ONSITE_REVIEW);
        events.add(new OnsiteReviewRequested(id, candidateId, from, ONSITE_REVIEW, reviewer, at, reason));
    }

    /**
     * The exam point's recommendation, also used to record the result of an on-site review (二.9) or of the paper
     * review of an active-duty military candidate (二.10). A pass needs no open replacement request.
     */
    public void decideAtExamPoint(boolean pass, String reason, Actor reviewer, Instant at) {
        if (!state.awaitsExamPoint()) {
            throw illegal(pass ? POINT_PASSED : POINT_FAILED);
        }
        if (pass && !materialsToReplace().isEmpty()) {
            throw new ApplicationRuleViolation(
                    "application.pass.openRequests",
                    "Pass of " + id + " with open replacement requests " + materialsToReplace(),
                    String.join("、", materialsToReplace()));
        }
        var target = pass ? POINT_PASSED : POINT_FAILED;
        var from = moveTo(target);
        examPointDecider = reviewer;
        events.add(new ExamPointDecided(id, candidateId, from, target, reviewer, at, pass, reason));
    }

    // ---- district -------------------------------------------------------------------------------------------

    /** The district's final decision (二.6); nobody confirms their own exam-point decision. */
    public void decideFinally(boolean approve, String reason, Actor districtReviewer, Instant at) {
        if (!state.awaitsDistrict()) {
            throw illegal(approve ? APPROVED : REJECTED);
        }
        requireNotOwnExamPointDecision(districtReviewer);
        if (approve && !materialsToReplace().isEmpty()) {
            throw new ApplicationRuleViolation(
                    "application.pass.openRequests",
                    "Approval of " + id + " with open replacement requests " + materialsToReplace(),
                    String.join("、", materialsToReplace()));
        }
        var target = approve ? APPROVED : REJECTED;
        var from = moveTo(target);
        events.add(new FinalDecisionMade(id, candidateId, from, target, districtReviewer, at, approve, reason));
    }

    /** The district sends the application back to the exam point for another look. */
    public void sendBackToExamPoint(String reason, Actor districtReviewer, Instant at) {
        if (!state.awaitsDistrict()) {
            throw illegal(SUBMITTED);
        }
        requireNotOwnExamPointDecision(districtReviewer);
        var from = moveTo(SUBMITTED);
        examPointDecider = null;
        events.add(new SentBackToExamPoint(id, candidateId, from, SUBMITTED, districtReviewer, at, reason));
    }

    // ---- deadlines ------------------------------------------------------------------------------------------

    /** Ends an application whose revision deadline passed without resubmission (二.5). */
    public void expire(Instant now) {
        requireState("application.expire.notReturned", RETURNED);
        if (revisionDeadline == null || now.isBefore(revisionDeadline)) {
            throw new ApplicationRuleViolation(
                    "application.expire.notYet", "Deadline " + revisionDeadline + " of " + id + " not reached");
        }
        var from = moveTo(EXPIRED);
        events.add(new Expired(id, candidateId, from, EXPIRED, Actor.SYSTEM, now));
    }

    /** Extends the revision deadline before it passes (二.7). */
    public void extendDeadline(Instant extendedTo, Actor actor, Instant now) {
        requireState("application.extend.notReturned", RETURNED);
        if (!now.isBefore(revisionDeadline)) {
            throw new ApplicationRuleViolation(
                    "application.extend.alreadyPassed", "Deadline " + revisionDeadline + " of " + id + " passed");
        }
        if (!extendedTo.isAfter(revisionDeadline)) {
            throw new ApplicationRuleViolation(
                    "application.extend.notLater", "New deadline " + extendedTo + " is not later");
        }
        var previous = revisionDeadline;
        revisionDeadline = extendedTo;
        events.add(new RevisionDeadlineExtended(id, candidateId, previous, extendedTo, actor, now));
    }

    // ---- queries --------------------------------------------------------------------------------------------

    /** Whether the candidate may add or remove images of this material now. */
    public boolean isUnlocked(String material) {
        return state == DRAFT || (state == RETURNED && materialsToReplace().contains(material));
    }

    /** Materials whose latest decision in the current round requests a replacement. */
    public List<String> materialsToReplace() {
        return latestReviews().values().stream()
                .filter(MaterialReview::requestsReplacement)
                .map(MaterialReview::material)
                .toList();
    }

    /** The latest decision per material in the current round. */
    public Map<String, MaterialReview> latestReviews() {
        Map<String, MaterialReview> latest = new LinkedHashMap<>();
        for (MaterialReview review : reviews) {
            if (review.round() == round) {
                latest.put(review.material(), review);
            }
        }
        return latest;
    }

    public List<MaterialImage> currentImages(String material) {
        return images.stream()
                .filter(image -> image.material().equals(material) && image.isCurrent())
                .toList();
    }

    public Optional<MaterialImage> currentImage(UUID imageId) {
        return images.stream()
                .filter(image -> image.id().equals(imageId) && image.isCurrent())
                .findFirst();
    }

    /** Every image ever uploaded, current and earlier versions, in upload order. */
    public List<MaterialImage> allImages() {
        return Collections.unmodifiableList(images);
    }

    public List<MaterialReview> reviewHistory() {
        return Collections.unmodifiableList(reviews);
    }

    /** Events registered since loading; the repository publishes them when it saves. */
    public List<Object> events() {
        return Collections.unmodifiableList(events);
    }

    void clearEvents() {
        events.clear();
    }

    /** Whether the store holds this image at this version, and then whether it is current there (repository use). */
    Optional<Boolean> storedImageCurrent(UUID imageId) {
        return Optional.ofNullable(storedImagesCurrent.get(imageId));
    }

    /** How many of {@link #reviewHistory()} the store holds at this version; the rest are new (repository use). */
    int storedReviews() {
        return storedReviews;
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String candidateId() {
        return candidateId;
    }

    public int examYear() {
        return examYear;
    }

    public String examPointCode() {
        return examPointCode;
    }

    public boolean offlineReview() {
        return offlineReview;
    }

    public ApplicationState state() {
        return state;
    }

    public int round() {
        return round;
    }

    public Optional<Instant> revisionDeadline() {
        return Optional.ofNullable(revisionDeadline);
    }

    public Optional<Actor> examPointDecider() {
        return Optional.ofNullable(examPointDecider);
    }

    /** The version read from the store; saving fails if someone else saved in between. */
    public long version() {
        return version;
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private ApplicationState moveTo(ApplicationState target) {
        if (!LEGAL.get(state).contains(target)) {
            throw illegal(target);
        }
        var from = state;
        state = target;
        return from;
    }

    private ApplicationRuleViolation illegal(ApplicationState target) {
        return new ApplicationRuleViolation(
                "application.transition.illegal",
                "Application %s cannot move from %s to %s".formatted(id, state, target),
                state.name(),
                target.name());
    }

    private void requireState(String messageKey, ApplicationState expected) {
        if (state != expected) {
            throw new ApplicationRuleViolation(
                    messageKey, "Application %s is %s, not %s".formatted(id, state, expected), state.name());
        }
    }

    private void requireUnlocked(String material) {
        if (!isUnlocked(material)) {
            throw new ApplicationRuleViolation(
                    "application.image.locked",
                    "Material %s of %s is locked in state %s".formatted(material, id, state),
                    material);
        }
    }

    private void requireNotOwnExamPointDecision(Actor districtReviewer) {
        if (examPointDecider != null && examPointDecider.accountId().equals(districtReviewer.accountId())) {
            throw new ApplicationRuleViolation(
                    "application.final.ownDecision",
                    "Reviewer " + districtReviewer.accountId() + " made the exam-point decision of " + id);
        }
    }

    private static void refuseIfMissing(List<String> missing) {
        if (!missing.isEmpty()) {
            throw new ApplicationRuleViolation(
                    "application.submit.incomplete", "Submission incomplete: " + missing, String.join("；", missing));
        }
    }
}
