package cn.qualify.materials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Storage keys announced as pending before an upload needs one, so that at the peak an upload does not pay a
 * statement and a commit of its own for its key: a batch of new keys is inserted into {@code pending_document} in
 * one statement, committed, and then handed out one per upload. What {@link PendingDocuments} promises is
 * unchanged: the row of every key is committed before any bytes are written under it.
 *
 * <p>A key is handed out only while its row is younger than {@code freshFor}, a fraction of the orphan grace, so an
 * upload keeps nearly the whole grace to commit its reference before the sweep may delete its bytes. Keys that grew
 * older unused are dropped here and left to the sweep, which finds no bytes under them and forgets them. The batch
 * follows the upload rate: one key while uploads are rare (an insert per upload, as without the reserve), up to
 * {@link #MAX_BATCH} at the peak, about four batches a second; a node that falls quiet leaves behind at most what
 * remains of the batches it reserved last.
 */
final class KeyReserve {

    static final int MAX_BATCH = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UploadPressure pressure;
    private final Duration freshFor;
    private final Map<Integer, ArrayDeque<Reserved>> byExamYear = new HashMap<>();

    private record Reserved(StorageKey key, Instant at) {}

    KeyReserve(JdbcClient jdbc, Clock clock, UploadPressure pressure, Duration freshFor) {
        if (freshFor.isNegative() || freshFor.isZero()) {
            throw new IllegalArgumentException("Reserved keys must stay usable for a while, not " + freshFor);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.pressure = pressure;
        this.freshFor = freshFor;
    }

    /**
     * A new key of the exam year whose pending row is committed; reserves a batch first when none is left. Call
     * without a transaction: the batch must commit on its own, before its keys are used. The batch is inserted
     * outside the lock, so that a slow or unreachable database holds up each upload once, not all of them in turn;
     * uploads that find the reserve empty at the same moment each reserve a batch.
     */
    StorageKey take(int examYear) {
        Instant now = clock.instant();
        synchronized (this) {
            var reserved = byExamYear.computeIfAbsent(examYear, year -> new ArrayDeque<>());
            for (var next = reserved.poll(); next != null; next = reserved.poll()) {
                if (now.isBefore(next.at().plus(freshFor))) {
                    return next.key();
                }
            }
        }
        var batch = reserve(examYear, now, batchSize());
        synchronized (this) {
            var reserved = byExamYear.get(examYear);
            batch.subList(1, batch.size()).forEach(key -> reserved.add(new Reserved(key, now)));
        }
        return batch.get(0);
    }

    /** Forgets the unused keys reserved before {@code instant}: the sweep is about to clear their rows. */
    synchronized void dropReservedBefore(Instant instant) {
        byExamYear
                .values()
                .forEach(reserved -> reserved.removeIf(next -> next.at().isBefore(instant)));
    }

    /** Unused keys held for the exam year, for tests. */
    synchronized int unused(int examYear) {
        var reserved = byExamYear.get(examYear);
        return reserved == null ? 0 : reserved.size();
    }

    /**
     * A quarter of the uploads of the last second, rounded down to a power of two (few distinct statements), at
     * least one and at most {@link #MAX_BATCH}.
     */
    int batchSize() {
        int wanted = Math.max(1, Math.min(MAX_BATCH, pressure.perSecond() / 4));
        return Integer.highestOneBit(wanted);
    }

    private List<StorageKey> reserve(int examYear, Instant now, int count) {
        var keys = new ArrayList<StorageKey>(count);
        var sql = new StringBuilder("INSERT INTO pending_document (storage_key, created_at) VALUES ");
        var params = new ArrayList<Object>(2 * count);
        var at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            var key = StorageKey.newKey(examYear, now);
            keys.add(key);
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            params.add(key.value());
            params.add(at);
        }
        jdbc.sql(sql.toString()).params(params).update();
        return keys;
    }
}
