package cn.qualify.exam;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current exam year as last read, for a short while. Every candidate request asks for it (an upload twice: its
 * size check and the upload itself), and at the deadline peak those reads were a sixth of an upload's round trips to
 * the database, for a row that changes a few times a year.
 *
 * <p>A change made through this node is seen at once by its next read: {@link #forget()} drops the copy once the
 * change is written and again when its transaction ends, so that a read in between cannot keep the old row. A
 * change made through another node is seen here at most {@code maxAge} later. A max age of zero reads every time.
 */
final class RecentCurrentYear {

    private record Read(Optional<ExamYear> year, long readAtNanos, long generation) {}

    private final Supplier<Optional<ExamYear>> database;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private volatile Read last;

    RecentCurrentYear(Supplier<Optional<ExamYear>> database, Duration maxAge, LongSupplier nanoTime) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("The current exam year's max age must not be negative: " + maxAge);
        }
        this.database = database;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<ExamYear> get() {
        if (maxAgeNanos == 0) {
            return database.get();
        }
        long now = nanoTime.getAsLong();
        long current = generation.get();
        var read = last;
        if (read != null && read.generation() == current && now - read.readAtNanos() < maxAgeNanos) {
            return read.year();
        }
        var year = database.get();
        // A change written while this read ran has moved the generation on, so this copy will never be answered.
        last = new Read(year, now, current);
        return year;
    }

    /**
     * Called after every write of an exam year, and again when the writing transaction ends: a read that ran before
     * the write or before its commit keeps nothing.
     */
    void forget() {
        drop();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop();
                }
            });
        }
    }

    private void drop() {
        generation.incrementAndGet();
        last = null;
    }
}
