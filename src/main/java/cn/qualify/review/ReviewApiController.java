package cn.qualify.review;

import cn.qualify.application.ApplicationState;
import cn.qualify.application.MaterialReview.Verdict;
import cn.qualify.audit.AuditEntry;
import cn.qualify.identity.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON twin of the review pages. Same rules, same order of checks: an application outside the reviewer's exam
 * points is 404; an action in the wrong state, a stale {@code version}, or a lease held by someone else is 409; an
 * action of the district's level by a point reviewer is 403; incomplete input is 400. Decisions need the lease
 * ({@code POST …/lease}) and the {@code X-CSRF-TOKEN} header.
 */
@RestController
@RequestMapping("/api/v1/review")
@Tag(name = "Review", description = "Queues, leases and decisions of exam-point and district reviewers")
class ReviewApiController {

    private final ReviewDesk desk;
    private final ReviewQueue queue;

    ReviewApiController(ReviewDesk desk, ReviewQueue queue) {
        this.desk = desk;
        this.queue = queue;
    }

    @GetMapping("/applications")
    @Operation(
            summary = "The reviewer's queue, one page",
            description = "Only applications of the reviewer's exam points (every point for a district reviewer). "
                    + "Without `state`, the states that wait for the reviewer's level. Ordered by last change; pass "
                    + "`next` of a page as `after` for the following one.")
    QueuePage queue(Account reviewer, @ParameterObject QueueQuery query) {
        return queue.page(reviewer, query);
    }

    @GetMapping("/applications/{id}")
    @Operation(
            summary = "Everything the review screen shows of one application",
            description = "Registration info, checklist reasons, materials with current and earlier images, "
                    + "quality flags, decisions, lease and the actions open to the reviewer. Recorded in the audit "
                    + "trail as a view of the candidate's documents. Does not claim the application.")
    ReviewCase application(Account reviewer, @PathVariable UUID id, Locale locale) {
        return desk.view(reviewer, id, locale);
    }

    @GetMapping("/applications/{id}/history")
    @Operation(summary = "The application's audit trail, oldest first")
    List<AuditEntry> history(Account reviewer, @PathVariable UUID id) {
        return desk.history(reviewer, id);
    }

    @PostMapping("/applications/{id}/lease")
    @Operation(
            summary = "Claim the application, or renew one's own lease",
            description = "409 while someone else holds an unexpired lease, or when the reviewer has nothing to "
                    + "decide in the application's state.")
    LeaseJson claim(Account reviewer, @PathVariable UUID id) {
        return LeaseJson.of(desk.claim(reviewer, id));
    }

