package cn.qualify.materials;

import static cn.qualify.materials.TestImages.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.jfif.JfifDirectory;
import com.drew.metadata.jpeg.HuffmanTablesDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageIntakeTests {

    final ImageIntake intake = new ImageIntake(ImageIntake.Limits.defaults());

    @Test
    void everyUploadCheckedCountsTowardsThePressureWhetherStreamedOrInMemoryAcceptedOrNot() throws IOException {
        var pressure = new UploadPressure(() -> 5_000);
        var counting = new ImageIntake(ImageIntake.Limits.defaults(), pressure);
        var upload = TestImages.aPhoneJpeg();

        counting.check(new ByteArrayInputStream(upload), upload.length, LIMIT);
        counting.check(upload, LIMIT);
        counting.check(new ByteArrayInputStream(upload), LIMIT + 1, LIMIT);
        counting.check(new byte[] {1, 2, 3}, LIMIT);

        assertThat(pressure.perSecond()).isEqualTo(4);
    }

    @Test
    void acceptsAPhoneJpegAsItIsWithoutCopyingIt() throws Exception {
        var upload = TestImages.aPhoneJpeg();

        var accepted = accepted(intake.check(upload, LIMIT));

        assertThat(accepted.bytes()).isSameAs(upload);
        assertThat(accepted.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(accepted.width()).isEqualTo(1600);
        assertThat(accepted.height()).isEqualTo(1200);
        assertThat(accepted.sha256()).isEqualTo(sha256(upload));
        assertThat(accepted.originalSize()).isEqualTo(upload.length);
        assertThat(accepted.orientationNormalised()).isFalse();
    }

    @Test
    void acceptsAPng() throws Exception {
        var upload = TestImages.aPng();

        var accepted = accepted(intake.check(upload, LIMIT));

        assertThat(accepted.format()).isEqualTo(ImageFormat.PNG);
        assertThat(accepted.width()).isEqualTo(800);
        assertThat(accepted.height()).isEqualTo(600);
        assertThat(accepted.bytes()).isEqualTo(upload);
        assertThat(accepted.sha256()).isEqualTo(sha256(upload));
    }

    @Test
    void aStreamedUploadGivesTheSameResultAsOneInMemory() throws Exception {
        var upload = TestImages.aPhoneJpegWithGps();

        var streamed = accepted(intake.check(new ByteArrayInputStream(upload), upload.length, LIMIT));
        var inMemory = accepted(intake.check(upload, LIMIT));

        assertThat(streamed.bytes()).isEqualTo(inMemory.bytes());
        assertThat(streamed.sha256()).isEqualTo(inMemory.sha256());
        assertThat(streamed.originalSize()).isEqualTo(upload.length);
    }

    @Test
    void anUploadExactlyAtTheLimitIsAccepted() throws Exception {
        var upload = TestImages.padToSize(TestImages.aPhoneJpeg(), (int) LIMIT);

        var result = intake.check(new ByteArrayInputStream(upload), -1, LIMIT);

        assertThat(result).isInstanceOf(AcceptedImage.class);
    }

    // ---- size ----

    @Test
    void refusesA205KilobyteJpegSayingHowLargeItIs() {
        var upload = TestImages.aJpegOf205Kilobytes();
        assertThat(upload).hasSize(209_920);
        assertThat(TestImages.decode(upload).getWidth()).isEqualTo(1600); // a real JPEG, just too large

        var refused = refused(intake.check(upload, LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_LARGE);
        assertThat(refused.reason().httpStatus()).isEqualTo(413);
        assertThat(refused.arguments()).containsExactly("200", "205");
    }

    @Test
    void refusesAnUploadDeclaredTooLargeWithoutReadingAnyOfIt() throws Exception {
        var upload = new CountingStream(new ByteArrayInputStream(TestImages.aJpegOf205Kilobytes()));

        var refused = refused(intake.check(upload, 209_920, LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_LARGE);
        assertThat(refused.arguments()).containsExactly("200", "205");
        assertThat(upload.count).isZero();
    }

    @Test
    void stopsReadingOneBytePastTheLimitWhenTheSizeIsNotDeclared() throws Exception {
        var upload = new CountingStream(new ByteArrayInputStream(TestImages.aJpegOf205Kilobytes()));

        var refused = refused(intake.check(upload, -1, LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_LARGE);
        assertThat(refused.messageKey()).isEqualTo("materials.refusal.too-large.size-unknown");
        assertThat(upload.count).isEqualTo(LIMIT + 1);
        assertThat(upload.read()).as("the rest is still unread").isNotNegative();
    }

    @Test
    void stopsReadingAnEndlessUploadThatClaimsToBeSmall() throws Exception {
        var endless = new CountingStream(new InputStream() {
            @Override
            public int read() {
                return 0xFF;
            }
        });

        var refused = refused(intake.check(endless, 1000, LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_LARGE);
        assertThat(endless.count).isEqualTo(LIMIT + 1);
    }

    @Test
    void anUploadOneByteOverTheLimitNeverReadsAsEqualToIt() {
        var upload = TestImages.padToSize(TestImages.aPhoneJpeg(), (int) LIMIT + 1);

        assertThat(refused(intake.check(upload, LIMIT)).arguments()).containsExactly("200", "200.1");
    }

    // ---- format ----

    static Stream<Arguments> notJpegOrPng() {
        return Stream.of(
                Arguments.of("GIF renamed photo.jpg", TestImages.aGifRenamedJpg()),
                Arguments.of("SVG renamed scan.png", TestImages.anSvgRenamedPng()),
                Arguments.of("WebP", TestImages.aWebp()),
                Arguments.of("HEIC", TestImages.aHeic()),
                Arguments.of("PDF", TestImages.aPdf()),
                Arguments.of("empty", new byte[0]),
                Arguments.of("two bytes of a JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8}),
                Arguments.of("half a PNG signature", Arrays.copyOf(TestImages.aPng(), 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notJpegOrPng")
    void refusesWhatIsNotJpegOrPngByItsBytes(String situation, byte[] upload) {
        var refused = refused(intake.check(upload, LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.UNSUPPORTED_FORMAT);
        assertThat(refused.reason().httpStatus()).isEqualTo(415);
    }

    @Test
    void aRenamedGifWouldDecodeFineWhichIsWhyTheBytesDecide() {
        assertThat(TestImages.decode(TestImages.aGifRenamedJpg()).getWidth()).isEqualTo(400);
    }

    @Test
    void refusesAJpegCodedInAWayBrowsersDoNotShow() {
        var arithmeticCoded = TestImages.aPhoneJpeg();
        arithmeticCoded[TestImages.findSegment(arithmeticCoded, 0xC0) + 1] = (byte) 0xC9;

        assertThat(refused(intake.check(arithmeticCoded, LIMIT)).reason()).isEqualTo(RefusalReason.UNSUPPORTED_FORMAT);
    }

    // ---- dimensions ----

    @Test
    void refusesAPixelFloodFromItsHeader() {
        var refused = refused(intake.check(TestImages.aPixelFloodJpeg(), LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.DIMENSIONS_TOO_LARGE);
        assertThat(refused.arguments()).containsExactly("60000", "60000", "8000", "24", "2400");
    }

    @Test
    void refusesAPngBombFromItsHeader() {
        var bomb = TestImages.aPngBomb();
        assertThat(bomb.length).isLessThan(10_000);

        var refused = refused(intake.check(bomb, LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.DIMENSIONS_TOO_LARGE);
        assertThat(refused.arguments()).startsWith("50000", "50000");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @org.junit.jupiter.params.provider.CsvSource({"8001, 1000", "1000, 8001", "6000, 4001"})
    void refusesHeadersOverEitherLimit(int width, int height) {
        assertThat(refused(intake.check(TestImages.aJpegClaiming(width, height), LIMIT))
                        .reason())
                .isEqualTo(RefusalReason.DIMENSIONS_TOO_LARGE);
    }

    @Test
    void theLimitsAreSettings() {
        var strict = new ImageIntake(new ImageIntake.Limits(1000, 1_000_000, 200, 1_000_000));

        assertThat(refused(strict.check(TestImages.aPhoneJpeg(), LIMIT)).reason())
                .isEqualTo(RefusalReason.DIMENSIONS_TOO_LARGE);
    }

    @Test
    void refusesAnImageTooSmallToHoldLegibleText() {
        var icon = TestImages.jpeg(TestImages.aDocument(300, 150), 0.9f);

        var refused = refused(intake.check(icon, LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.DIMENSIONS_TOO_SMALL);
        assertThat(refused.arguments()).containsExactly("300", "150", "200");
    }

    // ---- structure ----

    @Test
    void refusesATruncatedJpeg() {
        assertThat(refused(intake.check(TestImages.aTruncatedJpeg(), LIMIT)).reason())
                .isEqualTo(RefusalReason.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 40, 1000})
    void refusesAJpegCutAnywhereBeforeItsEnd(int keep) {
        var cut = Arrays.copyOf(TestImages.aPhoneJpeg(), keep);

        assertThat(refused(intake.check(cut, LIMIT)).reason()).isEqualTo(RefusalReason.TRUNCATED);
    }

    @Test
    void refusesATruncatedPng() {
        var png = TestImages.aPng();

        assertThat(refused(intake.check(Arrays.copyOf(png, png.length - 12), LIMIT))
                        .reason())
                .as("IEND missing")
                .isEqualTo(RefusalReason.TRUNCATED);
        assertThat(refused(intake.check(Arrays.copyOf(png, png.length / 2), LIMIT))
                        .reason())
                .isEqualTo(RefusalReason.TRUNCATED);
    }

    @Test
    void refusesAJpegWithoutImageData() {
        var jpeg = TestImages.aPhoneJpeg();
        int sos = TestImages.findSegment(jpeg, 0xDA);
        var headersOnly = TestImages.concat(Arrays.copyOf(jpeg, sos), new byte[] {(byte) 0xFF, (byte) 0xD9});

        assertThat(refused(intake.check(headersOnly, LIMIT)).reason()).isEqualTo(RefusalReason.CORRUPT);
    }

    @Test
    void refusesAJpegWithABrokenSegment() {
        var jpeg = TestImages.aPhoneJpeg();
        int dqt = TestImages.findSegment(jpeg, 0xDB);
        jpeg[dqt + 2] = 0;
        jpeg[dqt + 3] = 1; // a length below the length field's own size

        assertThat(refused(intake.check(jpeg, LIMIT)).reason()).isEqualTo(RefusalReason.CORRUPT);
    }

    @Test
    void refusesAPngWithADamagedChunk() {
        var png = TestImages.aPng();
        png[8 + 8 + 2] ^= 0x01; // a bit flipped in IHDR's width: the CRC no longer matches

        assertThat(refused(intake.check(png, LIMIT)).reason()).isEqualTo(RefusalReason.CORRUPT);
    }

    @Test
    void refusesAPngWithoutImageData() {
        var png = TestImages.concat(
                TestImages.pngSignature(),
                Arrays.copyOfRange(TestImages.aPng(), 8, 8 + 25),
                TestImages.chunk("IEND", new byte[0]));

        assertThat(refused(intake.check(png, LIMIT)).reason()).isEqualTo(RefusalReason.CORRUPT);
    }

    // ---- metadata ----

    @Test
    void removesGpsAndAllCameraDataFromAJpegWithoutTouchingThePixels() throws Exception {
        var upload = TestImages.aPhoneJpegWithGps();
        var before = metadata(upload);
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)
                        .getGeoLocation()
                        .getLatitude())
                .isBetween(41.7, 41.9);
        assertThat(before.containsDirectoryOfType(ExifIFD0Directory.class)).isTrue();
        assertThat(before.containsDirectoryOfType(XmpDirectory.class)).isTrue();
        assertThat(before.containsDirectoryOfType(JpegCommentDirectory.class)).isTrue();

        var accepted = accepted(intake.check(upload, LIMIT));

        assertThat(onlyImageDirectories(metadata(accepted.bytes())))
                .containsOnly(JpegDirectory.class, JfifDirectory.class, HuffmanTablesDirectory.class);
        assertThat(new String(accepted.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Xiaomi", "GPS", "xmpmeta");
        assertThat(accepted.bytes())
                .as("exactly the photo without its metadata")
                .isEqualTo(TestImages.aPhoneJpeg());
        assertThat(accepted.orientationNormalised()).isFalse();
        assertThat(accepted.sha256()).isEqualTo(sha256(accepted.bytes()));
        assertThat(accepted.originalSize()).isEqualTo(upload.length);
    }

    @Test
    void removesTextTimeAndExifChunksFromAPng() throws Exception {
        var upload = TestImages.aPngWithTextAndGps();
        assertThat(metadata(upload).containsDirectoryOfType(GpsDirectory.class)).isTrue();

        var accepted = accepted(intake.check(upload, LIMIT));

        assertThat(accepted.bytes()).isEqualTo(TestImages.aPng());
        assertThat(metadata(accepted.bytes()).containsDirectoryOfType(GpsDirectory.class))
                .isFalse();
        assertThat(onlyImageDirectories(metadata(accepted.bytes()))).containsOnly(PngDirectory.class);
    }

    @Test
    void dropsWhatFollowsTheEndMarker() {
        var photo = TestImages.aPhoneJpeg();
        var withTrailer = TestImages.concat(photo, "SEFT trailer with owner data".getBytes());

        assertThat(accepted(intake.check(withTrailer, LIMIT)).bytes()).isEqualTo(photo);
    }

    @Test
    void dropsAJfifHeaderThatCarriesAThumbnail() {
        var photo = TestImages.aPhoneJpeg();
        int app0 = TestImages.findSegment(photo, 0xE0);
        int app0End = app0 + 2 + 16;
        var thumbnail = new byte[2 * 2 * 3];
        var jfifWithThumbnail = TestImages.segment(
                0xE0,
                TestImages.concat(Arrays.copyOfRange(photo, app0 + 4, app0End - 2), new byte[] {2, 2}, thumbnail));
        var upload = TestImages.concat(
                Arrays.copyOf(photo, app0), jfifWithThumbnail, Arrays.copyOfRange(photo, app0End, photo.length));

        var stored = accepted(intake.check(upload, LIMIT)).bytes();

        assertThat(stored).hasSize(photo.length - 18);
        assertThat(TestImages.decode(stored).getWidth()).isEqualTo(1600);
    }

    // ---- orientation ----

    @Test
    void turnsAnExifRotatedPhotoUprightAndForgetsTheRotation() throws Exception {
        var upload = TestImages.anExifRotatedJpeg();
        var sent = TestImages.decode(upload);
        assertThat(sent.getWidth()).as("stored sideways").isEqualTo(800);
        assertThat(metadata(upload)
                        .getFirstDirectoryOfType(ExifIFD0Directory.class)
                        .getInt(0x0112))
                .isEqualTo(6);

        var accepted = accepted(intake.check(upload, LIMIT));

        assertThat(accepted.orientationNormalised()).isTrue();
        assertThat(accepted.width()).isEqualTo(600);
        assertThat(accepted.height()).isEqualTo(800);
        assertThat(accepted.size()).isLessThanOrEqualTo((int) LIMIT);
        assertThat(accepted.sha256()).isEqualTo(sha256(accepted.bytes()));
        var metadata = metadata(accepted.bytes());
        assertThat(metadata.containsDirectoryOfType(ExifIFD0Directory.class)).isFalse();
        assertThat(metadata.containsDirectoryOfType(GpsDirectory.class)).isFalse();
        assertCornersUpright(TestImages.decode(accepted.bytes()));
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void turnsEveryExifOrientationUpright(int orientation) {
        var upload = TestImages.anExifRotatedJpeg(orientation, 400, 300);

        var accepted = accepted(intake.check(upload, LIMIT));

        assertThat(accepted.orientationNormalised()).isEqualTo(orientation != 1);
        assertThat(accepted.width()).isEqualTo(400);
        assertThat(accepted.height()).isEqualTo(300);
        var image = TestImages.decode(accepted.bytes());
        assertThat(image.getWidth()).isEqualTo(400);
        assertCornersUpright(image);
    }

    @Test
    void turnsAnExifRotatedPngUprightAndKeepsItAPng() throws Exception {
        var upload = TestImages.anExifRotatedPng(8, 400, 300);

        var accepted = accepted(intake.check(upload, LIMIT));

        assertThat(accepted.format()).isEqualTo(ImageFormat.PNG);
        assertThat(accepted.orientationNormalised()).isTrue();
        assertThat(accepted.width()).isEqualTo(400);
        assertThat(accepted.height()).isEqualTo(300);
        assertThat(metadata(accepted.bytes()).containsDirectoryOfType(GpsDirectory.class))
                .isFalse();
        var image = TestImages.decode(accepted.bytes());
        assertThat(image.getRGB(10, 10) & 0xFFFFFF)
                .as("exactly red, PNG is lossless")
                .isEqualTo(0xFF0000);
        assertCornersUpright(image);
    }

    @Test
    void refusesARotatedPhotoThatCannotBeTurnedUprightWithinTheLimit() {
        var upload = TestImages.aRotatedNoisyJpegThatOnlyFitsAsSent();
        assertThat(upload.length).isLessThanOrEqualTo((int) LIMIT);

        var refused = refused(intake.check(upload, LIMIT));

        assertThat(refused.reason()).isEqualTo(RefusalReason.ORIENTATION_NOT_NORMALISED);
        assertThat(refused.arguments()).containsExactly("200");
    }

    @Test
    void subsamplesOnlyPhotosOverTheDecodingBudget() {
        var upright = new Upright(ImageIntake.Limits.defaults());

        assertThat(upright.subsampling(3264, 2448)).isEqualTo(1);
        assertThat(upright.subsampling(4000, 3000)).isEqualTo(2);
        assertThat(upright.subsampling(6000, 4000)).isEqualTo(2);
        assertThat(upright.subsampling(8000, 3000)).isEqualTo(2);
    }

    // ---- robustness ----

    static Stream<Arguments> damagedUploads() {
        var originals = List.of(
                TestImages.aPhoneJpegWithGps(),
                TestImages.anExifRotatedJpeg(6, 300, 400),
                TestImages.aPngWithTextAndGps());
        var random = new java.util.Random(2025);
        return java.util.stream.IntStream.range(0, 150).mapToObj(i -> {
            var original = originals.get(i % originals.size());
            var damaged = original.clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                // Damage concentrates in the headers, where the parsers make their decisions.
                int at = random.nextBoolean()
                        ? random.nextInt(Math.min(600, damaged.length))
                        : random.nextInt(damaged.length);
                damaged[at] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            return Arguments.of(i, damaged);
        });
    }

    @ParameterizedTest(name = "damaged upload {0}")
    @MethodSource("damagedUploads")
    void aDamagedUploadIsAcceptedOrRefusedButNeverFails(int index, byte[] damaged) {
        var result = intake.check(damaged, LIMIT);

        if (result instanceof AcceptedImage accepted) {
            assertThat(accepted.size()).isLessThanOrEqualTo((int) LIMIT);
            assertThat(accepted.width()).isBetween(200, 8000);
        } else {
            assertThat(((RefusedImage) result).reason()).isNotNull();
        }
    }

    // ---- helpers ----

    static void assertCornersUpright(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertThat(colourAt(image, w / 16, h / 16)).as("top left").isEqualTo(Color.RED);
        assertThat(colourAt(image, w - w / 16, h / 16)).as("top right").isEqualTo(Color.GREEN);
        assertThat(colourAt(image, w / 16, h - h / 16)).as("bottom left").isEqualTo(Color.BLUE);
        assertThat(colourAt(image, w - w / 16, h - h / 16)).as("bottom right").isEqualTo(Color.YELLOW);
    }

    /** The nearest pure colour, since JPEG shifts values a little. */
    static Color colourAt(BufferedImage image, int x, int y) {
        var rgb = new Color(image.getRGB(x, y));
        return Stream.of(Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW, Color.WHITE, Color.BLACK)
                .min(java.util.Comparator.comparingInt(c -> Math.abs(c.getRed() - rgb.getRed())
                        + Math.abs(c.getGreen() - rgb.getGreen())
                        + Math.abs(c.getBlue() - rgb.getBlue())))
                .orElseThrow();
    }

    static AcceptedImage accepted(IntakeResult result) {
        assertThat(result).isInstanceOf(AcceptedImage.class);
        return (AcceptedImage) result;
    }

    static RefusedImage refused(IntakeResult result) {
        assertThat(result).isInstanceOf(RefusedImage.class);
        return (RefusedImage) result;
    }

    static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    }

    static List<Class<?>> onlyImageDirectories(Metadata metadata) {
        return java.util.stream.StreamSupport.stream(metadata.getDirectories().spliterator(), false)
                .<Class<?>>map(Directory::getClass)
                .filter(type -> type != FileTypeDirectory.class)
                .toList();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Counts the bytes handed out, to prove how much of an upload was read. */
    static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
