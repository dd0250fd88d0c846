package cn.qualify.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RecentCurrentYearTests {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private Optional<ExamYear> stored = Optional.of(year(204_800));

    @AfterEach
    void noSynchronizationLeftBehind() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void theYearIsReadOnceWhileItsCopyIsYoungerThanTheMaxAge() {
        var current = recent(Duration.ofSeconds(1), this::read);

        assertThat(current.get()).isEqualTo(stored);
        stored = Optional.of(year(409_600)); // written by another node
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(current.get()).map(ExamYear::maxImageBytes).contains(204_800L);
        assertThat(reads).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(current.get()).map(ExamYear::maxImageBytes).contains(409_600L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void noExamYearIsKeptAsWellSoThatASetupInProgressDoesNotReadOnEveryRequest() {
        stored = Optional.empty();
        var current = recent(Duration.ofSeconds(1), this::read);

        assertThat(current.get()).isEmpty();
        assertThat(current.get()).isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWriteThroughThisNodeIsSeenByTheNextRead() {
        var current = recent(Duration.ofHours(1), this::read);
        current.get();

        stored = Optional.of(year(409_600));
        current.forget();

        assertThat(current.get()).map(ExamYear::maxImageBytes).contains(409_600L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatAWriteOvertookKeepsNothing() {
        var holder = new RecentCurrentYear[1];
        holder[0] = recent(Duration.ofHours(1), () -> {
            var before = read();
            if (reads.get() == 1) {
                stored = Optional.of(year(409_600));
                holder[0].forget(); // the write commits while the first read is on its way back
            }
            return before;
        });

        assertThat(holder[0].get()).map(ExamYear::maxImageBytes).contains(204_800L);
        assertThat(holder[0].get()).map(ExamYear::maxImageBytes).contains(409_600L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadBeforeTheWritingTransactionCommitsIsForgottenWhenItEnds() {
        var current = recent(Duration.ofHours(1), this::read);
        TransactionSynchronizationManager.initSynchronization();

        current.forget(); // the update is written, not yet committed
        current.get(); // another request still reads the old row, and keeps it
        stored = Optional.of(year(409_600));
        for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        TransactionSynchronizationManager.clearSynchronization();

        assertThat(current.get()).map(ExamYear::maxImageBytes).contains(409_600L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aMaxAgeOfZeroReadsEveryTime() {
        var current = recent(Duration.ZERO, this::read);
        current.get();
        current.get();
        assertThat(reads).hasValue(2);
        assertThatThrownBy(() -> recent(Duration.ofSeconds(-1), this::read))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private RecentCurrentYear recent(Duration maxAge, Supplier<Optional<ExamYear>> database) {
        return new RecentCurrentYear(database, maxAge, nanos::get);
    }

    private Optional<ExamYear> read() {
        reads.incrementAndGet();
        return stored;
    }

    private static ExamYear year(long maxImageBytes) {
        var opens = LocalDate.of(2025, 1, 6);
        return new ExamYear(
                2025,
                "21",
                "LN-2025",
                opens,
                opens.plusDays(20),
                opens,
                opens.plusDays(20),
                opens,
                opens.plusDays(40),
                5,
                maxImageBytes);
    }
}
