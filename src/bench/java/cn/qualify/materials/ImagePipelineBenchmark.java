package cn.qualify.materials;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The off-request-path verification ({@link ImageVerification#verify(byte[])}: full decode subsampled to 1600 px,
 * quality measures, 320 px thumbnail) against a plain {@link ImageIO#read} of the same images, two threads each
 * (the default pool of a 2-core machine). Images from {@link BenchImages}; throughput in images per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@State(Scope.Benchmark)
public class ImagePipelineBenchmark {

    @Param("perf/target/images")
    public String images;

    private List<byte[]> uploads;
    private ImageVerification verification;

    @Setup(Level.Trial)
    public void load() throws IOException {
        uploads = BenchImages.uploads(Path.of(images));
        verification = new ImageVerification(
                new FilesystemDocumentStore(Files.createTempDirectory("bench-store")),
                new ImageIntake.Limits(8000, 24_000_000, 200, 8_000_000),
                new ImageVerification.Settings(2, 100, 1000, 0.05, 50, 320, 40, 10, 0.9, 1));
        // both paths must agree that every image is a sound picture, or the comparison means nothing
        for (var upload : uploads) {
            if (verification.verify(upload).flags().contains(QualityFlag.CORRUPT) || plainDecode(upload) == null) {
                throw new IllegalStateException("a benchmark image does not decode");
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        verification.close();
    }

    /** Each thread walks the image set from its own offset. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = (int) (Thread.currentThread().getId() * 7);

        byte[] next(List<byte[]> images) {
            return images.get(Math.floorMod(next++, images.size()));
        }
    }

    @Benchmark
    public VerificationResult verification(Cursor cursor) {
        return verification.verify(cursor.next(uploads));
    }

    @Benchmark
    public BufferedImage plainDecode(Cursor cursor) throws IOException {
        return plainDecode(cursor.next(uploads));
    }

    static BufferedImage plainDecode(byte[] image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(image));
    }
}
