package cn.qualify.review;

import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.MaterialReview.Verdict;
import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.identity.Account;
import cn.qualify.identity.Role;
import cn.qualify.materials.DocumentDecryptionException;
import cn.qualify.materials.DocumentStoreUnavailableException;
import cn.qualify.policy.Material;
import cn.qualify.policy.Route;
import cn.qualify.review.web.QueueRow;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewers' pages: the queue, the review screen with its decision forms, the images and the candidate's
 * history. Every form posts the application version the page showed; a refusal comes back as a flash message on the
 * review screen and changes nothing.
 */
@Controller
class ReviewPagesController {

    private static final Logger log = LoggerFactory.getLogger(ReviewPagesController.class);

    /** How the queue page writes a revision deadline and a last change, in the exam's time zone. */
    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ReviewCases.EXAM_ZONE);

    private static final DateTimeFormatter UPDATED =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ReviewCases.EXAM_ZONE);

    private final ReviewDesk desk;
    private final ReviewQueue queue;
    private final ReviewGrid grid;
    private final ExamPoints examPoints;
    private final Refusals refusals;
    private final MessageSource messages;

    ReviewPagesController(
            ReviewDesk desk,
            ReviewQueue queue,
            ReviewGrid grid,
            ExamPoints examPoints,
            Refusals refusals,
            MessageSource messages) {
        this.desk = desk;
        this.queue = queue;
        this.grid = grid;
        this.examPoints = examPoints;
        this.refusals = refusals;
        this.messages = messages;
    }

    // ---- queue ----------------------------------------------------------------------------------------------

    @GetMapping("/review")
    String queue(
            Account reviewer,
            QueueQuery query,
            Model model,
            Locale locale,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("query", query);
        model.addAttribute(
                "states",
                List.of(ApplicationState.values()).stream()
                        .filter(state -> state != ApplicationState.DRAFT)
                        .toList());
        model.addAttribute("routes", Route.values());
        model.addAttribute("flags", ReviewQueue.FLAGS.stream().sorted().toList());
        model.addAttribute("examPoints", visiblePoints(reviewer));
        model.addAttribute("district", reviewer.role() == Role.DISTRICT_REVIEWER);
        model.addAttribute("defaultStates", ReviewQueue.defaultStates(reviewer));
        QueuePage page;
        try {
            page = queue.page(reviewer, query);
        } catch (ReviewRefused refused) {
            model.addAttribute("queueError", refusals.message(refused, locale));
            page = queue.page(reviewer, QueueQuery.defaults());
        }
        model.addAttribute("page", page);
        var notFilledIn = messages.getMessage("review.notFilledIn", null, locale);
        model.addAttribute(
                "rows",
                page.items().stream()
                        .map(item -> row(item, notFilledIn, locale))
                        .toList());
        return htmx != null ? "review/queue :: results" : "review/queue";
    }

    private QueueRow row(QueueItem item, String notFilledIn, Locale locale) {
        return new QueueRow(
                item.id(),
                item.number(),
                item.candidateName() != null ? item.candidateName() : notFilledIn,
                item.idNumber() != null ? item.idNumber() : notFilledIn,
                item.examPointCode(),
                messages.getMessage("application.state." + item.state(), null, locale),
                item.resubmitted()
                        ? messages.getMessage("review.queue.round", new Object[] {item.round()}, locale)
                        : null,
                item.offlineReview() ? messages.getMessage("review.offline", null, locale) : null,
                item.revisionDeadline() == null
                        ? null
                        : messages.getMessage(
                                "review.queue.until", new Object[] {DEADLINE.format(item.revisionDeadline())}, locale),
                item.qualityFlags().stream()
                        .map(flag -> messages.getMessage("review.flag." + flag, null, locale))
                        .toList(),
                UPDATED.format(item.updatedAt()),
                item.leaseHolder());
    }

    private List<ExamPoint> visiblePoints(Account reviewer) {
        return examPoints.all().stream()
                .filter(point -> reviewer.reviewsExamPoint(point.code()))
                .toList();
    }

    // ---- grid mode ------------------------------------------------------------------------------------------

    @GetMapping("/review/grid")
    String grid(
            Account reviewer,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "ID_PROOF") String material,
            @RequestParam(required = false) String examPoint,
            @RequestParam(required = false) String after,
            Model model,
            Locale locale) {
        model.addAttribute("materials", Material.values());
        model.addAttribute("examPoints", visiblePoints(reviewer));
        model.addAttribute("examPoint", examPoint);
        try {
            model.addAttribute("grid", grid.page(reviewer, year, material, examPoint, after, locale));
        } catch (ReviewRefused refused) {
            model.addAttribute("gridError", refusals.message(refused, locale));
            model.addAttribute("grid", grid.page(reviewer, year, "ID_PROOF", null, null, locale));
        }
        return "review/grid";
    }

    @PostMapping("/review/grid/accept")
    String acceptInGrid(
            Account reviewer,
            @RequestParam UUID id,
            @RequestParam(required = false) String version,
            @RequestParam String material,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String examPoint,
            @RequestParam(required = false) String after,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            desk.acceptInGrid(reviewer, id, version(version), material);
        } catch (ReviewRefused | ApplicationRuleViolation refused) {
            redirect.addFlashAttribute("flashError", refusals.message(refused, locale));
        }
        redirect.addAttribute("material", material);
        if (year != null) {
            redirect.addAttribute("year", year);
        }
        if (examPoint != null && !examPoint.isBlank()) {
            redirect.addAttribute("examPoint", examPoint);
        }
        if (after != null && !after.isBlank()) {
            redirect.addAttribute("after", after);
        }
        return "redirect:/review/grid";
    }

    // ---- review screen --------------------------------------------------------------------------------------

    @GetMapping("/review/applications/{id}")
    String open(Account reviewer, @PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("review", desk.open(reviewer, id, locale));
        model.addAttribute("reasons", ReplacementReason.values());
        model.addAttribute("zone", ReviewCases.EXAM_ZONE);
        model.addAttribute("district", reviewer.role() == Role.DISTRICT_REVIEWER);
        return "review/application";
    }

    @GetMapping("/review/applications/{id}/history")
    String history(Account reviewer, @PathVariable UUID id, Model model, Locale locale) {
        var application = desk.inScope(reviewer, id);
        model.addAttribute("reviewed", application);
        model.addAttribute("entries", desk.history(reviewer, id));
        model.addAttribute("zone", ReviewCases.EXAM_ZONE);
        return "review/history";
    }

    @GetMapping("/review/applications/{id}/images/{imageId}")
    ResponseEntity<byte[]> image(
            Account reviewer,
            @PathVariable UUID id,
            @PathVariable UUID imageId,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        var image = desk.image(reviewer, id, imageId, thumbnail);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Disposition",
                        // only JPEG and PNG are ever stored; anything else would be downloaded, never shown
                        image.mediaType().startsWith("image/")
                                ? "inline; filename=\"" + imageId
                                        + (image.mediaType().endsWith("png") ? ".png" : ".jpg") + "\""
                                : "attachment; filename=\"" + imageId + ".bin\"")
                .body(image.bytes());
    }

    // ---- leases ---------------------------------------------------------------------------------------------

    /** Called by the review screen's script while the reviewer works, so that the lease does not run out. */
    @PostMapping("/review/applications/{id}/lease/renew")
    @ResponseBody
    ResponseEntity<String> renew(Account reviewer, @PathVariable UUID id, Locale locale) {
        try {
            desk.claim(reviewer, id);
            return ResponseEntity.noContent().build();
        } catch (ReviewRefused | ApplicationRuleViolation refused) {
            return ResponseEntity.status(refusals.status(refused))
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(refusals.message(refused, locale));
        }
    }

    @PostMapping("/review/applications/{id}/lease/release")
    String release(Account reviewer, @PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        try {
            desk.release(reviewer, id);
            redirect.addFlashAttribute("flashSuccess", message("review.lease.released", locale));
            return "redirect:/review";
        } catch (ReviewRefused refused) {
            return refused(id, refused, redirect, locale);
        }
    }

    @PostMapping("/review/applications/{id}/lease/takeover")
    String takeOver(Account reviewer, @PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        try {
            desk.takeOver(reviewer, id);
            redirect.addFlashAttribute("flashSuccess", message("review.lease.takenOver", locale));
        } catch (ReviewRefused refused) {
            return refused(id, refused, redirect, locale);
        }
        return "redirect:/review/applications/" + id;
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    @PostMapping("/review/applications/{id}/materials/{material}")
    String decideMaterial(
            Account reviewer,
            @PathVariable UUID id,
            @PathVariable String material,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) List<String> reasons,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                null,
                () -> desk.decideMaterial(
                        reviewer,
                        id,
                        version(version),
                        new MaterialDecision(material, verdict(verdict), reasons, message, note)));
    }

    @PostMapping("/review/applications/{id}/return")
    String returnForRevision(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String lastDay,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                "review.done.returned",
                () -> desk.returnForRevision(reviewer, id, version(version), day(lastDay)));
    }

    @PostMapping("/review/applications/{id}/recommendation")
    String recommend(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                "review.done.recommended",
                () -> desk.recommend(reviewer, id, version(version), pass(outcome), reason));
    }

    @PostMapping("/review/applications/{id}/onsite-review")
    String sendToOnsiteReview(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                "review.done.onsite",
                () -> desk.sendToOnsiteReview(reviewer, id, version(version), reason));
    }

    @PostMapping("/review/applications/{id}/onsite-result")
    String recordOnsiteResult(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                "review.done.recorded",
                () -> desk.recordOnsiteResult(reviewer, id, version(version), pass(outcome), reason));
    }

    @PostMapping("/review/applications/{id}/offline-result")
    String recordOfflineResult(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                "review.done.recorded",
                () -> desk.recordOfflineResult(reviewer, id, version(version), pass(outcome), reason));
    }

    @PostMapping("/review/applications/{id}/final-decision")
    String decideFinally(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                "review.done.final",
                () -> desk.decideFinally(reviewer, id, version(version), approve(outcome), reason));
    }

    @PostMapping("/review/applications/{id}/send-back")
    String sendBack(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                id,
                redirect,
                locale,
                "review.done.sentBack",
                () -> desk.sendBackToExamPoint(reviewer, id, version(version), reason));
    }

    @PostMapping("/review/applications/{id}/deadline")
    String extendDeadline(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String lastDay,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, null, () -> {
            desk.extendDeadline(reviewer, id, version(version), day(lastDay));
            redirect.addFlashAttribute("flashSuccess", message("review.done.extended", locale));
        });
    }

    @PostMapping("/review/applications/{id}/form-receipt")
    String recordFormReceipt(
            Account reviewer,
            @PathVariable UUID id,
            @RequestParam(required = false) String receivedOn,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, null, () -> {
            desk.recordFormReceipt(reviewer, id, day(receivedOn));
            redirect.addFlashAttribute("flashSuccess", message("review.done.formReceived", locale));
        });
    }

    /**
     * Runs a decision. A transition leads back to the queue, for the next candidate; anything else, or a refusal,
     * back to the review screen.
     *
     * @param doneKey the message of a transition, or null for a change that stays on the screen
     */
    private String act(UUID id, RedirectAttributes redirect, Locale locale, String doneKey, Runnable decision) {
        try {
            decision.run();
        } catch (ReviewRefused | ApplicationRuleViolation refused) {
            return refused(id, refused, redirect, locale);
        }
        if (doneKey == null) {
            return "redirect:/review/applications/" + id;
        }
        redirect.addFlashAttribute("flashSuccess", message(doneKey, locale));
        return "redirect:/review";
    }

    private String refused(UUID id, RuntimeException refused, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flashError", refusals.message(refused, locale));
        return "redirect:/review/applications/" + id;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static long version(String version) {
        try {
            return Long.parseLong(version == null ? "" : version.strip());
        } catch (NumberFormatException missing) {
            throw ReviewRefused.invalid("review.version.missing");
        }
    }

    private static LocalDate day(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException garbled) {
            throw ReviewRefused.invalid("review.date.invalid");
        }
    }

    private static Verdict verdict(String verdict) {
        try {
            return Verdict.valueOf(verdict == null ? "" : verdict.strip());
        } catch (IllegalArgumentException unknown) {
            throw ReviewRefused.invalid("review.verdict.invalid");
        }
    }

    private static boolean pass(String outcome) {
        return switch (outcome == null ? "" : outcome.strip()) {
            case "PASS" -> true;
            case "FAIL" -> false;
            default -> throw ReviewRefused.invalid("review.outcome.invalid");
        };
    }

    private static boolean approve(String outcome) {
        return switch (outcome == null ? "" : outcome.strip()) {
            case "APPROVE" -> true;
            case "REJECT" -> false;
            default -> throw ReviewRefused.invalid("review.outcome.invalid");
        };
    }

    /** An image cannot be read while the document store is down: say so plainly, rather than fail with an error. */
    @ExceptionHandler(DocumentStoreUnavailableException.class)
    ResponseEntity<String> storeUnavailable(DocumentStoreUnavailableException unavailable, Locale locale) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("Retry-After", "60")
                .body(messages.getMessage("review.document.unavailable", null, locale));
    }

    /**
     * An image whose stored copy fails its decryption (altered, or its key no longer configured): the reviewer is
     * told so in words, and the operators find the key in the log and in the verify-documents command's report.
     */
    @ExceptionHandler(DocumentDecryptionException.class)
    ResponseEntity<String> damaged(DocumentDecryptionException damaged, Locale locale) {
        log.error("A reviewer asked for a document that cannot be decrypted: {}", damaged.getMessage());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(messages.getMessage("review.document.damaged", null, locale));
    }
}
