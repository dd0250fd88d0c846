package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/** Keys reserved a batch at a time, against the application's database (H2, or PostgreSQL in CI). */
@ApplicationModuleTest
class KeyReserveTests {

    // Years no other test stores documents for, so that the rows of these tests are theirs alone.
    static final int YEAR = 2099;
    static final int OTHER_YEAR = 2098;
    static final Duration FRESH_FOR = Duration.ofMinutes(3);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocumentStore store;

    // Set before each test: the test instance may be shared by the tests of the class.
    final AtomicReference<Instant> now = new AtomicReference<>();
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final AtomicLong millis = new AtomicLong();
    UploadPressure pressure;

    @BeforeEach
    void startQuiet() {
        now.set(Instant.parse("2026-05-20T08:00:00Z"));
        millis.set(1_700_000_000_500L);
        pressure = new UploadPressure(millis::get);
    }

    @AfterEach
    void forgetTheRowsOfThisTest() {
        jdbc.sql("DELETE FROM pending_document WHERE storage_key LIKE ? OR storage_key LIKE ?")
                .params(YEAR + "/%", OTHER_YEAR + "/%")
                .update();
    }

    @Test
    void whileUploadsAreRareEachKeyIsReservedOnItsOwn() {
        var reserve = new KeyReserve(jdbc, clock, pressure, FRESH_FOR);

        var first = reserve.take(YEAR);
        var second = reserve.take(YEAR);

        assertThat(first.value()).startsWith(YEAR + "/");
        assertThat(first).isNotEqualTo(second);
        assertThat(rows())
                .as("one pending row per key, nothing held back")
                .containsExactlyInAnyOrder(first.value(), second.value());
        assertThat(reserve.unused(YEAR)).isZero();
    }

    @Test
    void atThePeakOneStatementCommitsTheRowsOfAWholeBatchBeforeItsFirstKeyIsUsed() {
        var reserve = new KeyReserve(jdbc, clock, pressure, FRESH_FOR);
        arrive(300);
        assertThat(reserve.batchSize()).isEqualTo(KeyReserve.MAX_BATCH);

        var first = reserve.take(YEAR);

        assertThat(rows()).hasSize(KeyReserve.MAX_BATCH).contains(first.value());
        var taken = new HashSet<String>();
        taken.add(first.value());
        for (int i = 1; i < KeyReserve.MAX_BATCH; i++) {
            taken.add(reserve.take(YEAR).value());
        }
        assertThat(taken).as("every key of the batch, each once").containsExactlyInAnyOrderElementsOf(rows());

        var next = reserve.take(YEAR);

        assertThat(rows()).as("a new batch once the first is used up").hasSize(2 * KeyReserve.MAX_BATCH);
        assertThat(taken).doesNotContain(next.value());
        assertThat(rows()).contains(next.value());
    }

    @Test
    void uploadsTakingKeysAtOnceEachGetTheirOwnKeyWithItsRowCommitted() throws Exception {
        var reserve = new KeyReserve(jdbc, clock, pressure, FRESH_FOR);
        arrive(64);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var takes = new ArrayList<Future<StorageKey>>();
            for (int i = 0; i < 400; i++) {
                takes.add(pool.submit(() -> reserve.take(YEAR)));
            }
            var keys = new HashSet<String>();
            for (var take : takes) {
                keys.add(take.get(30, TimeUnit.SECONDS).value());
            }

            assertThat(keys).as("no key handed out twice").hasSize(400);
            assertThat(rows()).containsAll(keys);
            assertThat(rows()).as("every reserved key handed out or still held").hasSize(400 + reserve.unused(YEAR));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBatchFollowsTheRateOfUploads() {
        var reserve = new KeyReserve(jdbc, clock, pressure, FRESH_FOR);
        var sizes = new ArrayList<Integer>();
        for (int perSecond : new int[] {0, 7, 8, 40, 100, 255, 256, 10_000}) {
            millis.addAndGet(5_000);
            arrive(perSecond);
            sizes.add(reserve.batchSize());
        }
        assertThat(sizes).containsExactly(1, 1, 2, 8, 16, 32, 64, 64);
    }

    @Test
    void aReservedKeyIsNotHandedOutOnceItsRowIsOlderThanTheFreshness() {
        var reserve = new KeyReserve(jdbc, clock, pressure, FRESH_FOR);
        arrive(40);
        var first = reserve.take(YEAR);
        var batch = rows();
        assertThat(batch).hasSize(8);

        now.set(now.get().plus(FRESH_FOR));
        var later = reserve.take(YEAR);

        assertThat(batch)
                .as("the rest of the first batch is too old to be used")
                .doesNotContain(later.value());
        assertThat(createdAt(later)).isEqualTo(now.get());
        assertThat(createdAt(first)).isEqualTo(now.get().minus(FRESH_FOR));
    }

    @Test
    void keysOfEachExamYearAreKeptApart() {
        var reserve = new KeyReserve(jdbc, clock, pressure, FRESH_FOR);
        arrive(40);

        var thisYear = reserve.take(YEAR);
        var otherYear = reserve.take(OTHER_YEAR);

        assertThat(thisYear.value()).startsWith(YEAR + "/");
        assertThat(otherYear.value()).startsWith(OTHER_YEAR + "/");
        assertThat(reserve.unused(YEAR)).isEqualTo(7);
        assertThat(reserve.unused(OTHER_YEAR)).isEqualTo(7);
    }

    @Test
    void theSweepForgetsUnusedKeysWithoutBytesAndTheReserveNeverHandsThemOutAgain() {
        var pending = new PendingDocuments(
                store,
                jdbc,
                new StaticListableBeanFactory(Map.of("clock", clock)).getBeanProvider(Clock.class),
                pressure,
                grace(),
                new StaticListableBeanFactory(Map.of("references", (DocumentReferences) keys -> Set.of()))
                        .getBeanProvider(DocumentReferences.class));
        arrive(40);
        var stored = pending.store(YEAR, new byte[] {1, 2, 3});
        assertThat(rows()).hasSize(8);

        now.set(now.get().plus(Duration.ofMinutes(1)));
        int cleared = pending.sweep(now.get());

        assertThat(cleared)
                .as("the stored document and the seven keys never used")
                .isEqualTo(8);
        assertThat(rows()).isEmpty();
        assertThat(store.exists(stored.key())).isFalse();
        var next = pending.store(YEAR, new byte[] {4, 5, 6});
        assertThat(rows())
                .as("a key whose row the sweep cleared is not used")
                .hasSize(8)
                .contains(next.key().value());
        assertThat(pending.isPending(next.key())).isTrue();
        assertThat(store.delete(next.key())).isTrue();
    }

    private MaterialsConfiguration.DocumentsProperties grace() {
        return new MaterialsConfiguration.DocumentsProperties(
                "filesystem", null, null, null, FRESH_FOR.multipliedBy(5));
    }

    private void arrive(int uploads) {
        for (int i = 0; i < uploads; i++) {
            pressure.arrived();
        }
    }

    private List<String> rows() {
        return jdbc.sql("SELECT storage_key FROM pending_document WHERE storage_key LIKE ?")
                .param(YEAR + "/%")
                .query(String.class)
                .list();
    }

    private Instant createdAt(StorageKey key) {
        return jdbc.sql("SELECT created_at FROM pending_document WHERE storage_key = ?")
                .param(key.value())
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }
}
