package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageVerificationTests {

    final InMemoryStore store = new InMemoryStore();
    final ImageVerification verification =
            new ImageVerification(store, ImageIntake.Limits.defaults(), ImageVerification.Settings.defaults());

    @AfterEach
    void stop() {
        verification.close();
    }

    @Test
    void aSharpBrightDocumentPhotoRaisesNoFlagAndGetsAThumbnail() {
        var result = verification.verify(TestImages.aSharpDocumentJpeg());

        assertThat(result.flags()).as(result::toString).isEmpty();
        assertThat(result.width()).isEqualTo(1600);
        assertThat(result.height()).isEqualTo(1200);
        assertThat(result.sharpness())
                .isGreaterThan(ImageVerification.Settings.defaults().blurThreshold());
        var thumbnail = TestImages.decode(result.thumbnailJpeg());
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
    }

    @Test
    void aBlurredPhotoIsFlaggedBlurry() {
        var sharp = verification.verify(TestImages.aSharpDocumentJpeg());

        var blurred = verification.verify(TestImages.aBlurredDocumentJpeg());

        assertThat(blurred.flags()).as(blurred::toString).containsExactly(QualityFlag.BLURRY);
        assertThat(blurred.sharpness()).isLessThan(sharp.sharpness() / 5);
        assertThat(blurred.hasThumbnail()).isTrue();
    }

    @Test
    void aDarkPhotoIsFlaggedTooDarkButNotBlurry() {
        var result = verification.verify(TestImages.aDarkDocumentJpeg());

        assertThat(result.flags()).as(result::toString).containsExactly(QualityFlag.TOO_DARK);
        assertThat(result.meanLuminance()).isLessThan(30);
    }

    @Test
    void aSmallPhotoIsFlaggedLowResolutionButNotBlurry() {
        var result = verification.verify(TestImages.aLowResolutionJpeg());

        assertThat(result.flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
        assertThat(TestImages.decode(result.thumbnailJpeg()).getWidth()).isEqualTo(320);
    }

    @Test
    void aJpegCutShortButClosedPassesIntakeAndIsFoundCorruptHere() {
        var upload = TestImages.aJpegCutShortButClosed();
        assertThat(new ImageIntake(ImageIntake.Limits.defaults()).check(upload, TestImages.LIMIT))
                .isInstanceOf(AcceptedImage.class);

        var result = verification.verify(upload);

        assertThat(result.flags()).contains(QualityFlag.CORRUPT);
        assertThat(result.corrupt()).isTrue();
    }

    @Test
    void aTruncatedJpegIsCorrupt() {
        assertThat(verification.verify(TestImages.aTruncatedJpeg()).corrupt()).isTrue();
    }

    @Test
    void aPngWithUndecodableImageDataIsCorrupt() {
        var garbage = new byte[2000];
        Arrays.fill(garbage, (byte) 0x5A);
        var png = TestImages.concat(
                TestImages.pngSignature(),
                Arrays.copyOfRange(TestImages.aPng(), 8, 8 + 25),
                TestImages.chunk("IDAT", garbage),
                TestImages.chunk("IEND", new byte[0]));

        var result = verification.verify(png);

        assertThat(result.flags()).containsExactly(QualityFlag.CORRUPT);
        assertThat(result.hasThumbnail()).isFalse();
    }

    @Test
    void neverDecodesAPixelFloodOrAPngBomb() {
        assertThat(verification.verify(TestImages.aPixelFloodJpeg()).corrupt()).isTrue();
        assertThat(verification.verify(TestImages.aPngBomb()).corrupt()).isTrue();
    }

    @ParameterizedTest(name = "damaged image {index}")
    @MethodSource("cn.qualify.materials.ImageIntakeTests#damagedUploads")
    void aDamagedImageGetsAResultButNeverFails(int index, byte[] damaged) {
        var result = verification.verify(damaged);

        assertThat(result.corrupt() || result.hasThumbnail()).isTrue();
    }

    @Test
    void somethingThatIsNotAnImageIsCorrupt() {
        assertThat(verification.verify(TestImages.anSvgRenamedPng()).flags()).containsExactly(QualityFlag.CORRUPT);
    }

    @Test
    void readsTheStoredSamplesOnlyOfJpegsKnownToHoldYCbCrOrGrey() {
        var jpeg = TestImages.aPhoneJpeg();

        assertThat(JpegStructure.storedColours(jpeg)).isEqualTo(JpegStructure.StoredColours.YCBCR);
        assertThat(JpegStructure.storedColours(aGreyJpeg())).isEqualTo(JpegStructure.StoredColours.GREY);
        assertThat(JpegStructure.storedColours(withAdobeTransform(jpeg, 1)))
                .isEqualTo(JpegStructure.StoredColours.YCBCR);
        assertThat(JpegStructure.storedColours(withAdobeTransform(jpeg, 0)))
                .isEqualTo(JpegStructure.StoredColours.OTHER);
        assertThat(JpegStructure.storedColours(withSrgbProfile(jpeg))).isEqualTo(JpegStructure.StoredColours.OTHER);
    }

    @Test
    void theStoredSamplesAndTheConvertedPictureMeasureAlike() {
        // An sRGB profile sends the same picture the general way: decoded to RGB by the reader.
        for (var upload : List.of(
                TestImages.aSharpDocumentJpeg(), TestImages.aBlurredDocumentJpeg(), TestImages.aDarkDocumentJpeg())) {
            var asStored = verification.verify(upload);
            var converted = verification.verify(withSrgbProfile(upload));

            assertThat(converted.flags()).isEqualTo(asStored.flags());
            assertThat(converted.sharpness()).isCloseTo(asStored.sharpness(), withinPercentage(3));
            assertThat(converted.meanLuminance()).isCloseTo(asStored.meanLuminance(), within(1.0));
        }
    }

    @Test
    void theThumbnailKeepsTheColoursWhicheverWayThePictureIsDecoded() {
        var scene = TestImages.aSceneWithColouredCorners(1600, 1200);
        var jpeg = TestImages.jpeg(scene, 0.9f);

        for (var upload : List.of(jpeg, withSrgbProfile(jpeg), TestImages.png(scene))) {
            var thumbnail = TestImages.decode(verification.verify(upload).thumbnailJpeg());

            assertThat(thumbnail.getWidth()).isEqualTo(320);
            assertColour(thumbnail.getRGB(20, 20), Color.RED);
            assertColour(thumbnail.getRGB(300, 20), Color.GREEN);
            assertColour(thumbnail.getRGB(20, 220), Color.BLUE);
            assertColour(thumbnail.getRGB(300, 220), Color.YELLOW);
        }
    }

    @Test
    void aGreyJpegIsMeasuredAsItsColourTwin() {
        var grey = verification.verify(aGreyJpeg());
        var colour = verification.verify(TestImages.aSharpDocumentJpeg());

        assertThat(grey.flags()).as(grey::toString).isEmpty();
        assertThat(grey.meanLuminance()).isCloseTo(colour.meanLuminance(), within(1.5));
        assertThat(grey.sharpness()).isCloseTo(colour.sharpness(), withinPercentage(5));
        var pixel = new Color(TestImages.decode(grey.thumbnailJpeg()).getRGB(160, 120));
        assertThat(pixel.getRed()).isEqualTo(pixel.getGreen()).isEqualTo(pixel.getBlue());
    }

    /** The sharp document as a one-component JPEG, its grey the Rec. 601 luma of the colour picture. */
    static byte[] aGreyJpeg() {
        var document = TestImages.aDocument(1600, 1200);
        var grey = new BufferedImage(1600, 1200, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1600; x++) {
                var c = new Color(document.getRGB(x, y));
                grey.getRaster()
                        .setSample(
                                x, y, 0, Math.round(0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()));
            }
        }
        return TestImages.jpeg(grey, 0.85f);
    }

    static byte[] withSrgbProfile(byte[] jpeg) {
        var profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        var payload =
                TestImages.concat("ICC_PROFILE".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1, 1}, profile);
        return TestImages.insertAfterSoi(jpeg, TestImages.segment(0xE2, payload));
    }

    static byte[] withAdobeTransform(byte[] jpeg, int transform) {
        var payload = new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        return TestImages.insertAfterSoi(jpeg, TestImages.segment(0xEE, payload));
    }

    private static void assertColour(int rgb, Color expected) {
        var actual = new Color(rgb);
        assertThat(actual.getRed()).as("red of %s", actual).isCloseTo(expected.getRed(), within(24));
        assertThat(actual.getGreen()).as("green of %s", actual).isCloseTo(expected.getGreen(), within(24));
        assertThat(actual.getBlue()).as("blue of %s", actual).isCloseTo(expected.getBlue(), within(24));
    }

    @Test
    void prefersTheTwelveMonkeysJpegReaderForItsCmykAndAdobeSupport() {
        assertThat(ImageCodecs.readerName(ImageFormat.JPEG)).startsWith("com.twelvemonkeys");
    }

    @Test
    void verifiesAStoredDocumentOnThePool() {
        var key = StorageKey.newKey(2025);
        store.put(key, TestImages.aBlurredDocumentJpeg());

        var result = verification.submit(key).join();

        assertThat(result.flags()).containsExactly(QualityFlag.BLURRY);
    }

    @Test
    void aDocumentGoneBeforeItsTurnFailsTheFuture() {
        var future = verification.submit(StorageKey.newKey(2025));

        assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(DocumentNotFoundException.class);
    }

    @Test
    void refusesWorkAtOnceWhenTheQueueIsFull() throws Exception {
        var held = new HeldStore();
        var key = held.add();
        var oneThreadOneSlot = new ImageVerification(
                held,
                ImageIntake.Limits.defaults(),
                new ImageVerification.Settings(1, 1, 1000, 0.05, 50, 320, 40, 10, 0.9, 1));
        try {
            CompletableFuture<VerificationResult> running = oneThreadOneSlot.submit(key); // taken by the thread
            CompletableFuture<VerificationResult> waiting = oneThreadOneSlot.submit(key); // in the queue
            assertThat(oneThreadOneSlot.waiting()).isEqualTo(1);

            assertThatThrownBy(() -> oneThreadOneSlot.submit(key))
                    .isInstanceOf(VerificationQueueFullException.class)
                    .hasMessageContaining("1 waiting");

            held.release.countDown();
            assertThat(running.join().flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
            assertThat(waiting.join().flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
        } finally {
            held.release.countDown();
            oneThreadOneSlot.close();
        }
    }

    @Test
    void startsVerificationsAtThePeakOnlyAsOftenAsThePeakAllows() throws Exception {
        var now = new AtomicLong(1_700_000_000_000L);
        var pressure = new UploadPressure(now::get);
        var held = new HeldStore();
        var oneAtThePeak = twoThreadsYieldingAtThreeUploads(held, pressure);
        try {
            arrive(pressure, 3);
            var first = oneAtThePeak.submit(held.add());
            var second = oneAtThePeak.submit(held.add());
            awaitReads(held, 1);
            Thread.sleep(500); // five looks at the rate by the waiting thread
            assertThat(held.reads.get())
                    .as("verifications started within the peak's second")
                    .isEqualTo(1);

            now.addAndGet(1000); // still the peak (the last whole second had 3 uploads), and its next turn
            awaitReads(held, 2);

            held.release.countDown();
            assertThat(first.join().flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
            assertThat(second.join().flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
        } finally {
            held.release.countDown();
            oneAtThePeak.close();
        }
    }

    @Test
    void startsTheWaitingVerificationsOnceTheRushIsOver() throws Exception {
        var now = new AtomicLong(1_700_000_000_000L);
        var pressure = new UploadPressure(now::get);
        var held = new HeldStore();
        held.release.countDown(); // reads go through: only the turns hold verifications back
        var oneAtThePeak = twoThreadsYieldingAtThreeUploads(held, pressure);
        try {
            arrive(pressure, 3);
            var results = List.of(held.add(), held.add(), held.add()).stream()
                    .map(oneAtThePeak::submit)
                    .toList();
            awaitReads(held, 1);
            Thread.sleep(500);
            assertThat(held.reads.get())
                    .as("verifications started within the peak's second")
                    .isEqualTo(1);

            now.addAndGet(2000); // a whole second without uploads
            results.forEach(CompletableFuture::join);
            assertThat(held.reads.get()).isEqualTo(3);
        } finally {
            oneAtThePeak.close();
        }
    }

    @Test
    void runsOnEveryThreadBelowThePeakRate() throws Exception {
        var pressure = new UploadPressure();
        var held = new HeldStore();
        var twoThreads = twoThreadsYieldingAtThreeUploads(held, pressure);
        try {
            arrive(pressure, 2);
            twoThreads.submit(held.add());
            twoThreads.submit(held.add());

            awaitReads(held, 2);
        } finally {
            held.release.countDown();
            twoThreads.close();
        }
    }

    @Test
    void theIntakeCountsTheUploadsItChecks() throws Exception {
        var pressure = new UploadPressure();
        var intake = new ImageIntake(ImageIntake.Limits.defaults(), pressure);

        intake.check(new ByteArrayInputStream(TestImages.aLowResolutionJpeg()), -1, TestImages.LIMIT);
        intake.check(new ByteArrayInputStream(new byte[] {1, 2, 3}), -1, TestImages.LIMIT);

        assertThat(pressure.perSecond()).isEqualTo(2);
    }

    @Test
    void startsVerificationsAtThePeakOnlyOnceASecondWhileTheCoresAreBusy() throws Exception {
        var now = new AtomicLong(1_700_000_000_000L);
        var pressure = new UploadPressure(now::get);
        var held = new HeldStore();
        var fourAtThePeakOneWhenBusy = yieldingAtThreeUploads(held, pressure, () -> 0.95);
        try {
            arrive(pressure, 3);
            var first = fourAtThePeakOneWhenBusy.submit(held.add());
            var second = fourAtThePeakOneWhenBusy.submit(held.add());
            awaitReads(held, 1);

            now.addAndGet(300); // past the peak's next turn, not the busy machine's
            Thread.sleep(500);
            assertThat(held.reads.get())
                    .as("verifications started within the busy second")
                    .isEqualTo(1);

            now.addAndGet(700);
            awaitReads(held, 2);

            held.release.countDown();
            assertThat(first.join().flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
            assertThat(second.join().flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
        } finally {
            held.release.countDown();
            fourAtThePeakOneWhenBusy.close();
        }
    }

    @Test
    void startsVerificationsAtThePeaksPaceWhileTheCoresHaveRoomOrTheLoadIsUnknown() throws Exception {
        for (double load : new double[] {0.5, -1}) {
            var now = new AtomicLong(1_700_000_000_000L);
            var pressure = new UploadPressure(now::get);
            var held = new HeldStore();
            var fourAtThePeak = yieldingAtThreeUploads(held, pressure, () -> load);
            try {
                arrive(pressure, 3);
                fourAtThePeak.submit(held.add());
                fourAtThePeak.submit(held.add());
                awaitReads(held, 1);

                now.addAndGet(300); // the peak's next turn: a quarter of a second later
                awaitReads(held, 2);
            } finally {
                held.release.countDown();
                fourAtThePeak.close();
            }
        }
    }

    @Test
    void refusesMoreVerificationsForBusyCoresThanForThePeak() {
        assertThatThrownBy(() -> new ImageVerification.Settings(2, 10, 1000, 0.05, 50, 320, 3, 4, 0.9, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("busy-verifications");
        assertThatThrownBy(() -> new ImageVerification.Settings(2, 10, 1000, 0.05, 50, 320, 3, 4, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Two threads; at three uploads a second one verification a second; the machine's load unknown. */
    private static ImageVerification twoThreadsYieldingAtThreeUploads(DocumentStore store, UploadPressure pressure) {
        return twoThreadsYieldingAtThreeUploads(store, pressure, 1, () -> -1);
    }

    /** Two threads; at three uploads a second four verifications a second, one while the load is 0.9 or more. */
    private static ImageVerification yieldingAtThreeUploads(
            DocumentStore store, UploadPressure pressure, DoubleSupplier machineLoad) {
        return twoThreadsYieldingAtThreeUploads(store, pressure, 4, machineLoad);
    }

    private static ImageVerification twoThreadsYieldingAtThreeUploads(
            DocumentStore store, UploadPressure pressure, int peakVerifications, DoubleSupplier machineLoad) {
        return new ImageVerification(
                store,
                ImageIntake.Limits.defaults(),
                new ImageVerification.Settings(2, 10, 1000, 0.05, 50, 320, 3, peakVerifications, 0.9, 1),
                pressure,
                machineLoad);
    }

    private static void arrive(UploadPressure pressure, int uploads) {
        for (int upload = 0; upload < uploads; upload++) {
            pressure.arrived();
        }
    }

    private static void awaitReads(HeldStore store, int expected) throws InterruptedException {
        for (int look = 0; look < 600 && store.reads.get() < expected; look++) {
            Thread.sleep(50);
        }
        assertThat(store.reads.get()).isEqualTo(expected);
    }

    /** A store of low-resolution JPEGs whose reads wait until {@link #release} opens, counting the reads begun. */
    static class HeldStore extends InMemoryStore {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger reads = new AtomicInteger();

        StorageKey add() {
            var key = StorageKey.newKey(2025);
            put(key, TestImages.aLowResolutionJpeg());
            return key;
        }

        @Override
        public byte[] get(StorageKey key) {
            reads.incrementAndGet();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.get(key);
        }
    }

    @Test
    void refusesWorkAfterClosing() {
        verification.close();

        assertThatIllegalStateException().isThrownBy(() -> verification.submit(StorageKey.newKey(2025)));
    }

    /** A store in a map, for tests that are not about storage. */
    static class InMemoryStore implements DocumentStore {
        private final java.util.Map<StorageKey, byte[]> documents = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public StoredDocument put(StorageKey key, byte[] content) {
            if (documents.putIfAbsent(key, content.clone()) != null) {
                throw new IllegalStateException("exists: " + key);
            }
            return new StoredDocument(key, content);
        }

        @Override
        public byte[] get(StorageKey key) {
            var content = documents.get(key);
            if (content == null) {
                throw new DocumentNotFoundException(key);
            }
            return content.clone();
        }

        @Override
        public InputStream open(StorageKey key) {
            return new java.io.ByteArrayInputStream(get(key));
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
            return ImageIntake.sha256(get(key)).equals(sha256);
        }
    }
}
