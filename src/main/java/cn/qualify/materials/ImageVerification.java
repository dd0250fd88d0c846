package cn.qualify.materials;

import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import javax.imageio.IIOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The full decode of a stored image, off the request path: quality flags for the candidate and the reviewer, and a
 * thumbnail. Work runs on a fixed pool with a bounded queue; when the queue is full, {@link #submit(StorageKey)}
 * refuses at once with {@link VerificationQueueFullException}, so a burst of uploads never builds an unbounded
 * backlog in memory. Queued work holds only the storage key: the image is read when its turn comes.
 *
 * <p>Decoding never allocates for the claimed size: the header is checked against the intake limits first, and
 * the image is decoded subsampled to at most 1600 px on its long side (about 7 MB at 3 bytes a pixel). All of the
 * scan data is decoded all the same, which is what finds a truncated or damaged file (the reader's warnings make it
 * {@link QualityFlag#CORRUPT}). A JPEG in plain YCbCr or grey, which is what the upload page sends, is read as its
 * stored samples ({@link Picture}): its luma needs no conversion, and only the thumbnail's pixels are converted to
 * RGB, so that a verification costs about what a plain decode to RGB costs.
 *
 * <p>A verification costs more CPU than the upload it follows, so while uploads reach the intake at {@link
 * Settings#peakRate()} a second or faster, verifications start at most {@link Settings#peakVerifications()} times a
 * second and the others wait their turn: at the deadline peak the cores go to accepting uploads, and the backlog,
 * bounded by the queue and picked up by the sweep beyond it, is verified at full speed once the rush is over. When
 * the machine's cores are busy as well ({@link Settings#busyLoad()}), the uploads already wait for a core, and every
 * verification that starts makes them wait longer: then verifications start only {@link
 * Settings#busyVerifications()} times a second.
 */
public class ImageVerification implements AutoCloseable {

    /** The long side of the decoded raster; enough for a 320 px thumbnail and an 800 px analysis copy. */
    static final int DECODED_SIDE = 1600;

    /** How often a verification waiting for the upload rate to fall looks at it again. */
    private static final long PRESSURE_POLL_MILLIS = 100;

    /** The long side of the greyscale copy that sharpness and brightness are measured on. */
    static final int ANALYSIS_SIDE = 800;

    private final DocumentStore store;
    private final ImageIntake.Limits limits;
    private final Settings settings;
    private final ThreadPoolExecutor pool;
    private final UploadPressure pressure;
    private final DoubleSupplier machineLoad;
    private final Object peakTurns = new Object();
    private long nextPeakTurn = Long.MIN_VALUE;

    public ImageVerification(DocumentStore store, ImageIntake.Limits limits, Settings settings) {
        this(store, limits, settings, new UploadPressure(), MachineLoad.ofThisMachine());
    }

    /**
     * A verification that yields to the uploads {@code pressure} counts (see {@link ImageIntake}), the more so while
     * {@code machineLoad} (0–1, negative when unknown) says the cores are busy.
     */
    ImageVerification(
            DocumentStore store,
            ImageIntake.Limits limits,
            Settings settings,
            UploadPressure pressure,
            DoubleSupplier machineLoad) {
        this.store = store;
        this.limits = limits;
        this.settings = settings;
        this.pressure = pressure;
        this.machineLoad = machineLoad;
        this.pool = new ThreadPoolExecutor(
                settings.poolThreads(),
                settings.poolThreads(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()),
                new VerificationThreads(),
                (refused, executor) -> {
                    // instead of the executor's own exception, whose stack trace would be filled in for nothing
                    throw new VerificationQueueFullException(settings.queueCapacity());
                });
    }

    /**
     * Queues the verification of the document under {@code key}.
     *
     * @return completes with the result, or exceptionally with {@link DocumentNotFoundException} if the
     *     document is gone when its turn comes
     * @throws VerificationQueueFullException if {@link Settings#queueCapacity()} verifications are waiting
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<VerificationResult> submit(StorageKey key) {
        if (pool.isShutdown()) {
            throw new IllegalStateException("Image verification has been shut down");
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    awaitTurn();
                    return verify(store.get(key));
                },
                pool);
    }

    /** Returns at once below the peak rate; at the peak, when the next of the peak's spaced turns has come. */
    private void awaitTurn() {
        synchronized (peakTurns) {
            while (pressure.perSecond() >= settings.peakRate()) {
                long now = pressure.millis();
                if (now >= nextPeakTurn) {
                    int perSecond = machineLoad.getAsDouble() >= settings.busyLoad()
                            ? settings.busyVerifications()
                            : settings.peakVerifications();
                    nextPeakTurn = now + Math.max(1, 1000 / perSecond);
                    return;
                }
                try {
                    // a short look each time: the rush may end before the next turn
                    peakTurns.wait(Math.min(PRESSURE_POLL_MILLIS, nextPeakTurn - now));
                } catch (InterruptedException shuttingDown) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Verifications waiting for a thread. */
    public int waiting() {
        return pool.getQueue().size();
    }

    /** Verifies an image in the calling thread; for callers that are already off the request path. */
    public VerificationResult verify(byte[] content) {
        var format = ImageFormat.sniff(content, content.length);
        if (format == null) {
            return VerificationResult.corrupt(0, 0);
        }
        Picture picture;
        try {
            picture = Picture.decode(content, format, this::subsampling);
        } catch (IOException e) {
            return VerificationResult.corrupt(0, 0);
        }
        var flags = EnumSet.noneOf(QualityFlag.class);
        if (!picture.warnings().isEmpty()) {
            flags.add(QualityFlag.CORRUPT); // e.g. "Premature end of JPEG file": grey where the picture stops
        }
        if (Math.max(picture.headerWidth(), picture.headerHeight()) < settings.minLongSide()) {
            flags.add(QualityFlag.LOW_RESOLUTION);
        }
        var measured = QualityMeasures.measure(picture.luma(), ANALYSIS_SIDE);
        if (measured.sharpness() < settings.blurThreshold()) {
            flags.add(QualityFlag.BLURRY);
        }
        if (measured.meanLuminance() < settings.darkThreshold()) {
            flags.add(QualityFlag.TOO_DARK);
        }
        var thumbnail = ImageCodecs.encodeJpeg(picture.thumbnail(settings.thumbnailSide()), 0.8f);
        return new VerificationResult(
                flags,
                picture.headerWidth(),
                picture.headerHeight(),
                measured.sharpness(),
                measured.meanLuminance(),
                thumbnail);
    }

    int subsampling(int width, int height) throws IOException {
        if (width > limits.maxSide() || height > limits.maxSide() || (long) width * height > limits.maxPixels()) {
            throw new IIOException("Header claims " + width + "x" + height + ", over the intake limits");
        }
        return Math.max(1, (int) Math.ceil((double) Math.max(width, height) / DECODED_SIDE));
    }

    /** Stops taking work and lets queued verifications finish. */
    @Override
    public void close() {
        pool.shutdown();
    }

    /**
     * How verification judges and how much it may queue, bound to {@code qualify.materials.verification.*}. The
     * thresholds are starting points: calibrate them on real uploads, since a false warning costs the candidate
     * a retake.
     *
     * @param threads worker threads; 0 (the default) means one per core
     * @param queueCapacity verifications that may wait (default 100: a few seconds of work on two cores; each
     *     waiting entry is a storage key, not an image)
     * @param minLongSide below this long side in pixels the image is flagged {@link QualityFlag#LOW_RESOLUTION}
     *     (default 1000: an A4 page 1000 px tall has about 8 px per line of body text, the least that stays
     *     legible)
     * @param blurThreshold below this sharpness the image is flagged {@link QualityFlag#BLURRY} (default 0.05:
     *     sharp document photos measure 0.2 and more, in good light or bad; the same page defocused by 8 px at
     *     1600 px measures 0.03)
     * @param darkThreshold below this mean luminance (0–255) the image is flagged {@link QualityFlag#TOO_DARK}
     *     (default 50: white paper in poor light still measures above 80)
     * @param thumbnailSide the thumbnail's long side in pixels (default 320)
     * @param peakRate uploads a second from which verification yields to them (default 40: on two cores,
     *     verifying 40 uploads a second takes half of one core)
     * @param peakVerifications verifications that may start each second while uploads arrive at {@code peakRate}
     *     or faster (default 10, about an eighth of a core; at least 1, so that verification never stops)
     * @param busyLoad the machine's CPU load (0–1) from which the cores count as busy (default 0.9; above 1 they
     *     never do)
     * @param busyVerifications verifications that may start each second at the peak while the cores are busy
     *     (default 1; at least 1 and at most {@code peakVerifications})
     */
    @ConfigurationProperties("qualify.materials.verification")
    public record Settings(
            @DefaultValue("0") int threads,
            @DefaultValue("100") int queueCapacity,
            @DefaultValue("1000") int minLongSide,
            @DefaultValue("0.05") double blurThreshold,
            @DefaultValue("50") double darkThreshold,
            @DefaultValue("320") int thumbnailSide,
            @DefaultValue("40") int peakRate,
            @DefaultValue("10") int peakVerifications,
            @DefaultValue("0.9") double busyLoad,
            @DefaultValue("1") int busyVerifications) {

        public Settings {
            if (threads < 0
                    || queueCapacity <= 0
                    || minLongSide <= 0
                    || thumbnailSide <= 0
                    || peakRate <= 0
                    || peakVerifications <= 0
                    || busyLoad <= 0
                    || busyVerifications <= 0) {
                throw new IllegalArgumentException("Verification settings must be positive");
            }
            if (busyVerifications > peakVerifications) {
                throw new IllegalArgumentException(
                        "Verification at the peak with busy cores (busy-verifications) cannot start more often than"
                                + " at the peak (peak-verifications)");
            }
        }

        public static Settings defaults() {
            return new Settings(0, 100, 1000, 0.05, 50, 320, 40, 10, 0.9, 1);
        }

        int poolThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    private static final class VerificationThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            var thread = new Thread(work, "image-verification-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
