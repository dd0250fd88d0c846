package cn.qualify.application;

import cn.qualify.shared.TimeOrderedUuid;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One uploaded image of one material. Images are never overwritten: a replaced image stays as an earlier version
 * (with {@link #removedAt()} and the round in which it was replaced) so that a reviewer can compare it with its
 * replacement.
 *
 * @param round the submission round in which it was uploaded (0 before the first submission)
 * @param removedInRound the round in which the candidate removed it, or -1 while it is current
 */
public record MaterialImage(
        UUID id,
        String material,
        String storageKey,
        String sha256,
        long sizeBytes,
        int width,
        int height,
        Instant uploadedAt,
        int round,
        Instant removedAt,
        int removedInRound) {

    public MaterialImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(storageKey, "storageKey");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }

    static MaterialImage uploaded(String material, StoredImage stored, Instant at, int round) {
        return new MaterialImage(
                TimeOrderedUuid.madeAt(at),
                material,
                stored.storageKey(),
                stored.sha256(),
                stored.sizeBytes(),
                stored.width(),
                stored.height(),
                at,
                round,
                null,
                -1);
    }

    public boolean isCurrent() {
        return removedAt == null;
    }

    MaterialImage removed(Instant at, int inRound) {
        return new MaterialImage(
                id, material, storageKey, sha256, sizeBytes, width, height, uploadedAt, round, at, inRound);
    }

    /** What the document store returned for an accepted upload. */
    public record StoredImage(String storageKey, String sha256, long sizeBytes, int width, int height) {}
}
