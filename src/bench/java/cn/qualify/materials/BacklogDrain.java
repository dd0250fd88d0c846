package cn.qualify.materials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Target 2 of the benchmarks: a backlog of stored images drains through the product's verification pool at ≥ 90% of
 * the rate of a plain decode loop over the same files on the same threads.
 *
 * <p>{@code BacklogDrain <images directory> <backlog> <threads> <work directory> [rounds]} stores the backlog (the
 * {@link BenchImages} uploads, repeated) in a {@link FilesystemDocumentStore}, then in each round: submits every key to
 * an {@link ImageVerification} with that many threads and a queue as long as the backlog and waits until all are done,
 * storing each thumbnail as the product's dispatcher does; and reads and decodes the same documents with
 * {@link ImageIO#read} on a fixed pool of the same size. Rounds alternate the order; the first is a warm-up. Prints
 * both rates and their ratio, and appends them to {@code <work directory>/backlog-drain.csv}.
 */
public final class BacklogDrain {

    private BacklogDrain() {}

    public static void main(String[] args) throws Exception {
        var images = BenchImages.uploads(Path.of(args.length > 0 ? args[0] : "perf/target/images"));
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        var work = Path.of(args.length > 3 ? args[3] : "perf/target/backlog");
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Files.createDirectories(work);
        var storeDirectory = Files.createTempDirectory(work, "store");
        var store = new FilesystemDocumentStore(storeDirectory);
        var keys = new ArrayList<StorageKey>(backlog);
        for (int i = 0; i < backlog; i++) {
            var key = StorageKey.newKey(2025);
            store.put(key, images.get(i % images.size()));
            keys.add(key);
        }
        System.out.printf(Locale.ROOT, "stored a backlog of %d images, %d threads%n", backlog, threads);
        var limits = new ImageIntake.Limits(8000, 24_000_000, 200, 8_000_000);
        var settings = new ImageVerification.Settings(threads, backlog, 1000, 0.05, 50, 320);
        var csv = work.resolve("backlog-drain.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, "round,backlog,threads,verification_per_s,plain_decode_per_s,ratio\n");
        }
        for (int round = 0; round <= rounds; round++) {
            double verified;
            double decoded;
            if (round % 2 == 0) {
                verified = drain(store, keys, limits, settings);
                decoded = decodeLoop(store, keys, threads);
            } else {
                decoded = decodeLoop(store, keys, threads);
                verified = drain(store, keys, limits, settings);
            }
            var line = String.format(
                    Locale.ROOT,
                    "%s,%d,%d,%.1f,%.1f,%.3f",
                    round == 0 ? "warm-up" : Integer.toString(round),
                    backlog,
                    threads,
                    verified,
                    decoded,
                    verified / decoded);
            System.out.println(line);
            if (round > 0) {
                Files.writeString(csv, line + "\n", java.nio.file.StandardOpenOption.APPEND);
            }
        }
        try (var files = Files.walk(storeDirectory)) {
            for (var file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Images per second through the verification pool, thumbnails stored, until the whole backlog is done. */
    static double drain(
            DocumentStore store,
            List<StorageKey> keys,
            ImageIntake.Limits limits,
            ImageVerification.Settings settings) {
        var failures = new AtomicInteger();
        long start = System.nanoTime();
        try (var verification = new ImageVerification(store, limits, settings)) {
            var done = new ArrayList<CompletableFuture<?>>(keys.size());
            for (var key : keys) {
                done.add(verification.submit(key).thenAccept(result -> {
                    if (result.flags().contains(QualityFlag.CORRUPT)) {
                        failures.incrementAndGet();
                    }
                    var thumbnail = key.withSuffix("thumb.jpg");
                    store.delete(thumbnail);
                    store.put(thumbnail, result.thumbnailJpeg());
                }));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        }
        double rate = keys.size() / ((System.nanoTime() - start) / 1e9);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures + " images were judged corrupt");
        }
        return rate;
    }

    /** Images per second read from the store and decoded by ImageIO on {@code threads} threads. */
    static double decodeLoop(DocumentStore store, List<StorageKey> keys, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            var done = new ArrayList<CompletableFuture<?>>(keys.size());
            for (var key : keys) {
                done.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                if (ImageIO.read(new ByteArrayInputStream(store.get(key))) == null) {
                                    throw new IllegalStateException("no reader for " + key);
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        return keys.size() / ((System.nanoTime() - start) / 1e9);
    }
}
