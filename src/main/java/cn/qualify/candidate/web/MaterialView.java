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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One material as the candidate sees it: what it is and why it is needed, its images with their state, the
 * reviewer's request and whether it can still change.
 *
 * @param applicable false for a catalogue material outside the candidate's checklist (shown collapsed)
 * @param review the reviewer's latest decision in this round, {@code null} if none
 */
public record MaterialView(
        Material material,
        LocalizedText name,
        LocalizedText instructions,
        LocalizedText reason,
        String clause,
        boolean required,
        boolean applicable,
        int minImages,
        int maxImages,
        boolean unlocked,
        List<ImageView> images,
        MaterialReview review) {

    /** 未锁定 / 已锁定 / 需更换 (三(四)). */
    public enum ImageState {
        UNLOCKED,
        LOCKED,
        REPLACEMENT_REQUESTED
    }

    /**
     * One current image.
     *
     * @param flags quality findings of the background check; empty when fine
     * @param checked whether the background check has finished
     */
    public record ImageView(UUID id, ImageState state, int width, int height, Set<String> flags, boolean checked) {}

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
            Map<String, ImageCheck> checks) {
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
                    checks));
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
                        checks));
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
            Map<String, ImageCheck> checks) {
        boolean unlocked = application.isUnlocked(material.name());
        boolean replacementRequested =
                application.state() == ApplicationState.RETURNED && review != null && review.requestsReplacement();
        var images = application.currentImages(material.name()).stream()
                .map(image -> imageView(image, unlocked, replacementRequested, checks.get(image.storageKey())))
                .toList();
        return new MaterialView(
                material,
                name,
                instructions,
                reason,
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
