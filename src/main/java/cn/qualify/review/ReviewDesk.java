package cn.qualify.review;

import cn.qualify.application.Actor;
import cn.qualify.application.Application;
import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import cn.qualify.application.MaterialReview;
import cn.qualify.application.MaterialReview.Verdict;
import cn.qualify.audit.AuditEntry;
import cn.qualify.audit.AuditTrail;
import cn.qualify.identity.Account;
import cn.qualify.identity.Role;
import cn.qualify.materials.DocumentNotFoundException;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.Thumbnails;
import cn.qualify.policy.Material;
import cn.qualify.shared.ExamDays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reviewers' desk: every way a reviewer reads or changes an application. Each request is checked in this order,
 * and the first failed check answers: the application must be in the reviewer's scope (otherwise it does not exist
 * for them), the action must be open in the application's state and at the reviewer's level, the reviewer must
 * have seen the current version, and must hold the application's lease. Only then does the application aggregate
 * decide, and the change, its audit entries and the lease move commit together.
 */
@Service
class ReviewDesk {

    private static final Logger log = LoggerFactory.getLogger(ReviewDesk.class);

    static final int MAX_TEXT = 1000;
    static final int MAX_REASON = 500;
    /** The longest a deadline may be set ahead; the exam year's resubmission days never exceed it either. */
    static final int MAX_DEADLINE_DAYS = 60;

    private final Applications applications;
    private final ImageChecks imageChecks;
    private final ReviewLeases leases;
    private final JdbcFormReceipts receipts;
    private final ReviewQueueEntries queueEntries;
    private final ReviewCases cases;
    private final AuditTrail audit;
    private final DocumentStore documents;
    private final Clock clock;
    private final TransactionTemplate tx;

