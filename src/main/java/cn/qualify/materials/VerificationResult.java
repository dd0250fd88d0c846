package cn.qualify.materials;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the full decode of a stored image found.
 *
 * @param flags the doubts, empty for a good image
 * @param width width in pixels from the header, 0 if it could not be read
 * @param height height in pixels from the header, 0 if it could not be read
 * @param sharpness variance of the Laplacian over the variance of the picture, on a greyscale copy at most 800 px
 *     long; higher is sharper, independent of contrast (sharp document photos measure 0.2 and more)
 * @param meanLuminance mean brightness 0–255 of that copy
 * @param thumbnailJpeg a small JPEG for lists and the review page; empty when the image could not be decoded
 */
public record VerificationResult(
        Set<QualityFlag> flags, int width, int height, double sharpness, double meanLuminance, byte[] thumbnailJpeg) {

    public VerificationResult {
        flags = flags.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    static VerificationResult corrupt(int width, int height) {
        return new VerificationResult(EnumSet.of(QualityFlag.CORRUPT), width, height, 0, 0, new byte[0]);
    }

    /** Whether the candidate must upload the image again. */
    public boolean corrupt() {
        return flags.contains(QualityFlag.CORRUPT);
    }

    public boolean hasThumbnail() {
        return thumbnailJpeg.length > 0;
    }

    @Override
    public String toString() {
        return "VerificationResult[%s %dx%d, sharpness=%.3f, meanLuminance=%.1f, thumbnail=%d bytes]"
                .formatted(flags, width, height, sharpness, meanLuminance, thumbnailJpeg.length);
    }
}
