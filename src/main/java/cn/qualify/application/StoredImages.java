package cn.qualify.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every image whose bytes the document store should hold, for the operator's commands (verification, retention
 * purge) rather than for one application: paged in id order, independent of state and round.
 */
public interface StoredImages {

    /**
     * Images not purged, after the given id in id order.
     *
     * @param examYear only this exam year's, or {@code null} for every year
     * @param after the last id of the previous page, or {@code null} for the first page
     */
    List<StoredImageRecord> notPurged(Integer examYear, UUID after, int limit);

    /**
     * Which of these storage keys an image row names, purged or not: the documents an upload committed.
     *
     * @param storageKeys at most a thousand
     */
    Set<String> withStorageKeys(Collection<String> storageKeys);

    /** How many of the exam year's applications are not in a final state. */
    long openApplications(int examYear);

    /** Records that the image's bytes (and thumbnail) were deleted; its row and the decisions stay. */
    void markPurged(UUID imageId, Instant at);

    /** How many images of the exam year are marked purged. */
    long purged(int examYear);

    /**
     * One image as the store holds it.
     *
     * @param thumbnailKey the key of its thumbnail, {@code null} if none was made
     */
    record StoredImageRecord(
            UUID id, UUID applicationId, int examYear, String storageKey, String sha256, String thumbnailKey) {}
}