    ReviewDesk(
            Applications applications,
            ImageChecks imageChecks,
            ReviewLeases leases,
            JdbcFormReceipts receipts,
            ReviewQueueEntries queueEntries,
            ReviewCases cases,
            AuditTrail audit,
            DocumentStore documents,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.applications = applications;
        this.imageChecks = imageChecks;
        this.leases = leases;
        this.receipts = receipts;
        this.queueEntries = queueEntries;
        this.cases = cases;
        this.audit = audit;
        this.documents = documents;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    static Actor actor(Account account) {
        return new Actor(String.valueOf(account.id()), account.displayName());
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /**
     * Opens the review screen: claims the application when the reviewer can act on it and nobody else holds it, and
     * records that the reviewer viewed the candidate's documents.
     */
    ReviewCase open(Account reviewer, UUID id, Locale locale) {
        var application = inScope(reviewer, id);
        var now = clock.instant();
        var mayAct = ReviewAction.available(reviewer, application.state(), application.examPointCode()).stream()
                .anyMatch(ReviewAction::needsLease);
        if (mayAct) {
            leases.claim(id, actor(reviewer), now);
        }
        queueEntries.refresh(application);
        recordView(reviewer, id, "screen");
        return cases.build(application, reviewer, leases.active(id, now), locale);
    }

    /** The review data without claiming anything; the view of the documents is recorded all the same. */
    ReviewCase view(Account reviewer, UUID id, Locale locale) {
        var application = inScope(reviewer, id);
        recordView(reviewer, id, "api");
        return cases.build(application, reviewer, leases.active(id, clock.instant()), locale);
    }

    /** An image of the application, current or replaced; each full-size image served is audited. */
    ReviewedImage image(Account reviewer, UUID id, UUID imageId, boolean thumbnail) {
        var application = inScope(reviewer, id);
        var image = application.allImages().stream()
                .filter(candidate -> candidate.id().equals(imageId))
                .filter(candidate -> candidate.isCurrent() || candidate.removedInRound() >= 1)
                .findFirst()
                .orElseThrow(() -> new ReviewNotFound("No image " + imageId + " in " + id));
        try {
            if (thumbnail) {
                var check = imageChecks.of(List.of(image.storageKey())).get(image.storageKey());
                if (check == null || check.thumbnailKey() == null) {
                    throw new ReviewNotFound("No thumbnail of " + imageId);
                }
                var bytes = Thumbnails.readWhole(documents, StorageKey.of(check.thumbnailKey()));
                if (bytes.isEmpty()) {
                    thumbnailLost(image.storageKey(), check.thumbnailKey());
                    throw new ReviewNotFound("The thumbnail of " + imageId + " is being made again");
                }
                return ReviewedImage.of(bytes.get());
            }
            var bytes = documents.get(StorageKey.of(image.storageKey()));
            recordView(reviewer, id, describe(image));
            return ReviewedImage.of(bytes);
        } catch (DocumentNotFoundException | IllegalArgumentException missing) {
            throw new ReviewNotFound("Image " + imageId + " is not stored: " + missing.getMessage());
        }
    }

    /**
     * A thumbnail lost in a crash of the machine (thumbnails are not forced to disk): the image is answered as one
     * without a thumbnail, which the pages show as a placeholder, and the verification sweep makes it again.
     */
    private void thumbnailLost(String storageKey, String thumbnailKey) {
        if (imageChecks.forgetThumbnail(storageKey)) {
            log.warn(
                    "Thumbnail {} is missing, empty or damaged; image {} waits for verification to make it anew",
                    thumbnailKey,
                    storageKey);
        }
    }

    List<AuditEntry> history(Account reviewer, UUID id) {
        inScope(reviewer, id);
        return tx.execute(status -> audit.ofApplication(id));
    }

    // ---- leases ---------------------------------------------------------------------------------------------

    /** Claims or renews the reviewer's lease. */
    Lease claim(Account reviewer, UUID id) {
        var application = inScope(reviewer, id);
        requireSomethingToDecide(reviewer, application);
        var now = clock.instant();
        return leases.claim(id, actor(reviewer), now).orElseThrow(() -> heldByOther(id, now));
    }

    void release(Account reviewer, UUID id) {
        inScope(reviewer, id);
        if (!leases.release(id, actor(reviewer).accountId())) {
            throw ReviewRefused.conflict("review.lease.notHeld");
        }
    }

    /** A district reviewer takes the application over from whoever holds it; the previous holder is audited. */
    Lease takeOver(Account reviewer, UUID id) {
        if (reviewer.role() != Role.DISTRICT_REVIEWER) {
            throw ReviewRefused.forbidden("review.lease.takeOverDistrictOnly");
        }
        var application = inScope(reviewer, id);
        requireSomethingToDecide(reviewer, application);
        return tx.execute(status -> {
            var now = clock.instant();
            var previous = leases.active(id, now);
            var lease = leases.takeOver(id, actor(reviewer), now);
            audit.record(
                    lease.holderId(),
                    lease.holderName(),
                    "LEASE_TAKEN_OVER",
                    id,
                    previous.map(p -> "from " + p.holderName() + " (" + p.holderId() + ")")
                            .orElse("free"));
            return lease;
        });
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    void decideMaterial(Account reviewer, UUID id, long seenVersion, MaterialDecision decision) {
        var material = requireMaterial(decision.material());
        var verdict = Objects.requireNonNull(decision.verdict(), "verdict");
        for (String reason : decision.reasons()) {
            if (ReplacementReason.of(reason).isEmpty()) {
                throw ReviewRefused.invalid("review.material.unknownReason", reason);
            }
        }
        requireLength(decision.messageToCandidate(), MAX_TEXT);
        requireLength(decision.internalNote(), MAX_TEXT);
        var reasons = verdict == Verdict.ACCEPTED ? List.<String>of() : decision.reasons();
        change(reviewer, id, seenVersion, ReviewAction.DECIDE_MATERIAL, false, (application, actor) -> {
            var before = application.latestReviews().get(material);
            var now = clock.instant();
            application.reviewMaterial(new MaterialReview(
                    material,
                    verdict,
                    reasons,
                    decision.messageToCandidate(),
                    decision.internalNote(),
                    actor,
                    now,
                    application.round()));
            var overturned = before != null
                    && before.verdict() != verdict
                    && !before.reviewer().accountId().equals(actor.accountId());
            audit.record(
                    actor.accountId(),
                    actor.displayName(),
                    overturned
                            ? "MATERIAL_DECISION_OVERTURNED"
                            : verdict == Verdict.ACCEPTED ? "MATERIAL_ACCEPTED" : "MATERIAL_REPLACEMENT_REQUESTED",
                    id,
                    material + (reasons.isEmpty() ? "" : "; " + String.join(",", reasons)) + "; round "
                            + application.round()
                            + (overturned
                                    ? "; previously " + before.verdict() + " by "
                                            + before.reviewer().displayName()
                                    : ""));
        });
    }

    /** Returns the candidate for revision; exactly the materials with a replacement request unlock. */
    void returnForRevision(Account reviewer, UUID id, long seenVersion, LocalDate lastDay) {
        change(reviewer, id, seenVersion, ReviewAction.RETURN_FOR_REVISION, true, (application, actor) -> {
            var chosen = lastDay != null ? lastDay : cases.defaultLastDay(application.examYear());
            requireDeadlineWithinReach(chosen);
            application.returnForRevision(actor, ExamDays.endOf(chosen), clock.instant());
        });
    }

    /** The exam point recommends a pass or a fail; a fail needs a reason. */
    void recommend(Account reviewer, UUID id, long seenVersion, boolean pass, String reason) {
        decideAtExamPoint(reviewer, id, seenVersion, ReviewAction.RECOMMEND, pass, reason);
    }

    /** Sends the candidate to on-site review at the exam point for an ID anomaly (二.9). */
    void sendToOnsiteReview(Account reviewer, UUID id, long seenVersion, String reason) {
        var why = requireReason(reason);
        change(
                reviewer,
                id,
                seenVersion,
                ReviewAction.SEND_TO_ONSITE_REVIEW,
                true,
                (application, actor) -> application.sendToOnsiteReview(actor, why, clock.instant()));
    }

    /** The result of the on-site review (二.9). */
    void recordOnsiteResult(Account reviewer, UUID id, long seenVersion, boolean pass, String reason) {
        decideAtExamPoint(reviewer, id, seenVersion, ReviewAction.RECORD_ONSITE_RESULT, pass, reason);
    }

    /** The result of the paper review of an active-duty military candidate (二.10). */
    void recordOfflineResult(Account reviewer, UUID id, long seenVersion, boolean pass, String reason) {
        decideAtExamPoint(reviewer, id, seenVersion, ReviewAction.RECORD_OFFLINE_RESULT, pass, reason);
    }

    /** The district's final decision (二.6); a rejection needs a reason. */
    void decideFinally(Account reviewer, UUID id, long seenVersion, boolean approve, String reason) {
        var why = approve ? optional(reason) : requireReason(reason);
        change(
                reviewer,
                id,
                seenVersion,
                ReviewAction.DECIDE_FINALLY,
                true,
                (application, actor) -> application.decideFinally(approve, why, actor, clock.instant()));
    }

    void sendBackToExamPoint(Account reviewer, UUID id, long seenVersion, String reason) {
        var why = requireReason(reason);
        change(
                reviewer,
                id,
                seenVersion,
                ReviewAction.SEND_BACK_TO_EXAM_POINT,
                true,
                (application, actor) -> application.sendBackToExamPoint(why, actor, clock.instant()));
    }

    /** Moves a returned candidate's resubmission deadline later (二.7). */
    void extendDeadline(Account reviewer, UUID id, long seenVersion, LocalDate lastDay) {
        if (lastDay == null) {
            throw ReviewRefused.invalid("review.deadline.required");
        }
        requireDeadlineWithinReach(lastDay);
        change(
                reviewer,
                id,
                seenVersion,
                ReviewAction.EXTEND_DEADLINE,
                false,
                (application, actor) -> application.extendDeadline(ExamDays.endOf(lastDay), actor, clock.instant()));
    }

    /** Records that the exam point received the candidate's signed application form (二.8). */
    FormReceipt recordFormReceipt(Account reviewer, UUID id, LocalDate receivedOn) {
        var day = receivedOn != null ? receivedOn : cases.today();
        if (day.isAfter(cases.today())) {
            throw ReviewRefused.invalid("review.formReceipt.future");
        }
        return tx.execute(status -> {
            var application = inScope(reviewer, id);
            requireAction(reviewer, application, ReviewAction.RECORD_FORM_RECEIPT);
            var actor = actor(reviewer);
            var receipt = new FormReceipt(id, day, actor.accountId(), actor.displayName(), clock.instant());
            if (!receipts.record(receipt)) {
                throw ReviewRefused.conflict("review.formReceipt.already");
            }
            audit.record(actor.accountId(), actor.displayName(), "FORM_RECEIVED", id, "received on " + day);
            return receipt;
        });
    }

    /**
     * Grid mode's one-key acceptance: claims the application for this one decision unless the reviewer already
     * holds it, accepts the material, and lets the lease go again if it was claimed for this.
     */
    void acceptInGrid(Account reviewer, UUID id, long seenVersion, String material) {
        var application = inScope(reviewer, id);
        requireAction(reviewer, application, ReviewAction.DECIDE_MATERIAL);
        var now = clock.instant();
        var actor = actor(reviewer);
        boolean heldBefore = leases.active(id, now)
                .map(lease -> lease.heldBy(actor.accountId()))
                .orElse(false);
        if (!heldBefore) {
            leases.claim(id, actor, now).orElseThrow(() -> heldByOther(id, now));
        }
        try {
            decideMaterial(
                    reviewer, id, seenVersion, new MaterialDecision(material, Verdict.ACCEPTED, List.of(), "", ""));
        } finally {
            if (!heldBefore) {
                leases.release(id, actor.accountId());
            }
        }
    }

    void recordGridView(Account reviewer, UUID id, String material) {
        recordView(reviewer, id, "grid " + material);
    }

    // ---- checks ---------------------------------------------------------------------------------------------

    /** The application, if the reviewer may see it; otherwise it does not exist for them. */
    Application inScope(Account reviewer, UUID id) {
        var application = applications.byId(id).orElseThrow(() -> new ReviewNotFound(id));
        if (!reviewer.reviewsExamPoint(application.examPointCode()) || application.state() == ApplicationState.DRAFT) {
            throw new ReviewNotFound(id);
        }
        return application;
    }

    private void decideAtExamPoint(
            Account reviewer, UUID id, long seenVersion, ReviewAction action, boolean pass, String reason) {
        var why = pass ? optional(reason) : requireReason(reason);
        change(
                reviewer,
                id,
                seenVersion,
                action,
                true,
                (application, actor) -> application.decideAtExamPoint(pass, why, actor, clock.instant()));
    }

    /**
     * Runs one change of the application under every check, in one transaction. A transition ends the lease (the
     * application has moved on to someone else's work); any other change renews it.
     */
    private void change(
            Account reviewer,
            UUID id,
            long seenVersion,
            ReviewAction action,
            boolean transition,
            BiConsumer<Application, Actor> change) {
        tx.executeWithoutResult(status -> {
            var application = inScope(reviewer, id);
            requireAction(reviewer, application, action);
            if (application.version() != seenVersion) {
                throw ReviewRefused.conflict("review.stale");
            }
            var now = clock.instant();
            var actor = actor(reviewer);
            var lease = leases.active(id, now);
            if (lease.isEmpty()) {
                throw ReviewRefused.conflict("review.lease.required");
            }
            if (!lease.get().heldBy(actor.accountId())) {
                throw heldByOther(lease.get());
            }
            change.accept(application, actor);
            applications.save(application);
            if (transition) {
                leases.end(id);
            } else {
                leases.renew(id, actor.accountId(), now);
            }
        });
    }

    private static void requireAction(Account reviewer, Application application, ReviewAction action) {
        if (!action.allowedIn(application.state())) {
            throw ReviewRefused.conflict("review.action.wrongState", stateName(application));
        }
        if (!action.reachableBy(reviewer, application.state(), application.examPointCode())) {
            throw ReviewRefused.forbidden("review.action.districtOnly");
        }
    }

    private static void requireSomethingToDecide(Account reviewer, Application application) {
        var available = ReviewAction.available(reviewer, application.state(), application.examPointCode());
        if (available.stream().noneMatch(ReviewAction::needsLease)) {
            throw ReviewRefused.conflict("review.lease.nothingToDecide", stateName(application));
        }
    }

    private static MessageSourceResolvable stateName(Application application) {
        return new DefaultMessageSourceResolvable(
                "application.state." + application.state().name());
    }

    private ReviewRefused heldByOther(UUID id, Instant now) {
        return leases.active(id, now)
                .map(ReviewDesk::heldByOther)
                .orElseGet(() -> ReviewRefused.conflict("review.lease.required"));
    }

    private static ReviewRefused heldByOther(Lease lease) {
        return ReviewRefused.conflict(
                "review.lease.heldByOther",
                lease.holderName(),
                DateTimeFormatter.ofPattern("HH:mm")
                        .withZone(ReviewCases.EXAM_ZONE)
                        .format(lease.expiresAt()));
    }

    private void requireDeadlineWithinReach(LocalDate lastDay) {
        if (lastDay.isAfter(cases.today().plusDays(MAX_DEADLINE_DAYS))) {
            throw ReviewRefused.invalid("review.deadline.tooFar", MAX_DEADLINE_DAYS);
        }
    }

    static String requireMaterial(String material) {
        if (material == null) {
            throw ReviewRefused.invalid("review.material.unknown", "");
        }
        try {
            return Material.valueOf(material).name();
        } catch (IllegalArgumentException unknown) {
            throw ReviewRefused.invalid("review.material.unknown", material);
        }
    }

    private static String requireReason(String reason) {
        var why = optional(reason);
        if (why.isEmpty()) {
            throw ReviewRefused.invalid("review.reason.required");
        }
        return why;
    }

    private static String optional(String reason) {
        var why = reason == null ? "" : reason.strip();
        requireLength(why, MAX_REASON);
        return why;
    }

    private static void requireLength(String text, int max) {
        if (text != null && text.length() > max) {
            throw ReviewRefused.invalid("review.text.tooLong", max);
        }
    }

    private void recordView(Account reviewer, UUID id, String what) {
        var actor = actor(reviewer);
        tx.executeWithoutResult(
                status -> audit.record(actor.accountId(), actor.displayName(), "DOCUMENT_VIEWED", id, what));
    }

    private static String describe(MaterialImage image) {
        return "image " + image.material() + " " + image.id() + (image.isCurrent() ? "" : " (replaced)");
    }

    /** Refusals of the aggregate that are the request's fault rather than the state's. */
    static boolean isBadInput(ApplicationRuleViolation violation) {
        return violation.messageKey().equals("application.review.reasonRequired")
                || violation.messageKey().equals("application.return.deadlineInPast")
                || violation.messageKey().equals("application.extend.notLater");
    }
}
