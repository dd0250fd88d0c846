package cn.qualify.candidate;

import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import cn.qualify.candidate.web.MaterialView;
import cn.qualify.candidate.web.MaterialsPage;
import cn.qualify.identity.Account;
import cn.qualify.identity.AccountId;
import cn.qualify.materials.DocumentStoreUnavailableException;
import cn.qualify.policy.Material;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The candidate's pages: status, the upload page with one card per material, and the actions on it. htmx
 * requests for a material card get the card fragment; everything else the full page. Every action redirects back
 * with a flash message saying what happened or why not.
 */
@Controller
class CandidateController {

    private final CandidateJourney journey;
    private final ImageChecks imageChecks;
    private final MessageSource messages;

    CandidateController(CandidateJourney journey, ImageChecks imageChecks, MessageSource messages) {
        this.journey = journey;
        this.imageChecks = imageChecks;
        this.messages = messages;
    }

    @GetMapping("/candidate")
    String home(Account candidate, Model model) {
        model.addAttribute("situation", journey.situation(candidate));
        return "candidate/home";
    }

    /**
     * The upload page. Materials outside the checklist are listed by name only, unless they hold images or a
     * decision, so the page stays small for the candidates refreshing it before a deadline; the list itself comes
     * when its section is opened (htmx), or with {@code ?others} without script, and {@code ?other=MATERIAL} renders
     * the page with that card in full.
     */
    @GetMapping("/candidate/materials")
    String materials(
            AccountId candidate,
            @RequestParam(required = false) String tooLarge,
            @RequestParam(required = false) String other,
            @RequestParam(required = false) String others,
            Model model,
            Locale locale) {
        var situation = journey.situation(candidate);
        if (situation.registration() == null) {
            return "redirect:/candidate";
        }
        model.addAttribute("page", page(situation, other, others != null, locale));
        model.addAttribute("maxImageBytes", situation.examYear().maxImageBytes());
        if (tooLarge != null) {
            model.addAttribute(
                    "flashError",
                    messages.getMessage(
                            "candidate.upload.bodyTooLarge",
                            new Object[] {situation.examYear().maxImageBytes() / 1024},
                            locale));
        }
        return "candidate/materials";
    }

    /** The materials outside the checklist, for htmx to put into their section when the candidate opens it. */
    @GetMapping(value = "/candidate/materials/others", headers = "HX-Request")
    String otherMaterials(AccountId candidate, Model model, Locale locale) {
        var situation = journey.situation(candidate);
        if (situation.registration() == null) {
            return "redirect:/candidate";
        }
        model.addAttribute("page", page(situation, null, true, locale));
        model.addAttribute("maxImageBytes", situation.examYear().maxImageBytes());
        return "candidate/other-materials :: other-materials";
    }

    private MaterialsPage page(CandidateJourney.Situation situation, String other, boolean listOthers, Locale locale) {
        return MaterialsPage.of(
                situation.application(),
                situation.evaluation(),
                materialViews(situation, locale),
                other,
                listOthers,
                situation.missingUploads(locale),
                locale);
    }

    /** One material card, for htmx to refresh after an upload or while checks are running. */
    @GetMapping(value = "/candidate/materials/{material}", headers = "HX-Request")
    String materialCard(AccountId candidate, @PathVariable Material material, Model model, Locale locale) {
        var situation = journey.situation(candidate);
        if (situation.registration() == null) {
            return "redirect:/candidate";
        }
        model.addAttribute("maxImageBytes", situation.examYear().maxImageBytes());
        model.addAttribute(
                "material",
                materialViews(situation, locale).stream()
                        .filter(view -> view.material() == material)
                        .findFirst()
                        .orElseThrow(() -> new JourneyRefusal("candidate.upload.unknownMaterial", 404, material)));
        return "candidate/material-card :: material-card";
    }

