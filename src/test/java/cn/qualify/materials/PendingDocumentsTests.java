package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The orphan sweep against the application's database (H2, or PostgreSQL in CI): a committed reference is an
 * upload's confirmation, so the sweep keeps the bytes of every key a record refers to and deletes the others.
 */
@ApplicationModuleTest
class PendingDocumentsTests {

    // A year no other test stores documents for, so that the rows of these tests are theirs alone.
    static final int YEAR = 2097;
    static final Duration GRACE = Duration.ofMinutes(15);
    // Long before any other test's clock, so that the sweeps here meet only the rows of these tests.
    static final Instant NOW = Instant.parse("2020-01-06T08:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocumentStore store;

    // Emptied after each test: the test instance may be shared by the tests of the class.
    /** The keys a committed record refers to, as the tests say. */
    final Set<StorageKey> referenced = new HashSet<>();

    final List<Collection<StorageKey>> asked = new ArrayList<>();

    @AfterEach
    void forgetTheRowsAndBytesOfThisTest() {
        rows().forEach(key -> store.delete(StorageKey.of(key)));
        referenced.forEach(store::delete);
        referenced.clear();
        asked.clear();
        jdbc.sql("DELETE FROM pending_document WHERE storage_key LIKE ?")
                .param(YEAR + "/%")
                .update();
    }

    @Test
    void theSweepKeepsTheBytesOfAReferencedKeyAndDeletesAnOrphansAndLeavesYoungKeysAlone() {
        var pending = pending(true);
        var committed = pending.store(YEAR, new byte[] {1, 2, 3}).key();
        var orphan = pending.store(YEAR, new byte[] {4, 5, 6}).key();
        referenced.add(committed);

        assertThat(pending.sweep(NOW.minus(GRACE)))
                .as("both keys are within their grace")
                .isZero();
        assertThat(rows()).containsExactlyInAnyOrder(committed.value(), orphan.value());

        int cleared = pending.sweep(NOW.plusSeconds(1));

        assertThat(cleared).as("the orphan alone").isEqualTo(1);
        assertThat(store.exists(committed)).as("the committed upload's bytes").isTrue();
        assertThat(store.exists(orphan)).as("the orphan's bytes").isFalse();
        assertThat(rows()).as("both keys forgotten").isEmpty();
    }

    @Test
    void aSweepClearsEveryKeyPastTheGraceABatchAtATime() {
        var pending = pending(true);
        int count = 2 * PendingDocuments.SWEEP_BATCH + 10;
        var keys = insertPendingRows(count, NOW.minus(GRACE).minusSeconds(60));
        for (int i = 0; i < count; i += 3) {
            referenced.add(keys.get(i));
        }

        int cleared = pending.sweep(NOW.minus(GRACE));

        assertThat(cleared).isEqualTo(count - referenced.size());
        assertThat(rows()).isEmpty();
        assertThat(asked).as("one question a batch").hasSize(3);
        assertThat(asked).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(PendingDocuments.SWEEP_BATCH));
    }

    @Test
    void anAbandonedKeyThatARecordRefersToKeepsItsBytes() {
        var pending = pending(true);
        var committed = pending.store(YEAR, new byte[] {1, 2, 3}).key();
        var failed = pending.store(YEAR, new byte[] {4, 5, 6}).key();
        referenced.add(committed);

        pending.abandon(committed);
        pending.abandon(failed);

        assertThat(store.exists(committed))
                .as("a failure reported after the commit loses nothing")
                .isTrue();
        assertThat(pending.isPending(committed)).as("left to the sweep").isTrue();
        assertThat(store.exists(failed)).isFalse();
        assertThat(pending.isPending(failed)).isFalse();
    }

    @Test
    void withoutAnythingToSayWhatIsReferencedNothingIsDeleted() {
        var pending = pending(false);
        var stored = pending.store(YEAR, new byte[] {1, 2, 3}).key();

        assertThat(pending.sweep(NOW.plus(Duration.ofDays(1)))).isZero();
        pending.abandon(stored);

        assertThat(store.exists(stored)).isTrue();
        assertThat(pending.isPending(stored)).isTrue();
    }

    private PendingDocuments pending(boolean withReferences) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("clock", Clock.fixed(NOW, ZoneOffset.UTC));
        if (withReferences) {
            beans.addBean("references", (DocumentReferences) keys -> {
                asked.add(List.copyOf(keys));
                return keys.stream().filter(referenced::contains).collect(Collectors.toSet());
            });
        }
        return new PendingDocuments(
                store,
                jdbc,
                beans.getBeanProvider(Clock.class),
                new UploadPressure(System::currentTimeMillis),
                new MaterialsConfiguration.DocumentsProperties("filesystem", null, null, null, GRACE),
                beans.getBeanProvider(DocumentReferences.class));
    }

    private List<StorageKey> insertPendingRows(int count, Instant createdAt) {
        var keys = new ArrayList<StorageKey>();
        for (int i = 0; i < count; i++) {
            var key = StorageKey.newKey(YEAR);
            jdbc.sql("INSERT INTO pending_document (storage_key, created_at) VALUES (?, ?)")
                    .params(key.value(), OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                    .update();
            keys.add(key);
        }
        return keys;
    }

    private List<String> rows() {
        return jdbc.sql("SELECT storage_key FROM pending_document WHERE storage_key LIKE ?")
                .param(YEAR + "/%")
                .query(String.class)
                .list();
    }
}
