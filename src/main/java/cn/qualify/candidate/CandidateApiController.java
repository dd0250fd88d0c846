package cn.qualify.candidate;

import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import cn.qualify.application.StaleApplicationException;
import cn.qualify.candidate.web.MaterialView;
import cn.qualify.identity.Account;
import cn.qualify.identity.AccountId;
import cn.qualify.materials.DocumentStoreUnavailableException;
import cn.qualify.policy.Material;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The candidate's journey as JSON, so that another client can drive it. State-changing calls need the CSRF header. */
@RestController
@RequestMapping("/api/v1/candidate")
@Tag(
        name = "Candidate",
        description = "The logged-in candidate's application: checklist, uploads, submission. Needs a candidate's"
                + " session (401 without one, 403 for other roles); state-changing calls need the X-CSRF-TOKEN header."
                + " Refusals are RFC 9457 problem details with a localised `detail`.")
class CandidateApiController {

    private final CandidateJourney journey;
    private final ImageChecks imageChecks;
    private final MessageSource messages;

    CandidateApiController(CandidateJourney journey, ImageChecks imageChecks, MessageSource messages) {
        this.journey = journey;
        this.imageChecks = imageChecks;
        this.messages = messages;
    }

    @GetMapping("/application")
    @Operation(
            summary = "The application with its checklist, images, states and what is still missing",
            description = "Opens the draft on the first call after the registration info is saved. Each image carries"
                    + " the background check's `flags` and `warnings` once `checked` is true; poll while it is false.")
    @ApiResponse(responseCode = "200", description = "The application")
    @ApiResponse(
            responseCode = "409",
            description = "No registration info yet: fill it in first (PUT /api/v1/candidate/registration)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "No exam year has been set up",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ApplicationJson application(AccountId candidate, Locale locale) {
        var situation = journey.situation(candidate);
        if (situation.registration() == null) {
            throw new JourneyRefusal("candidate.registration.missing", 409);
        }
        return ApplicationJson.of(situation, journey, imageChecks, messages, locale);
    }

