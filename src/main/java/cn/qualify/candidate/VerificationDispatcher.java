package cn.qualify.candidate;

import cn.qualify.application.ImageCheck;
import cn.qualify.application.ImageChecks;
import cn.qualify.materials.DocumentNotFoundException;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.ImageVerification;
import cn.qualify.materials.QualityFlag;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.Thumbnails;
import cn.qualify.materials.VerificationQueueFullException;
import cn.qualify.materials.VerificationResult;
import java.time.Clock;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands stored images to the bounded verification pool right after upload, and records what it finds. When the
 * pool is full, or a node died before recording, the sweep picks the image up later: an image is never left
 * without a result, and a burst of uploads never grows an unbounded queue. What the sweep finds beyond the pool's
 * room is fed to it one image per finished verification, so that after the deadline peak the backlog drains at the
 * pool's full speed instead of a queue's worth each sweep. An image whose stored document has gone
 * is recorded as corrupt, so that the candidate is asked for it again and the sweep does not retry it forever. A
 * thumbnail is derived data, stored without waiting for the disk: one lost in a crash of the machine is made again
 * when a reader finds it gone ({@link #thumbnail}) and its image is verified anew.
 */
@Component
class VerificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(VerificationDispatcher.class);
    static final String THUMBNAIL_SUFFIX = "thumb.jpg";
    private static final String CORRUPT = QualityFlag.CORRUPT.name();
    /**
     * Images the sweep reads at a time: more than the pool verifies between two sweeps at full speed (110–120 a
     * second on two cores, docs/performance.md: some 1,800 in the 15 s between sweeps), and a few hundred kilobytes
     * of keys in memory.
     */
    static final int SWEEP_PAGE = 5_000;

    private final ImageVerification verification;
    private final ImageChecks checks;
    private final DocumentStore documents;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** What the last sweep found that did not fit the pool, oldest first. */
    private final Deque<String> backlog = new ConcurrentLinkedDeque<>();

    VerificationDispatcher(ImageVerification verification, ImageChecks checks, DocumentStore documents, Clock clock) {
        this.verification = verification;
        this.checks = checks;
        this.documents = documents;
        this.clock = clock;
    }

    /** Queues the image for verification if the pool has room; otherwise leaves it to the sweep. */
    boolean verifySoon(StorageKey key) {
        if (!inFlight.add(key.value())) {
            return true;
        }
        try {
            verification.submit(key).whenComplete((result, failure) -> {
                // Released before the result is recorded: a request made once the recorded result can be seen (a
                // thumbnail found damaged after it was checked, say) must start a verification of its own, not be
                // taken for this one. The recording itself looks at the thumbnail file as it is by then.
                inFlight.remove(key.value());
                try {
                    if (failure == null) {
                        record(key, result);
                    } else if (unwrap(failure) instanceof DocumentNotFoundException) {
                        // nothing left to decode: the candidate must upload it again, and the sweep stops asking
                        log.warn("Stored image {} is missing; marked corrupt", key);
                        checks.record(new ImageCheck(key.value(), Set.of(CORRUPT), null, clock.instant()));
                    } else {
                        log.warn("Verification of {} failed; the sweep will retry", key, failure);
                    }
                } catch (RuntimeException notRecorded) {
                    log.warn("The result for {} was not recorded; the sweep will verify it again", key, notRecorded);
                } finally {
                    feed();
                }
            });
            return true;
        } catch (VerificationQueueFullException full) {
            inFlight.remove(key.value());
            log.debug("Verification queue full; {} waits for the sweep", key);
            return false;
        }
    }

    /** Picks up images that have no verification result yet, once across all nodes. */
    @Scheduled(fixedDelayString = "${qualify.verification.sweep-delay:PT15S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "image-verification-sweep", lockAtMostFor = "PT2M")
    void sweep() {
        var waiting = checks.unchecked(SWEEP_PAGE);
        backlog.clear();
        backlog.addAll(waiting);
        feed();
    }

    /**
     * Hands the pool what the last sweep found, until it is full. Called by the sweep, and as each verification ends,
     * which leaves room for one more.
     */
    private void feed() {
        for (String key = backlog.pollFirst(); key != null; key = backlog.pollFirst()) {
            if (!verifySoon(StorageKey.of(key))) {
                backlog.offerFirst(key);
                return;
            }
        }
    }

    /**
     * The bytes of the image's thumbnail. One that a crash of the machine left missing, empty or damaged is
     * forgotten, so that readers take the image as one without a thumbnail, and the image is verified again, which
     * makes it anew: now if the pool has room, otherwise by the sweep.
     *
     * @return empty if the check has no thumbnail, or it was lost
     */
    Optional<byte[]> thumbnail(ImageCheck check) {
        if (check.thumbnailKey() == null) {
            return Optional.empty();
        }
        var bytes = Thumbnails.readWhole(documents, StorageKey.of(check.thumbnailKey()));
        if (bytes.isEmpty() && checks.forgetThumbnail(check.storageKey())) {
            log.warn(
                    "Thumbnail {} is missing, empty or damaged; image {} is verified again to make it anew",
                    check.thumbnailKey(),
                    check.storageKey());
            verifySoon(StorageKey.of(check.storageKey()));
        }
        return bytes;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void record(StorageKey key, VerificationResult result) {
        String thumbnailKey = null;
        if (result.hasThumbnail()) {
            var thumbnail = key.withSuffix(THUMBNAIL_SUFFIX);
            if (!Thumbnails.isWhole(documents, thumbnail)) {
                // what a crash of the machine left (an empty or cut-short file) goes first: putDerived never overwrites
                documents.delete(thumbnail);
                // derived from the image, which is durable: no need to wait for the disk (see putDerived)
                documents.putDerived(thumbnail, result.thumbnailJpeg());
            }
            thumbnailKey = thumbnail.value();
        }
        var flags = result.flags().stream().map(Enum::name).collect(Collectors.toSet());
        checks.record(new ImageCheck(key.value(), flags, thumbnailKey, clock.instant()));
    }
}
