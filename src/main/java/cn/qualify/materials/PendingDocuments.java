package cn.qualify.materials;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a new document so that no crash leaves bytes nobody refers to. Two steps cannot be one transaction when
 * one is the object store and the other the database, so the store step is announced first: {@link #store} takes a
 * new key whose pending row is already committed, then writes the bytes; the caller then commits its database
 * reference, which is the confirmation: the orphan sweep ({@link #sweep}) deletes the bytes of a key pending for
 * longer than {@code qualify.documents.orphan-grace} only if no committed record refers to it ({@link
 * DocumentReferences}), and otherwise forgets the pending row alone. So an upload's transaction writes nothing for its
 * key: at the deadline peak, one statement fewer in every upload, and the sweep clears the rows a thousand at a time.
 * The reverse order (reference first) would show candidates and reviewers an image whose bytes may never arrive; this
 * order only ever leaves invisible bytes behind, for a while. The pending rows are committed a batch at a time at the
 * peak ({@link KeyReserve}).
 */
@Component
public class PendingDocuments {

    private static final Logger log = LoggerFactory.getLogger(PendingDocuments.class);

    /** Keys the sweep looks at per statement. */
    static final int SWEEP_BATCH = 1000;

    private final DocumentStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MaterialsConfiguration.DocumentsProperties properties;
    private final KeyReserve reserve;
    private final ObjectProvider<DocumentReferences> references;

    PendingDocuments(
            DocumentStore store,
            JdbcClient jdbc,
            ObjectProvider<Clock> clock,
            UploadPressure pressure,
            MaterialsConfiguration.DocumentsProperties properties,
            ObjectProvider<DocumentReferences> references) {
        this.store = store;
        this.jdbc = jdbc;
        this.references = references;
        // the application's clock; the module tested on its own has none
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.properties = properties;
        // a fifth of the grace: an upload that took its key at the last moment still has four fifths to commit
        this.reserve = new KeyReserve(
                jdbc, this.clock, pressure, properties.orphanGrace().dividedBy(5));
    }

    /**
     * Stores the bytes under a new key of the exam year, announced as pending before. When the store fails, its
     * bytes are removed again if the store can be reached; otherwise the pending row stays for the sweep.
     *
     * @return the stored document and its key, for the caller's reference to commit
     * @throws DocumentStoreUnavailableException if the store cannot take the document; nothing is visible
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public StoredDocument store(int examYear, byte[] content) {
        var key = reserve.take(examYear);
        try {
            return store.put(key, content);
        } catch (RuntimeException failed) {
            abandon(key);
            throw failed;
        }
    }

    /**
     * The reference was not committed: deletes the bytes and forgets the key. A failure can be reported after a
     * commit (a lost connection during it, a step after it), so a key that a committed record refers to is kept.
     * Whatever cannot be settled now (the store or the database unreachable) stays pending for the sweep.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void abandon(StorageKey key) {
        try {
            var references = this.references.getIfAvailable();
            if (references == null || !references.referencedAmong(List.of(key)).isEmpty()) {
                return;
            }
            store.delete(key);
            forget(Set.of(key));
        } catch (RuntimeException unreachable) {
            log.warn(
                    "Could not delete abandoned document {}; the orphan sweep will: {}", key, unreachable.getMessage());
        }
    }

    /**
     * Whether the key's pending row is still there: its reference is not committed, or the sweep has not yet seen
     * that it is.
     */
    public boolean isPending(StorageKey key) {
        return jdbc.sql("SELECT COUNT(*) FROM pending_document WHERE storage_key = :key")
                        .param("key", key.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Deletes the bytes of uploads that never got their reference, once across all nodes. */
    @Scheduled(fixedDelayString = "${qualify.documents.orphan-sweep-delay:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "orphan-document-sweep", lockAtMostFor = "PT10M")
    void sweepOrphans() {
        int removed = sweep(clock.instant().minus(properties.orphanGrace()));
        if (removed > 0) {
            log.info("Orphan sweep removed {} documents that no upload committed", removed);
        }
    }

    /**
     * Clears every key pending since before {@code olderThan}: a key that a committed record refers to loses its
     * pending row alone; any other key, its bytes (if any were stored) and then its row. Keys whose bytes cannot be
     * deleted now stay for the next sweep. Without a {@link DocumentReferences} nothing is cleared, since no key
     * could be told from a committed upload's.
     *
     * @return how many keys nothing refers to were cleared
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int sweep(Instant olderThan) {
        reserve.dropReservedBefore(olderThan);
        var references = this.references.getIfAvailable();
        if (references == null) {
            log.warn("Orphan sweep skipped: nothing says which stored documents are referred to");
            return 0;
        }
        int cleared = 0;
        List<StorageKey> keys;
        do {
            keys = jdbc
                    .sql("SELECT storage_key FROM pending_document WHERE created_at < :before ORDER BY created_at"
                            + " FETCH FIRST " + SWEEP_BATCH + " ROWS ONLY")
                    .param("before", OffsetDateTime.ofInstant(olderThan, ZoneOffset.UTC))
                    .query(String.class)
                    .list()
                    .stream()
                    .map(StorageKey::of)
                    .toList();
            var referenced = keys.isEmpty() ? Set.<StorageKey>of() : references.referencedAmong(keys);
            forget(referenced);
            for (var key : keys) {
                if (referenced.contains(key)) {
                    continue;
                }
                try {
                    store.delete(key);
                } catch (RuntimeException unreachable) {
                    log.warn("Orphan sweep could not delete {}: {}", key, unreachable.getMessage());
                    return cleared;
                }
                forget(Set.of(key));
                cleared++;
            }
        } while (keys.size() == SWEEP_BATCH);
        return cleared;
    }

    private void forget(Collection<StorageKey> keys) {
        if (!keys.isEmpty()) {
            jdbc.sql("DELETE FROM pending_document WHERE storage_key IN (:keys)")
                    .param("keys", keys.stream().map(StorageKey::value).toList())
                    .update();
        }
    }
}
