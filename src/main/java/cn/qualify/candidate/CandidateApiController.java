package cn.qualify.candidate;

import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import cn.qualify.application.StaleApplicationException;
import cn.qualify.identity.Account;
import cn.qualify.materials.DocumentStoreUnavailableException;
import cn.qualify.policy.Material;
import io.swagger.v3.oas.annotations.Operation;
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
@Tag(name = "Candidate", description = "The logged-in candidate's application: checklist, uploads, submission")
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
    @Operation(summary = "The application with its checklist, images, states and what is still missing")
    ApplicationJson application(Account candidate, Locale locale) {
        var situation = journey.situation(candidate);
        if (situation.registration() == null) {
            throw new JourneyRefusal("candidate.registration.missing", 409);
        }
        return ApplicationJson.of(situation, journey, imageChecks, locale);
    }

    @PostMapping(value = "/materials/{material}/images", consumes = "multipart/form-data")
    @Operation(summary = "Upload one image of a material (jpg/png, at most the exam year's limit)")
    ResponseEntity<ImageJson> upload(
            Account candidate, @PathVariable Material material, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw new JourneyRefusal("candidate.upload.noFile", 400);
        }
        MaterialImage image;
        try (var content = file.getInputStream()) {
            image = journey.upload(candidate, material, content, file.getSize());
        }
        return ResponseEntity.created(URI.create("/api/v1/candidate/images/" + image.id()))
                .body(ImageJson.of(image, Set.of(), false));
    }

    @DeleteMapping("/images/{imageId}")
    @Operation(summary = "Delete an unlocked image")
    ResponseEntity<Void> delete(Account candidate, @PathVariable UUID imageId) {
        journey.removeImage(candidate, imageId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/images/{imageId}")
    @Operation(summary = "One of the candidate's own images")
    ResponseEntity<byte[]> image(Account candidate, @PathVariable UUID imageId) {
        return journey.ownImage(candidate, imageId)
                .map(image -> CandidateController.imageResponse(image, journey.imageBytes(image)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/application/submit")
    @Operation(summary = "Submit, or resubmit after a return for revision; 422 lists what is missing")
    ApplicationJson submit(Account candidate, Locale locale) {
        journey.submit(candidate, locale);
        return ApplicationJson.of(journey.situation(candidate), journey, imageChecks, locale);
    }

    @PostMapping("/application/withdraw")
    @Operation(summary = "Withdraw the application before a final state")
    ApplicationJson withdraw(Account candidate, Locale locale) {
        journey.withdraw(candidate);
        return ApplicationJson.of(journey.situation(candidate), journey, imageChecks, locale);
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

    /** One image in the API. */
    record ImageJson(
            UUID id, String url, int width, int height, Instant uploadedAt, Set<String> flags, boolean checked) {
        static ImageJson of(MaterialImage image, Set<String> flags, boolean checked) {
            return new ImageJson(
                    image.id(),
                    "/api/v1/candidate/images/" + image.id(),
                    image.width(),
                    image.height(),
                    image.uploadedAt(),
                    flags,
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
                CandidateJourney.Situation situation, CandidateJourney journey, ImageChecks checks, Locale locale) {
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
                    results);
            var materials = views.stream()
                    .map(view -> new MaterialJson(
                            view.material(),
                            view.name().in(locale),
                            view.required(),
                            view.applicable(),
                            view.minImages(),
                            view.maxImages(),
                            view.unlocked(),
                            application.currentImages(view.material().name()).stream()
                                    .map(image -> {
                                        var check = results.get(image.storageKey());
                                        return ImageJson.of(
                                                image, check == null ? Set.of() : check.flags(), check != null);
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