    @PostMapping(value = "/materials/{material}/images", consumes = "multipart/form-data")
    @Operation(
            summary = "Upload one image of a material (jpg/png, at most the exam year's limit)",
            description = "Multipart field `file`. Checked before anything is stored (declared size, magic bytes,"
                    + " header dimensions, structure, EXIF orientation; metadata removed); full decoding and quality"
                    + " checks follow in the background. Every refusal stores nothing and says why in `detail`.")
    @ApiResponse(
            responseCode = "201",
            description = "Stored; Location names the image, `checked` is false until the background check ends")
    @ApiResponse(
            responseCode = "400",
            description = "No file sent, or a body that is not well-formed multipart",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The exam year's upload window is closed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such material in the policy's catalogue",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description =
                    "The material is locked or full, the candidate uploads nothing, there is no registration info, or the application changed meanwhile",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "413",
            description = "Larger than the exam year's limit; refused from the declared length before the body is read",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "415",
            description = "Not a JPEG or PNG, whatever the file name or Content-Type say",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description =
                    "A JPEG or PNG that cannot be accepted: too many or too few pixels, truncated, corrupt, or an orientation that cannot be normalised",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "The document store is unavailable; nothing was stored, send the file again later",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ImageJson> upload(
            AccountId candidate,
            @PathVariable Material material,
            @RequestParam("file") MultipartFile file,
            Locale locale)
            throws IOException {
        MaterialImage image;
        // The stream first: Tomcat then keeps the bytes it hands out, where asking for the size (or emptiness)
        // before would copy the whole upload to measure it.
        try (var content = file.getInputStream()) {
            if (file.isEmpty()) {
                throw new JourneyRefusal("candidate.upload.noFile", 400);
            }
            image = journey.upload(candidate, material, content, file.getSize());
        }
        return ResponseEntity.created(URI.create("/api/v1/candidate/images/" + image.id()))
                .body(ImageJson.of(image, Set.of(), false, messages, locale));
    }

    @DeleteMapping("/images/{imageId}")
    @Operation(summary = "Delete an unlocked image")
    @ApiResponse(
            responseCode = "204",
            description = "Deleted (after a return for revision it is kept as an earlier version)")
    @ApiResponse(
            responseCode = "404",
            description = "Not a current image of this candidate",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The image is locked, or the application changed meanwhile",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> delete(Account candidate, @PathVariable UUID imageId) {
        journey.removeImage(candidate, imageId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/images/{imageId}")
    @Operation(summary = "One of the candidate's own images, current or earlier version")
    @ApiResponse(
            responseCode = "200",
            description = "The stored image",
            content = {@Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    @ApiResponse(responseCode = "404", description = "Not an image of this candidate")
    ResponseEntity<byte[]> image(Account candidate, @PathVariable UUID imageId) {
        return journey.ownImage(candidate, imageId)
                .map(image -> CandidateController.imageResponse(image, journey.imageBytes(image)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/application/submit")
    @Operation(
            summary = "Submit, or resubmit after a return for revision; 422 lists what is missing",
            description = "Locks every image (上报完成，内容已锁定). A resubmission must come before the revision deadline"
                    + " and replace every material the reviewer asked for.")
    @ApiResponse(responseCode = "200", description = "The submitted application")
    @ApiResponse(
            responseCode = "409",
            description =
                    "Not a draft or returned application, the deadline has passed, a requested material was not replaced, or the application changed meanwhile",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "Incomplete: `detail` lists the missing materials and failed eligibility rules",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ApplicationJson submit(Account candidate, Locale locale) {
        journey.submit(candidate, locale);
        return ApplicationJson.of(journey.situation(candidate), journey, imageChecks, messages, locale);
    }

    @PostMapping("/application/withdraw")
    @Operation(summary = "Withdraw the application (取消报名) before a final state")
    @ApiResponse(responseCode = "200", description = "The withdrawn application")
    @ApiResponse(
            responseCode = "409",
            description = "The application is already in a final state",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ApplicationJson withdraw(Account candidate, Locale locale) {
        journey.withdraw(candidate);
        return ApplicationJson.of(journey.situation(candidate), journey, imageChecks, messages, locale);
    }

    @ExceptionHandler(JourneyRefusal.class)
    ResponseEntity<ProblemDetail> refused(JourneyRefusal refusal, Locale locale) {
        return problem(HttpStatus.valueOf(refusal.status()), messages.getMessage(refusal, locale), locale);
    }

    @ExceptionHandler(DocumentStoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DocumentStoreUnavailableException unavailable, Locale locale) {
        var response = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("candidate.document.unavailable", null, locale),
                locale);
        return ResponseEntity.status(response.getStatusCode())
                .header("Retry-After", "60")
                .body(response.getBody());
    }

    @ExceptionHandler(StaleApplicationException.class)
    ResponseEntity<ProblemDetail> stale(StaleApplicationException stale, Locale locale) {
        return problem(HttpStatus.CONFLICT, messages.getMessage(stale.messageKey(), stale.arguments(), locale), locale);
    }

    @ExceptionHandler(ApplicationRuleViolation.class)
    ResponseEntity<ProblemDetail> violation(ApplicationRuleViolation violation, Locale locale) {
        var status = violation.messageKey().equals("application.image.notFound")
                ? HttpStatus.NOT_FOUND
                : violation.messageKey().equals("application.submit.incomplete")
                        ? HttpStatus.UNPROCESSABLE_CONTENT
                        : HttpStatus.CONFLICT;
        var response =
                problem(status, messages.getMessage(violation.messageKey(), violation.arguments(), locale), locale);
        response.getBody().setProperty("code", violation.messageKey());
        return response;
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("candidate.api.refused", null, locale));
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * One image in the API.
     *
     * @param flags the background check's findings ({@code BLURRY}, {@code TOO_DARK}, {@code LOW_RESOLUTION},
     *     {@code CORRUPT}); empty when fine or not yet checked
     * @param warnings the same findings as the page words them for the candidate, in the request's language
     * @param checked whether the background check has finished; poll until it has
     */
    record ImageJson(
            UUID id,
            String url,
            int width,
            int height,
            Instant uploadedAt,
            Set<String> flags,
            List<String> warnings,
            boolean checked) {
        static ImageJson of(
                MaterialImage image, Set<String> flags, boolean checked, MessageSource messages, Locale locale) {
            return new ImageJson(
                    image.id(),
                    "/api/v1/candidate/images/" + image.id(),
                    image.width(),
                    image.height(),
                    image.uploadedAt(),
                    flags,
                    flags.stream()
                            .sorted()
                            .map(flag -> messages.getMessage("candidate.quality." + flag, null, flag, locale))
                            .toList(),
                    checked);
        }
    }

    /** One material in the API. */
    record MaterialJson(
            Material material,
            String name,
            boolean required,
            boolean applicable,
            int minImages,
            int maxImages,
            boolean unlocked,
            List<ImageJson> images,
            List<String> replacementReasons,
            String reviewerMessage) {}

    /** The application in the API. */
    record ApplicationJson(
            int examYear,
            String number,
            String state,
            Instant revisionDeadline,
            boolean uploadRequired,
            List<MaterialJson> materials,
            List<String> missing) {

        static ApplicationJson of(
                CandidateJourney.Situation situation,
                CandidateJourney journey,
                ImageChecks checks,
                MessageSource messages,
                Locale locale) {
            var application = situation.application();
            var current = application.allImages().stream()
                    .filter(MaterialImage::isCurrent)
                    .toList();
            var results =
                    checks.of(current.stream().map(MaterialImage::storageKey).toList());
            var views = MaterialView.of(
                    application,
                    situation.evaluation().requirements(),
                    journey.catalogue(situation.evaluation()),
                    results,
                    locale);
            var materials = views.stream()
                    .map(view -> new MaterialJson(
                            view.material(),
                            view.name(),
                            view.required(),
                            view.applicable(),
                            view.minImages(),
                            view.maxImages(),
                            view.unlocked(),
                            application.currentImages(view.material().name()).stream()
                                    .map(image -> {
                                        var check = results.get(image.storageKey());
                                        return ImageJson.of(
                                                image,
                                                check == null ? Set.of() : check.flags(),
                                                check != null,
                                                messages,
                                                locale);
                                    })
                                    .toList(),
                            view.review() != null && view.review().requestsReplacement()
                                    ? view.review().reasonCodes()
                                    : List.of(),
                            view.review() == null ? null : view.review().messageToCandidate()))
                    .toList();
            var missing = situation.missingUploads(locale);
            return new ApplicationJson(
                    application.examYear(),
                    application.number(),
                    application.state().name(),
                    application.revisionDeadline().orElse(null),
                    situation.evaluation().uploadRequired(),
                    materials,
                    missing);
        }
    }
}
