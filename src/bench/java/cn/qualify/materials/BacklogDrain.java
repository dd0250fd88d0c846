package cn.qualify.materials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
 * both rates and their ratio, and the process's CPU time per image on each side and their ratio (see {@link Phase}),
 * and appends them to {@code <work directory>/backlog-drain.csv}.
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
        var settings = new ImageVerification.Settings(threads, backlog, 1000, 0.05, 50, 320, 40, 10, 0.9, 1);
        var csv = work.resolve("backlog-drain.csv");
        var header = "round,backlog,threads,verification_per_s,plain_decode_per_s,ratio,"
                + "verification_cpu_ms,plain_decode_cpu_ms,cpu_ratio\n";
        if (!Files.exists(csv) || !Files.readString(csv).startsWith(header)) {
            Files.writeString(csv, header, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        for (int round = 0; round <= rounds; round++) {
            Phase verified;
            Phase decoded;
            if (round % 2 == 0) {
                verified = Phase.of(keys.size(), () -> drain(store, keys, limits, settings));
                decoded = Phase.of(keys.size(), () -> decodeLoop(store, keys, threads));
            } else {
                decoded = Phase.of(keys.size(), () -> decodeLoop(store, keys, threads));
                verified = Phase.of(keys.size(), () -> drain(store, keys, limits, settings));
            }
            var line = String.format(
                    Locale.ROOT,
                    "%s,%d,%d,%.1f,%.1f,%.3f,%.2f,%.2f,%.3f",
                    round == 0 ? "warm-up" : Integer.toString(round),
                    backlog,
                    threads,
                    verified.perSecond(),
                    decoded.perSecond(),
                    verified.perSecond() / decoded.perSecond(),
                    verified.cpuMillisPerImage(),
                    decoded.cpuMillisPerImage(),
                    decoded.cpuMillisPerImage() / verified.cpuMillisPerImage());
            System.out.println(line);
            if (round > 0) {
                Files.writeString(csv, line + "\n", StandardOpenOption.APPEND);
            }
        }
        try (var files = Files.walk(storeDirectory)) {
            for (var file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * A phase's rate (wall clock, what the target is about) and the CPU time the whole process spent per image
     * (all threads, GC and compiler included). On a machine shared with other work the rate depends on what else
     * ran at the time; the CPU time per image much less, so the ratio of CPU times tells whether a difference in
     * rates is the code's or the neighbours'.
     */
    record Phase(double perSecond, double cpuMillisPerImage) {

        static Phase of(int images, Callable<Double> work) throws Exception {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            double rate = work.call();
            return new Phase(rate, (os.getProcessCpuTime() - cpu) / 1e6 / images);
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
                    store.putDerived(thumbnail, result.thumbnailJpeg());
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
