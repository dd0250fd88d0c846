package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.ImageCheck;
import cn.qualify.application.ImageChecks;
import cn.qualify.materials.DocumentNotFoundException;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.ImageIntake;
import cn.qualify.materials.ImageVerification;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.StoredDocument;
import cn.qualify.materials.TestImages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against a real verification pool of one thread and one waiting slot: what does not fit is left to
 * the sweep, and the sweep hands it over once there is room.
 */
class VerificationDispatcherTests {

    final CountDownLatch release = new CountDownLatch(1);
    final BlockingStore store = new BlockingStore(release);
    final InMemoryChecks checks = new InMemoryChecks();
    final ImageVerification pool = new ImageVerification(
            store,
            ImageIntake.Limits.defaults(),
            new ImageVerification.Settings(1, 1, 1000, 0.05, 50, 320, 40, 10, 0.9, 1));
    final VerificationDispatcher dispatcher = new VerificationDispatcher(pool, checks, store, Clock.systemUTC());

    @AfterEach
    void stop() {
        release.countDown();
        pool.close();
    }

    @Test
    void whatDoesNotFitThePoolWaitsForTheSweep() {
        var keys = uploaded(4);

        assertThat(dispatcher.verifySoon(keys.get(0))).as("taken by the thread").isTrue();
        assertThat(dispatcher.verifySoon(keys.get(1)))
                .as("waits in the one slot")
                .isTrue();
        assertThat(dispatcher.verifySoon(keys.get(2))).as("the pool is full").isFalse();
        assertThat(dispatcher.verifySoon(keys.get(0)))
                .as("already on its way: not queued twice")
                .isTrue();
        assertThat(pool.waiting()).isEqualTo(1);

        release.countDown();
        await(() -> checks.recorded
                .keySet()
                .containsAll(List.of(keys.get(0).value(), keys.get(1).value())));
        assertThat(checks.unchecked(10))
                .as("no sweep yet: nothing hands these to the pool")
                .containsExactly(keys.get(2).value(), keys.get(3).value());

        dispatcher.sweep();
        await(() -> checks.unchecked(10).isEmpty());
        for (var key : keys) {
            var check = checks.recorded.get(key.value());
            assertThat(check.flags()).containsExactly("LOW_RESOLUTION");
            assertThat(store.exists(StorageKey.of(check.thumbnailKey()))).isTrue();
        }
    }

    @Test
    void oneSweepDrainsABacklogLargerThanThePool() {
        var keys = uploaded(12);

        dispatcher.sweep();
        assertThat(pool.waiting()).as("the pool takes what fits").isEqualTo(1);
        assertThat(checks.recorded).isEmpty();

        release.countDown();
        // no second sweep: each finished verification hands the pool the next image the sweep found
        await(() -> checks.recorded.size() == keys.size());
        assertThat(checks.unchecked(100)).isEmpty();
        assertThat(checks.recorded.values())
                .allSatisfy(check -> assertThat(check.flags()).containsExactly("LOW_RESOLUTION"));
    }

    @Test
    void aResultThatCannotBeRecordedDoesNotStopTheDrain() {
        var keys = uploaded(5);
        checks.failing.add(keys.get(0).value());

        dispatcher.sweep();
        release.countDown();
        await(() -> checks.recorded.size() == keys.size() - 1);
        assertThat(checks.unchecked(100)).containsExactly(keys.get(0).value());
    }

    @Test
    void anImageWhoseDocumentIsGoneIsMarkedCorruptOnce() {
        release.countDown();
        var key = StorageKey.newKey(2025);
        checks.uploaded(key);

        await(() -> {
            dispatcher.sweep();
            return checks.unchecked(10).isEmpty();
        });
        assertThat(checks.recorded.get(key.value()).flags()).containsExactly("CORRUPT");
        assertThat(checks.recorded.get(key.value()).thumbnailKey()).isNull();
    }

    /** Stores that many low-resolution photos and lists them as uploaded, oldest first. */
    List<StorageKey> uploaded(int count) {
        var keys = new ArrayList<StorageKey>();
        for (int i = 0; i < count; i++) {
            var key = StorageKey.newKey(2025);
            store.put(key, TestImages.aLowResolutionJpeg());
            checks.uploaded(key);
            keys.add(key);
        }
        return keys;
    }

    static void await(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not done in time").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Images in upload order and their results, like {@code application_image} joined with {@code image_check}; an
     * image whose thumbnail was forgotten waits again, as with {@code image_check.recheck}.
     */
    static class InMemoryChecks implements ImageChecks {
        final Map<String, Boolean> uploaded = new LinkedHashMap<>();
        final Map<String, ImageCheck> recorded = new ConcurrentHashMap<>();
        final Set<String> recheck = ConcurrentHashMap.newKeySet();
        /** Keys whose result cannot be recorded, as while the database is unavailable. */
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        synchronized void uploaded(StorageKey key) {
            uploaded.put(key.value(), true);
        }

        @Override
        public synchronized void record(ImageCheck check) {
            if (failing.contains(check.storageKey())) {
                throw new IllegalStateException("cannot record " + check.storageKey());
            }
            recorded.put(check.storageKey(), check);
            recheck.remove(check.storageKey());
        }

        @Override
        public Map<String, ImageCheck> of(Collection<String> storageKeys) {
            var found = new HashMap<String, ImageCheck>();
            storageKeys.stream().filter(recorded::containsKey).forEach(key -> found.put(key, recorded.get(key)));
            return found;
        }

        @Override
        public synchronized List<String> unchecked(int limit) {
            return uploaded.keySet().stream()
                    .filter(key -> !recorded.containsKey(key) || recheck.contains(key))
                    .limit(limit)
                    .toList();
        }

        @Override
        public long uncheckedCount() {
            return unchecked(Integer.MAX_VALUE).size();
        }

        @Override
        public synchronized boolean forgetThumbnail(String storageKey) {
            var check = recorded.get(storageKey);
            if (check == null || check.thumbnailKey() == null) {
                return false;
            }
            recorded.put(storageKey, new ImageCheck(storageKey, check.flags(), null, check.checkedAt()));
            recheck.add(storageKey);
            return true;
        }
    }

    /** Documents in a map; reading waits until the test releases it, so that the pool's thread stays busy. */
    static class BlockingStore implements DocumentStore {
        private final Map<StorageKey, byte[]> documents = new ConcurrentHashMap<>();
        private final CountDownLatch release;

        BlockingStore(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public StoredDocument put(StorageKey key, byte[] content) {
            documents.put(key, content.clone());
            return new StoredDocument(key, content);
        }

        @Override
        public byte[] get(StorageKey key) {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var content = documents.get(key);
            if (content == null) {
                throw new DocumentNotFoundException(key);
            }
            return content.clone();
        }

        @Override
        public InputStream open(StorageKey key) {
            return new ByteArrayInputStream(get(key));
        }

        @Override
        public boolean exists(StorageKey key) {
            return documents.containsKey(key);
        }

        @Override
        public boolean delete(StorageKey key) {
            return documents.remove(key) != null;
        }

        @Override
        public boolean verify(StorageKey key, String sha256) {
            return exists(key);
        }
    }
}
