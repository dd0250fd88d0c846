package cn.qualify.materials;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;

/**
 * Where the time of a verification goes, stage by stage, next to a plain {@link ImageIO#read} of the same image: one
 * thread, each stage timed in the thread's CPU time, which the other work on a shared machine disturbs far less than
 * the wall clock (both are printed). Stages are those of {@link ImageVerification#verify(byte[])}; the store's two
 * ways of writing a thumbnail close the list.
 *
 * <p>{@code VerificationBreakdown [images directory] [rounds]}: every {@link BenchImages} upload once per round; the
 * first two rounds warm up and are not counted.
 */
public final class VerificationBreakdown {

    private static final Map<String, long[]> totals = new LinkedHashMap<>();
    private static Object sink;

    private VerificationBreakdown() {}

    public static void main(String[] args) throws Exception {
        var images = BenchImages.uploads(Path.of(args.length > 0 ? args[0] : "perf/target/images"));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var storeDirectory = Files.createTempDirectory("breakdown-store");
        var store = new FilesystemDocumentStore(storeDirectory);
        var settings = ImageVerification.Settings.defaults();
        var limits = new ImageIntake.Limits(8000, 24_000_000, 200, 8_000_000);
        ImageCodecs.Subsampling subsampling = (width, height) ->
                Math.max(1, (int) Math.ceil((double) Math.max(width, height) / ImageVerification.DECODED_SIDE));
        try (var verification = new ImageVerification(store, limits, settings)) {
            for (int round = 0; round < rounds + 2; round++) {
                if (round == 2) {
                    totals.clear();
                }
                for (var bytes : images) {
                    time("plain ImageIO.read", () -> ImageIO.read(new ByteArrayInputStream(bytes)));
                    time("verify (all of it)", () -> verification.verify(bytes));
                    time(
                            "  decode to RGB (general path)",
                            () -> ImageCodecs.decode(bytes, ImageFormat.JPEG, subsampling));
                    var picture =
                            time("  decode as stored", () -> Picture.decode(bytes, ImageFormat.JPEG, subsampling));
                    time("  measures", () -> QualityMeasures.measure(picture.luma(), ImageVerification.ANALYSIS_SIDE));
                    var fitted = time("  thumbnail", () -> picture.thumbnail(settings.thumbnailSide()));
                    var thumbnail = time("  thumbnail JPEG", () -> ImageCodecs.encodeJpeg(fitted, 0.8f));
                    time("store putDerived", () -> store.putDerived(StorageKey.newKey(2025), thumbnail));
                    time("store put (forced to disk)", () -> store.put(StorageKey.newKey(2025), thumbnail));
                }
            }
        } finally {
            try (var files = Files.walk(storeDirectory)) {
                for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        long plain = totals.get("plain ImageIO.read")[0];
        System.out.printf(Locale.ROOT, "%-32s %10s %10s %8s%n", "stage", "cpu ms", "wall ms", "x plain");
        totals.forEach((stage, t) -> System.out.printf(
                Locale.ROOT,
                "%-32s %10.2f %10.2f %8.2f%n",
                stage,
                t[0] / 1e6 / t[2],
                t[1] / 1e6 / t[2],
                (double) t[0] / plain));
        System.out.println(sink != null ? "" : "-");
    }

    private static <T> T time(String stage, Callable<T> work) throws Exception {
        var cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        T result = work.call();
        long cpuTime = cpu.getCurrentThreadCpuTime() - cpuStart;
        long wallTime = System.nanoTime() - wallStart;
        var total = totals.computeIfAbsent(stage, s -> new long[3]);
        total[0] += cpuTime;
        total[1] += wallTime;
        total[2]++;
        sink = result;
        return result;
    }
}
