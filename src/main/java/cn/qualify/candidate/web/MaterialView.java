package cn.qualify.candidate.web;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.ImageCheck;
import cn.qualify.application.MaterialImage;
import cn.qualify.application.MaterialReview;
import cn.qualify.policy.CatalogueEntry;
import cn.qualify.policy.LocalizedText;
import cn.qualify.policy.Material;
import cn.qualify.policy.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One material as the candidate sees it: what it is and why it is needed, its images with their state, the
 * reviewer's request and whether it can still change. Texts are in the page's language, and the addresses the card
 * links to are spelled out here, so that the card's template has one expression per value it shows.
 *
 * @param reason why the checklist asks for the material, {@code null} outside the checklist
 * @param applicable false for a catalogue material outside the candidate's checklist (shown collapsed)
 * @param review the reviewer's latest decision in this round, {@code null} if none
 */
public record MaterialView(
        Material material,
        String name,
        String instructions,
        String reason,
        String clause,
        boolean required,
        boolean applicable,
        int minImages,
        int maxImages,
        boolean unlocked,
        List<ImageView> images,
        MaterialReview review) {

    /** 未锁定 / 已锁定 / 需更换 (三(四)), with the message key and the badge style the card shows for each. */
    public enum ImageState {
        UNLOCKED("optional"),
        LOCKED("ok"),
        REPLACEMENT_REQUESTED("required");

        private final String messageKey;
        private final String badge;

        ImageState(String badge) {
            this.messageKey = "candidate.image.state." + name();
            this.badge = badge;
        }

        public String messageKey() {
            return messageKey;
        }

        public String badge() {
            return badge;
        }
    }

    /**
     * One current image.
     *
     * @param flags quality findings of the background check; empty when fine
     * @param checked whether the background check has finished
     */
    public record ImageView(UUID id, ImageState state, int width, int height, Set<String> flags, boolean checked) {

        public String path() {
            return "/candidate/images/" + id;
        }

        public String thumbnailPath() {
            return path() + "/thumbnail";
        }

        public String deletePath() {
            return path() + "/delete";
        }
    }

    /** The card's element id, which links and redirects use as their fragment. */
    public String anchor() {
        return "material-" + material;
    }

    public String fileInputId() {
        return "file-" + material;
    }

    /** The card alone, for htmx. */
    public String cardPath() {
        return "/candidate/materials/" + material;
    }

    /** The upload page with this card open, for a material outside the checklist and a browser without script. */
    public String openPath() {
        return "/candidate/materials?other=" + material + "#" + anchor();
    }

    public String uploadPath() {
        return "/candidate/materials/" + material + "/images";
    }

    public String apiUploadPath() {
        return "/api/v1/candidate/materials/" + material + "/images";
    }

    public String examplePath() {
        return "/img/examples/" + material + ".svg";
    }

    public boolean replacementRequested() {
        return review != null && review.requestsReplacement();
    }

    public boolean full() {
        return images.size() >= maxImages;
    }

    public boolean canUpload() {
        return unlocked && !full();
    }

    /**
     * Whether the card must be shown in full even though the material is outside the checklist: it holds images
     * or a reviewer's decision the candidate has to see.
     */
    public boolean hasContent() {
        return !images.isEmpty() || review != null;
    }

    public boolean awaitingChecks() {
        return images.stream().anyMatch(image -> !image.checked());
    }

    public static List<MaterialView> of(
            Application application,
            List<Requirement> requirements,
            List<CatalogueEntry> catalogue,
            Map<String, ImageCheck> checks,
            Locale locale) {
        List<MaterialView> views = new ArrayList<>();
        var reviews = application.latestReviews();
        for (Requirement requirement : requirements) {
            views.add(view(
                    application,
                    requirement.material(),
                    requirement.name(),
                    requirement.instructions(),
                    requirement.reason(),
                    requirement.clause(),
                    requirement.required(),
                    true,
                    requirement.minImages(),
                    requirement.maxImages(),
                    reviews.get(requirement.material().name()),
                    checks,
                    locale));
        }
        for (CatalogueEntry entry : catalogue) {
            boolean listed = requirements.stream().anyMatch(r -> r.material() == entry.material());
            if (!listed) {
                views.add(view(
                        application,
                        entry.material(),
                        entry.name(),
                        entry.instructions(),
                        null,
                        null,
                        false,
                        false,
                        0,
                        entry.maxImages(),
                        reviews.get(entry.material().name()),
                        checks,
                        locale));
            }
        }
        return views;
    }

    private static MaterialView view(
            Application application,
            Material material,
            LocalizedText name,
            LocalizedText instructions,
            LocalizedText reason,
            String clause,
            boolean required,
            boolean applicable,
            int minImages,
            int maxImages,
            MaterialReview review,
            Map<String, ImageCheck> checks,
            Locale locale) {
        boolean unlocked = application.isUnlocked(material.name());
        boolean replacementRequested =
                application.state() == ApplicationState.RETURNED && review != null && review.requestsReplacement();
        var images = application.currentImages(material.name()).stream()
                .map(image -> imageView(image, unlocked, replacementRequested, checks.get(image.storageKey())))
                .toList();
        return new MaterialView(
                material,
                name.in(locale),
                instructions.in(locale),
                reason == null ? null : reason.in(locale),
                clause,
                required,
                applicable,
                minImages,
                maxImages,
                unlocked,
                images,
                review);
    }

    private static ImageView imageView(
            MaterialImage image, boolean unlocked, boolean replacementRequested, ImageCheck check) {
        var state = replacementRequested
                ? ImageState.REPLACEMENT_REQUESTED
                : unlocked ? ImageState.UNLOCKED : ImageState.LOCKED;
        return new ImageView(
                image.id(),
                state,
                image.width(),
                image.height(),
                check == null ? Set.of() : check.flags(),
                check != null);
    }
}