    @PostMapping("/candidate/materials/{material}/images")
    String upload(
            AccountId candidate,
            @PathVariable Material material,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        if (file == null) {
            redirect.addFlashAttribute("flashError", messages.getMessage("candidate.upload.noFile", null, locale));
            return "redirect:/candidate/materials#material-" + material;
        }
        // The stream first, as in CandidateApiController: measuring the upload before would copy it.
        try (var content = file.getInputStream()) {
            if (file.isEmpty()) {
                redirect.addFlashAttribute("flashError", messages.getMessage("candidate.upload.noFile", null, locale));
                return "redirect:/candidate/materials#material-" + material;
            }
            journey.upload(candidate, material, content, file.getSize());
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("candidate.upload.done", null, locale));
        } catch (JourneyRefusal | ApplicationRuleViolation refused) {
            redirect.addFlashAttribute("flashError", message(refused, locale));
        }
        return "redirect:/candidate/materials#material-" + material;
    }

    @PostMapping("/candidate/images/{imageId}/delete")
    String delete(Account candidate, @PathVariable UUID imageId, RedirectAttributes redirect, Locale locale) {
        var image = journey.ownImage(candidate, imageId);
        try {
            journey.removeImage(candidate, imageId);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("candidate.image.deleted", null, locale));
        } catch (JourneyRefusal | ApplicationRuleViolation refused) {
            redirect.addFlashAttribute("flashError", message(refused, locale));
        }
        return "redirect:/candidate/materials"
                + image.map(found -> "#material-" + found.material()).orElse("");
    }

    @PostMapping("/candidate/submit")
    String submit(Account candidate, RedirectAttributes redirect, Locale locale) {
        try {
            var application = journey.submit(candidate, locale);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            application.state() == ApplicationState.OFFLINE_REVIEW
                                    ? "candidate.submit.offline"
                                    : "candidate.submit.done",
                            null,
                            locale));
            return "redirect:/candidate";
        } catch (JourneyRefusal | ApplicationRuleViolation refused) {
            redirect.addFlashAttribute("flashError", message(refused, locale));
            return "redirect:/candidate/materials";
        }
    }

    @PostMapping("/candidate/withdraw")
    String withdraw(Account candidate, RedirectAttributes redirect, Locale locale) {
        try {
            journey.withdraw(candidate);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("candidate.withdraw.done", null, locale));
        } catch (JourneyRefusal | ApplicationRuleViolation refused) {
            redirect.addFlashAttribute("flashError", message(refused, locale));
        }
        return "redirect:/candidate";
    }

    /** The candidate's own image (current or earlier version); anyone else's is simply not found. */
    @GetMapping("/candidate/images/{imageId}")
    ResponseEntity<byte[]> image(Account candidate, @PathVariable UUID imageId) {
        return journey.ownImage(candidate, imageId)
                .map(image -> imageResponse(image, journey.imageBytes(image)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/candidate/images/{imageId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(Account candidate, @PathVariable UUID imageId) {
        Optional<MaterialImage> image = journey.ownImage(candidate, imageId);
        if (image.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var check = imageChecks
                .of(List.of(image.get().storageKey()))
                .get(image.get().storageKey());
        // until the check has made a thumbnail (or while a lost one is made again) the image itself stands in
        var thumbnail = check == null ? Optional.<byte[]>empty() : journey.thumbnailBytes(check);
        if (thumbnail.isEmpty()) {
            return imageResponse(image.get(), journey.imageBytes(image.get()));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"" + imageId + "-thumbnail.jpg\"")
                .body(thumbnail.get());
    }

    private List<MaterialView> materialViews(CandidateJourney.Situation situation, Locale locale) {
        var application = situation.application();
        var keys = application.allImages().stream()
                .filter(MaterialImage::isCurrent)
                .map(MaterialImage::storageKey)
                .toList();
        return MaterialView.of(
                application,
                situation.evaluation().requirements(),
                journey.catalogue(situation.evaluation()),
                imageChecks.of(keys),
                locale);
    }

    /** A refusal outside a form (an image that cannot be read, an unknown material's card): its status, in words. */
    @ExceptionHandler(JourneyRefusal.class)
    ResponseEntity<String> refused(JourneyRefusal refusal, Locale locale) {
        return ResponseEntity.status(refusal.status())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(messages.getMessage(refusal, locale));
    }

    /** A document cannot be read while the store is down: say so, rather than fail with a server error. */
    @ExceptionHandler(DocumentStoreUnavailableException.class)
    ResponseEntity<String> storeUnavailable(DocumentStoreUnavailableException unavailable, Locale locale) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("Retry-After", "60")
                .body(messages.getMessage("candidate.document.unavailable", null, locale));
    }

    static ResponseEntity<byte[]> imageResponse(MaterialImage image, byte[] bytes) {
        boolean png = bytes.length > 3 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P';
        return ResponseEntity.ok()
                .contentType(png ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"" + image.id() + (png ? ".png" : ".jpg") + "\"")
                .body(bytes);
    }

    private String message(RuntimeException refused, Locale locale) {
        if (refused instanceof MessageSourceResolvable resolvable) {
            return messages.getMessage(resolvable, locale);
        }
        var violation = (ApplicationRuleViolation) refused;
        return messages.getMessage(violation.messageKey(), violation.arguments(), locale);
    }
}
