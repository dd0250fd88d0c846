package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        var release = new CountDownLatch(1);
        var blocking = new InMemoryStore() {
            @Override
            public byte[] get(StorageKey key) {
                try {
                    release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.get(key);
            }
        };
        var key = StorageKey.newKey(2025);
        blocking.put(key, TestImages.aLowResolutionJpeg());
        var oneThreadOneSlot = new ImageVerification(
                blocking, ImageIntake.Limits.defaults(), new ImageVerification.Settings(1, 1, 1000, 0.05, 50, 320));
        try {
            CompletableFuture<VerificationResult> running = oneThreadOneSlot.submit(key); // taken by the thread
            CompletableFuture<VerificationResult> waiting = oneThreadOneSlot.submit(key); // in the queue
            assertThat(oneThreadOneSlot.waiting()).isEqualTo(1);

            assertThatThrownBy(() -> oneThreadOneSlot.submit(key))
                    .isInstanceOf(VerificationQueueFullException.class)
                    .hasMessageContaining("1 waiting");

            release.countDown();
            assertThat(running.join().flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
            assertThat(waiting.join().flags()).containsExactly(QualityFlag.LOW_RESOLUTION);
        } finally {
            release.countDown();
            oneThreadOneSlot.close();
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
            return new StoredDocument(key, ImageIntake.sha256(content), content.length);
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
