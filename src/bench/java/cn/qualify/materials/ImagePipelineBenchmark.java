package cn.qualify.materials;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
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
 * (the default pool of a 2-core machine). Images from {@link BenchImages}; throughput in images per second. Two
 * more compare verification's decode ({@code storedSamples}) with decoding into an image kept from one call to the
 * next ({@code rgbIntoReusedImage}).
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

    /** The decode verification does: the stored samples, in a raster the JDK's reader allocates for each image. */
    @Benchmark
    public Raster storedSamples(Cursor cursor) throws IOException {
        return ImageCodecs.decodeSamples(cursor.next(uploads), verification::subsampling)
                .raster();
    }

    /**
     * The alternative that would allocate no raster: decoding into an image the thread keeps, which the JDK's
     * reader takes only as RGB (its {@code readRaster}, the only way to the stored samples, takes no destination),
     * and the luma computed from it, as verification would then need.
     */
    @Benchmark
    public int rgbIntoReusedImage(Cursor cursor, ReusedImage reused) throws IOException {
        var reader = ImageCodecs.reader(ImageFormat.JPEG);
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(cursor.next(uploads)))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            int factor = verification.subsampling(width, height);
            var param = reader.getDefaultReadParam();
            param.setSourceSubsampling(factor, factor, 0, 0);
            var image = reused.sized((width + factor - 1) / factor, (height + factor - 1) / factor);
            param.setDestination(image);
            if (reader.read(0, param) != image) {
                throw new IllegalStateException("the reader did not decode into the image given");
            }
            return reused.luma(image.getWidth() * image.getHeight());
        } finally {
            reader.dispose();
        }
    }

    /** A thread's 1600 × 1600 RGB buffer and luma plane, kept from one image to the next. */
    @State(Scope.Thread)
    public static class ReusedImage {
        final byte[] bgr = new byte[1600 * 1600 * 3];
        final byte[] luma = new byte[1600 * 1600];

        BufferedImage sized(int width, int height) {
            var raster = Raster.createInterleavedRaster(
                    new DataBufferByte(bgr, width * height * 3),
                    width,
                    height,
                    width * 3,
                    3,
                    new int[] {2, 1, 0},
                    null);
            var colours = new ComponentColorModel(
                    ColorSpace.getInstance(ColorSpace.CS_sRGB),
                    false,
                    false,
                    Transparency.OPAQUE,
                    DataBuffer.TYPE_BYTE);
            return new BufferedImage(colours, raster, false, null);
        }

        int luma(int pixels) {
            for (int i = 0, p = 0; i < pixels; i++, p += 3) {
                luma[i] = (byte)
                        ((19595 * (bgr[p + 2] & 0xFF) + 38470 * (bgr[p + 1] & 0xFF) + 7471 * (bgr[p] & 0xFF) + 32768)
                                >> 16);
            }
            return luma[pixels / 2];
        }
    }
}
