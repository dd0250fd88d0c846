package cn.qualify.materials;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request-path checks of an uploaded photo, run before anything is stored. In order: size (reading stops one
 * byte past the limit), format by magic bytes, structure walk with dimensions read from the header (no pixel is
 * decoded), metadata stripped by dropping segments or chunks, EXIF orientation applied to the pixels when it is
 * not upright, SHA-256 of the bytes to store. An upright image (the normal case) is never decoded here; full
 * decoding and quality checks belong to {@link ImageVerification}, off the request path.
 *
 * <p>Thread-safe; one instance serves all requests.
 */
public class ImageIntake {

    /** The request path buffers the whole upload, so the per-exam-year limit must stay a small number. */
    static final long LARGEST_ACCEPTED_LIMIT = 16L * 1024 * 1024;

    private final Limits limits;
    private final Upright upright;
    private final UploadPressure pressure;

    public ImageIntake(Limits limits) {
        this(limits, new UploadPressure());
    }

    /** An intake that counts the uploads it checks into {@code pressure}, for background verification to see. */
    ImageIntake(Limits limits, UploadPressure pressure) {
        this.limits = limits;
        this.upright = new Upright(limits);
        this.pressure = pressure;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Checks an upload as it arrives.
     *
     * @param content the upload's bytes; read at most {@code maxBytes + 1} bytes, never closed here
     * @param declaredSize the size announced by the client (multipart part size, Content-Length), or -1 if
     *     unknown; when it is over the limit the upload is refused without reading anything
     * @param maxBytes the exam year's limit, e.g. {@code ExamYear.maxImageBytes()} = 204,800
     * @return an {@link AcceptedImage} to store, or a {@link RefusedImage} saying why not
     * @throws IOException when reading {@code content} fails (e.g. the client went away)
     */
    public IntakeResult check(InputStream content, long declaredSize, long maxBytes) throws IOException {
        requireSensible(maxBytes);
        pressure.arrived();
        if (declaredSize > maxBytes) {
            return RefusedImage.tooLarge(maxBytes, declaredSize);
        }
        int capacity = (int) maxBytes + 1;
        var buffer = new byte[capacity];
        int length = content.readNBytes(buffer, 0, capacity);
        if (length > maxBytes) {
            // The declared size was absent or wrong; the real one stays unknown because we stop reading here.
            return RefusedImage.tooLarge(maxBytes, -1);
        }
        return inspect(buffer, length, maxBytes);
    }

    /**
     * Checks an upload that is already in memory.
     *
     * @param content the upload; not modified, and returned as {@link AcceptedImage#bytes()} when nothing had to
     *     be stripped, so the caller must not change it afterwards
     * @param maxBytes the exam year's limit
     */
    public IntakeResult check(byte[] content, long maxBytes) {
        requireSensible(maxBytes);
        pressure.arrived();
        if (content.length > maxBytes) {
            return RefusedImage.tooLarge(maxBytes, content.length);
        }
        return inspect(content, content.length, maxBytes);
    }

    private IntakeResult inspect(byte[] buffer, int length, long maxBytes) {
        var format = ImageFormat.sniff(buffer, length);
        if (format == null) {
            return RefusedImage.of(RefusalReason.UNSUPPORTED_FORMAT);
        }
        try {
            var inspection = format == ImageFormat.JPEG
                    ? JpegStructure.inspect(buffer, length, limits)
                    : PngStructure.inspect(buffer, length, limits);
            var stripped = inspection.kept().extract(buffer);
            if (inspection.upright()) {
                return new AcceptedImage(
                        stripped, format, inspection.width(), inspection.height(), sha256(stripped), length, false);
            }
            var rotated = upright.apply(stripped, inspection, maxBytes);
            return new AcceptedImage(
                    rotated.bytes(), format, rotated.width(), rotated.height(), sha256(rotated.bytes()), length, true);
        } catch (Refusal refusal) {
            return refusal.refusal();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void requireSensible(long maxBytes) {
        if (maxBytes <= 0 || maxBytes > LARGEST_ACCEPTED_LIMIT) {
            throw new IllegalArgumentException(
                    "The image size limit must be between 1 and " + LARGEST_ACCEPTED_LIMIT + " bytes: " + maxBytes);
        }
    }

    /**
     * What the header of an image may claim, bound to {@code qualify.materials.intake.*}.
     *
     * @param maxSide the longest side in pixels (default 8000: an A4 page scanned at 600 dpi is 7016 px tall,
     *     a 48 MP phone sensor 8000 px wide; anything longer is a panorama or a forged header)
     * @param maxPixels width × height (default 24 MP: twice what a phone's default mode and an A4 scan at 400 dpi
     *     produce, while a decode of it stays below 100 MB; a pixel flood claiming 60000×60000 = 3.6 GP or a PNG
     *     bomb is refused from its header before anything is inflated)
     * @param minShortSide the shortest side in pixels (default 200: below that no document text can be read, so
     *     such a file is a mistake, such as an icon or a thumbnail, rather than a photo to warn about)
     * @param maxDecodedPixels the largest raster decoded on the request path, only for turning a rotated photo
     *     upright (default 8 MP, about 24 MB as 8-bit RGB; larger photos are subsampled while decoding, which
     *     still leaves more than 1000 px on the long side for any image within {@code maxPixels})
     */
    @ConfigurationProperties("qualify.materials.intake")
    public record Limits(
            @DefaultValue("8000") int maxSide,
            @DefaultValue("24000000") long maxPixels,
            @DefaultValue("200") int minShortSide,
            @DefaultValue("8000000") long maxDecodedPixels) {

        public Limits {
            if (maxSide <= 0 || maxPixels <= 0 || minShortSide <= 0 || maxDecodedPixels <= 0) {
                throw new IllegalArgumentException("Image limits must be positive");
            }
            if (minShortSide > maxSide) {
                throw new IllegalArgumentException("minShortSide " + minShortSide + " exceeds maxSide " + maxSide);
            }
        }

        /** The defaults, for callers without configuration (tests, tools). */
        public static Limits defaults() {
            return new Limits(8000, 24_000_000, 200, 8_000_000);
        }

        void check(long width, long height) throws Refusal {
            if (width > maxSide || height > maxSide || width * height > maxPixels) {
                throw Refusal.of(
                        RefusalReason.DIMENSIONS_TOO_LARGE, width, height, maxSide, megapixels(), maxPixels / 10_000);
            }
            if (Math.min(width, height) < minShortSide) {
                throw Refusal.of(RefusalReason.DIMENSIONS_TOO_SMALL, width, height, minShortSide);
            }
        }

        private String megapixels() {
            return java.math.BigDecimal.valueOf(maxPixels, 6)
                    .stripTrailingZeros()
                    .toPlainString();
        }
    }
}
