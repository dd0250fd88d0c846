package cn.qualify.operations;

import cn.qualify.application.StoredImages;
import cn.qualify.exam.ExamYears;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Deletes the documents of one past exam year, as the retention policy allows: the bytes of every image and its
 * thumbnail go, the image rows stay marked purged, and the applications, decisions and audit trail stay whole.
 * Refused while the year is within {@code qualify.retention.keep-years} of the current exam year or still has an
 * application that is not final. Idempotent: a second run (or a run after a crash) purges what is left.
 */
@Component
class RetentionPurge {

    private static final int PAGE = 500;
    /** The thumbnail the verification writes next to each image; deleted even if its result was never recorded. */
    private static final String THUMBNAIL_SUFFIX = "thumb.jpg";

    private final StoredImages images;
    private final DocumentStore store;
    private final ExamYears examYears;
    private final Clock clock;
    private final Retention retention;

    RetentionPurge(StoredImages images, DocumentStore store, ExamYears examYears, Clock clock, Retention retention) {
        this.images = images;
        this.store = store;
        this.examYears = examYears;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Purges (or, on a dry run, counts) the exam year's documents.
     *
     * @throws PurgeRefused if the retention policy does not allow it yet
     */
    Result purge(int examYear, boolean dryRun) {
        int current = examYears
                .current()
                .orElseThrow(() -> new PurgeRefused("No exam year is set up: nothing to purge"))
                .year();
        if (examYear > current - retention.keepYears()) {
            throw new PurgeRefused("Documents of exam year " + examYear + " are kept until exam year "
                    + (examYear + retention.keepYears()) + " (qualify.retention.keep-years="
                    + retention.keepYears() + "; the current exam year is " + current + ")");
        }
        long open = images.openApplications(examYear);
        if (open > 0) {
            throw new PurgeRefused(
                    open + " applications of exam year " + examYear + " are not final yet; nothing was purged");
        }
        long purged = 0;
        long bytesDeleted = 0;
        UUID after = null;
        while (true) {
            // After a real purge the purged rows drop out of the query, so the next page starts at the beginning.
            var page = images.notPurged(examYear, dryRun ? after : null, PAGE);
            for (var image : page) {
                if (!dryRun) {
                    var key = StorageKey.of(image.storageKey());
                    if (store.delete(key)) {
                        bytesDeleted++;
                    }
                    if (image.thumbnailKey() != null) {
                        store.delete(StorageKey.of(image.thumbnailKey()));
                    }
                    store.delete(key.withSuffix(THUMBNAIL_SUFFIX));
                    images.markPurged(image.id(), clock.instant());
                }
                purged++;
            }
            if (page.size() < PAGE) {
                return new Result(examYear, dryRun, purged, bytesDeleted, images.purged(examYear));
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * What a purge did.
     *
     * @param images how many images were purged now (or would be, on a dry run)
     * @param documentsDeleted how many of them still had their bytes in the store
     * @param purgedInYear how many images of the year are marked purged after the run
     */
    record Result(int examYear, boolean dryRun, long images, long documentsDeleted, long purgedInYear) {}

    /** The retention policy does not allow the purge. */
    static class PurgeRefused extends IllegalStateException {
        PurgeRefused(String message) {
            super(message);
        }
    }

    /**
     * The retention policy, bound to {@code qualify.retention.*}.
     *
     * @param keepYears how many exam years a year's documents outlive it: with 1, the documents of 2025 may be
     *     purged once 2026 is the current exam year (appeals and reviews of 2025 are settled by then)
     */
    @ConfigurationProperties("qualify.retention")
    record Retention(@DefaultValue("1") int keepYears) {
        Retention {
            if (keepYears < 1) {
                throw new IllegalArgumentException("qualify.retention.keep-years must be at least 1");
            }
        }
    }
}