    @DeleteMapping("/applications/{id}/lease")
    @Operation(summary = "Release one's own lease")
    ResponseEntity<Void> release(Account reviewer, @PathVariable UUID id) {
        desk.release(reviewer, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/applications/{id}/lease/takeover")
    @Operation(summary = "A district reviewer takes the application over from whoever holds it")
    LeaseJson takeOver(Account reviewer, @PathVariable UUID id) {
        return LeaseJson.of(desk.takeOver(reviewer, id));
    }

    @PostMapping("/applications/{id}/materials/{material}")
    @Operation(
            summary = "Accept a material or request its replacement",
            description = "A replacement request needs a reason code or a message to the candidate. At the "
                    + "district's level this overturns the exam point's decision.")
    Decided decideMaterial(
            Account reviewer,
            @PathVariable UUID id,
            @Parameter(description = "material code, e.g. DIPLOMA") @PathVariable String material,
            @Valid @RequestBody MaterialDecisionJson body) {
        desk.decideMaterial(
                reviewer,
                id,
                body.version(),
                new MaterialDecision(
                        material, body.verdict(), body.reasons(), body.messageToCandidate(), body.internalNote()));
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/return")
    @Operation(
            summary = "Return for revision",
            description = "Unlocks exactly the materials with a replacement request. `lastDay` is the last day (in "
                    + "China) to resubmit; absent, today plus the exam year's resubmission days.")
    Decided returnForRevision(Account reviewer, @PathVariable UUID id, @Valid @RequestBody DeadlineJson body) {
        desk.returnForRevision(reviewer, id, body.version(), body.lastDay());
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/recommendation")
    @Operation(summary = "The exam point recommends a pass or a fail (a fail needs a reason)")
    Decided recommend(Account reviewer, @PathVariable UUID id, @Valid @RequestBody OutcomeJson body) {
        desk.recommend(reviewer, id, body.version(), body.outcome() == Outcome.PASS, body.reason());
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/onsite-review")
    @Operation(summary = "Send to on-site review for an ID anomaly (二.9); a reason is required")
    Decided sendToOnsiteReview(Account reviewer, @PathVariable UUID id, @Valid @RequestBody ReasonJson body) {
        desk.sendToOnsiteReview(reviewer, id, body.version(), body.reason());
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/onsite-result")
    @Operation(summary = "Record the result of the on-site review (二.9)")
    Decided recordOnsiteResult(Account reviewer, @PathVariable UUID id, @Valid @RequestBody OutcomeJson body) {
        desk.recordOnsiteResult(reviewer, id, body.version(), body.outcome() == Outcome.PASS, body.reason());
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/offline-result")
    @Operation(summary = "Record the paper review of an active-duty military candidate (二.10)")
    Decided recordOfflineResult(Account reviewer, @PathVariable UUID id, @Valid @RequestBody OutcomeJson body) {
        desk.recordOfflineResult(reviewer, id, body.version(), body.outcome() == Outcome.PASS, body.reason());
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/final-decision")
    @Operation(
            summary = "The district's final decision (二.6)",
            description = "A rejection needs a reason. Refused to the reviewer who made the exam-point decision.")
    Decided decideFinally(Account reviewer, @PathVariable UUID id, @Valid @RequestBody FinalDecisionJson body) {
        desk.decideFinally(reviewer, id, body.version(), body.outcome() == FinalOutcome.APPROVE, body.reason());
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/send-back")
    @Operation(summary = "The district sends the application back to the exam point; a reason is required")
    Decided sendBack(Account reviewer, @PathVariable UUID id, @Valid @RequestBody ReasonJson body) {
        desk.sendBackToExamPoint(reviewer, id, body.version(), body.reason());
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/deadline")
    @Operation(summary = "Extend a returned candidate's resubmission deadline (二.7) to a later last day")
    Decided extendDeadline(Account reviewer, @PathVariable UUID id, @Valid @RequestBody DeadlineJson body) {
        desk.extendDeadline(reviewer, id, body.version(), body.lastDay());
        return decided(reviewer, id);
    }

    @PostMapping("/applications/{id}/form-receipt")
    @Operation(
            summary = "Record receipt of the signed application form (二.8)",
            description = "Needs no lease; once per application. `receivedOn` defaults to today.")
    FormReceipt recordFormReceipt(
            Account reviewer, @PathVariable UUID id, @RequestBody(required = false) ReceiptJson body) {
        return desk.recordFormReceipt(reviewer, id, body == null ? null : body.receivedOn());
    }

    private Decided decided(Account reviewer, UUID id) {
        var application = desk.inScope(reviewer, id);
        return new Decided(application.id(), application.state(), application.version());
    }

    enum Outcome {
        PASS,
        FAIL
    }

    enum FinalOutcome {
        APPROVE,
        REJECT
    }

    /** The application after a decision: send {@code version} with the next one. */
    record Decided(UUID id, ApplicationState state, long version) {}

    record LeaseJson(UUID applicationId, String holder, Instant expiresAt) {
        static LeaseJson of(Lease lease) {
            return new LeaseJson(lease.applicationId(), lease.holderName(), lease.expiresAt());
        }
    }

    record MaterialDecisionJson(
            @NotNull Long version,
            @NotNull Verdict verdict,
            List<String> reasons,
            String messageToCandidate,
            String internalNote) {}

    record DeadlineJson(@NotNull Long version, LocalDate lastDay) {}

    record OutcomeJson(@NotNull Long version, @NotNull Outcome outcome, String reason) {}

    record FinalDecisionJson(@NotNull Long version, @NotNull FinalOutcome outcome, String reason) {}

    record ReasonJson(@NotNull Long version, String reason) {}

    record ReceiptJson(LocalDate receivedOn) {}
}
