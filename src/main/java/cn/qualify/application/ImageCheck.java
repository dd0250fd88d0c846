package cn.qualify.application;

import java.time.Instant;
import java.util.Set;

/**
 * What the off-request-path verification found about one stored image.
 *
 * @param flags quality flags such as {@code LOW_RESOLUTION}, {@code BLURRY}, {@code TOO_DARK}, {@code CORRUPT};
 *     empty when the image looks fine
 * @param thumbnailKey storage key of the thumbnail, {@code null} if none could be made (a corrupt image)
 */
public record ImageCheck(String storageKey, Set<String> flags, String thumbnailKey, Instant checkedAt) {

    public ImageCheck {
        flags = Set.copyOf(flags);
    }

    public boolean isCorrupt() {
        return flags.contains("CORRUPT");
    }
}
