package cn.qualify.materials;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * new key whose pending row is already committed, then writes the bytes; the caller commits its database reference
 * and {@link #confirm}s the key in that same transaction. If the process dies in between, the pending row outlives
 * {@code qualify.documents.orphan-grace} and {@link #sweep} deletes the bytes. The reverse order (reference first)
 * would show candidates and reviewers an image whose bytes may never arrive; this order only ever leaves invisible
 * bytes behind, for a while. The pending rows are committed a batch at a time at the peak ({@link KeyReserve}).
 */
@Component
public class PendingDocuments {

    private static final Logger log = LoggerFactory.getLogger(PendingDocuments.class);

    private final DocumentStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MaterialsConfiguration.DocumentsProperties properties;
    private final KeyReserve reserve;

    PendingDocuments(
            DocumentStore store,
            JdbcClient jdbc,
            ObjectProvider<Clock> clock,
            UploadPressure pressure,
            MaterialsConfiguration.DocumentsProperties properties) {
        this.store = store;
        this.jdbc = jdbc;
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
     * @return the stored document and its key, which the caller's reference must {@link #confirm}
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
     * The document is now referred to: call this in the transaction that commits the reference, so that both
     * commit or neither does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(StorageKey key) {
        jdbc.sql("DELETE FROM pending_document WHERE storage_key = :key")
                .param("key", key.value())
                .update();
    }

    /**
     * The reference was not committed: deletes the bytes and forgets the key. If the store cannot be reached the
     * pending row stays and the sweep deletes the bytes later.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void abandon(StorageKey key) {
        try {
            store.delete(key);
        } catch (RuntimeException unreachable) {
            log.warn(
                    "Could not delete abandoned document {}; the orphan sweep will: {}", key, unreachable.getMessage());
            return;
        }
        jdbc.sql("DELETE FROM pending_document WHERE storage_key = :key")
                .param("key", key.value())
                .update();
    }

    /** Whether the key is still waiting for its reference (or for the sweep). */
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
     * Deletes the bytes of every key pending since before {@code olderThan} (at most 1000 a run), and the key; keys whose bytes cannot
     * be deleted now stay for the next sweep.
     *
     * @return how many keys were cleared
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int sweep(Instant olderThan) {
        reserve.dropReservedBefore(olderThan);
        var keys = jdbc.sql("SELECT storage_key FROM pending_document WHERE created_at < :before ORDER BY created_at"
                        + " FETCH FIRST 1000 ROWS ONLY")
                .param("before", OffsetDateTime.ofInstant(olderThan, ZoneOffset.UTC))
                .query(String.class)
                .list();
        int cleared = 0;
        for (String value : keys) {
            var key = StorageKey.of(value);
            try {
                store.delete(key);
            } catch (RuntimeException unreachable) {
                log.warn("Orphan sweep could not delete {}: {}", key, unreachable.getMessage());
                return cleared;
            }
            jdbc.sql("DELETE FROM pending_document WHERE storage_key = :key")
                    .param("key", value)
                    .update();
            cleared++;
        }
        return cleared;
    }
}
