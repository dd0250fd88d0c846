package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.Applications;
import cn.qualify.application.ImageCheck;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import cn.qualify.application.MaterialImage.StoredImage;
import cn.qualify.identity.Account;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.TestImages;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The background verification for real: images uploaded over HTTP go through the bounded pool (full decode, quality
 * checks, thumbnail), the result lands in {@code image_check}, and the candidate's API and page show the warning
 * within seconds; images that never reached the pool are found by the ShedLock-guarded sweep. Polls with a
 * deadline instead of sleeping a fixed time. The same context as {@link CandidateJourneyIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRegistrations.class)
class BackgroundVerificationIntegrationTests {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final Pattern IMAGE_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Applications applications;

    @Autowired
    ImageChecks checks;

    @Autowired
    VerificationDispatcher dispatcher;

    @Autowired
    DocumentStore documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Account candidate;
    CandidateClient browser;

    @BeforeEach
    void aRegisteredBachelorLoggedIn() {
        var signedIn = SignedInCandidate.aRegisteredBachelor(context, port);
        candidate = signedIn.account();
        browser = signedIn.browser();
    }

    @Test
    void blurredAndDarkPhotosAreFlaggedOnTheApiAndThePageWithinSeconds() {
        var blurred = upload("DIPLOMA", TestImages.aBlurredDocumentJpeg());
        var dark = upload("ID_PROOF", TestImages.aDarkDocumentJpeg());
        var sharp = upload("ID_PROOF", TestImages.aSharpDocumentJpeg());

        var blurredJson = awaitChecked(blurred);
        assertThat(blurredJson).contains("\"BLURRY\"", "图片可能模糊，请重新拍摄");
        assertThat(awaitChecked(dark)).contains("\"TOO_DARK\"", "图片太暗，请在光线充足处重新拍摄");
        assertThat(awaitChecked(sharp)).contains("\"flags\":[]", "\"warnings\":[]");

        var row = checkOf(blurred);
        assertThat(row.flags()).contains("BLURRY");
        assertThat(row.thumbnailKey()).isNotNull();
        assertThat(documents.exists(StorageKey.of(row.thumbnailKey()))).isTrue();
        var thumbnail = browser.getBytes("/candidate/images/" + blurred + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        var decoded = TestImages.decode(thumbnail.body());
        assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isEqualTo(320);

        var page = browser.get("/candidate/materials").body();
        assertThat(page).contains("图片可能模糊，请重新拍摄", "图片太暗，请在光线充足处重新拍摄");
        var card = browser.htmx("/candidate/materials/DIPLOMA");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body())
                .contains("图片可能模糊，请重新拍摄")
                .as("a checked card stops polling")
                .doesNotContain("every 3s");
        var english = browser.get("/api/v1/candidate/application?lang=en").body();
        assertThat(english).contains("The image may be blurred; please take the photo again");
    }

    @Test
    void anImageFoundCorruptAtFullDecodeIsMarkedAndTheCandidateTold() {
        // closed with an end marker, so the intake's structure check lets it pass; only the full decode finds the rest
        var corrupt = upload("DIPLOMA", TestImages.aJpegCutShortButClosed());

        assertThat(awaitChecked(corrupt)).contains("\"CORRUPT\"", "图片已损坏，请删除后重新上传");
        var row = checkOf(corrupt);
        assertThat(row.isCorrupt()).isTrue();
        assertThat(browser.get("/candidate/materials").body()).contains("图片已损坏，请删除后重新上传");
        assertThat(browser.api("DELETE", "/api/v1/candidate/images/" + corrupt).statusCode())
                .as("the candidate can remove it while the draft is open")
                .isEqualTo(204);
    }

    @Test
    void theSweepPicksUpImagesThatNeverReachedThePool() {
        assertThat(browser.api("GET", "/api/v1/candidate/application").statusCode())
                .isEqualTo(200);
        // stored and added as an upload does, but never handed to the pool: the pool was full, or the node died
        var dark = storeWithoutVerification("ID_PROOF", TestImages.aDarkDocumentJpeg());
        var sharp = storeWithoutVerification("ID_PROOF", TestImages.aSharpDocumentJpeg());
        var corrupt = storeWithoutVerification("DIPLOMA", TestImages.aJpegCutShortButClosed());
        var missing = storeWithoutVerification("INSTITUTION_LICENSE", TestImages.aPhoneJpeg());
        documents.delete(StorageKey.of(missing.storageKey()));
        var keys = List.of(dark.storageKey(), sharp.storageKey(), corrupt.storageKey(), missing.storageKey());
        // No check that they wait unchecked first: the node's own scheduled sweep may already be at them.

        var results = await(
                () -> {
                    dispatcher.sweep();
                    return checks.of(keys);
                },
                found -> found.size() == keys.size());

        assertThat(results.get(dark.storageKey()).flags()).contains("TOO_DARK");
        assertThat(results.get(sharp.storageKey()).flags()).isEmpty();
        assertThat(results.get(sharp.storageKey()).thumbnailKey()).isNotNull();
        assertThat(results.get(corrupt.storageKey()).flags()).containsExactly("CORRUPT");
        assertThat(results.get(missing.storageKey()).flags())
                .as("a document that is gone is marked, not retried forever")
                .containsExactly("CORRUPT");
        assertThat(checks.unchecked(100_000)).doesNotContainAnyElementsOf(keys);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'image-verification-sweep'")
                        .query(Long.class)
                        .single())
                .as("the sweep runs under its ShedLock lock")
                .isEqualTo(1);

        var api = browser.api("GET", "/api/v1/candidate/application").body();
        assertThat(imageJson(api, dark.id())).contains("图片太暗，请在光线充足处重新拍摄");
        assertThat(imageJson(api, corrupt.id())).contains("图片已损坏，请删除后重新上传");
    }

    private UUID upload(String material, byte[] image) {
        var answer = browser.uploadWithApi(material, "photo.jpg", image);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("\"checked\":false");
        var matcher = IMAGE_ID.matcher(answer.body());
        assertThat(matcher.find()).isTrue();
        return UUID.fromString(matcher.group(1));
    }

    /** The image's JSON once the API says its check has finished. */
    private String awaitChecked(UUID imageId) {
        return await(
                () -> imageJson(
                        browser.api("GET", "/api/v1/candidate/application").body(), imageId),
                json -> json.contains("\"checked\":true"));
    }

    private static String imageJson(String application, UUID imageId) {
        var matcher = Pattern.compile("\\{\"id\":\"" + imageId + "\"[^{}]*}").matcher(application);
        assertThat(matcher.find()).as("image " + imageId + " in " + application).isTrue();
        return matcher.group();
    }

    private ImageCheck checkOf(UUID imageId) {
        var key = applications
                .ofCandidate(String.valueOf(candidate.id()), 2025)
                .orElseThrow()
                .currentImage(imageId)
                .orElseThrow()
                .storageKey();
        return checks.of(List.of(key)).get(key);
    }

    private MaterialImage storeWithoutVerification(String material, byte[] bytes) {
        var key = StorageKey.newKey(2025);
        documents.put(key, bytes);
        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        var image = application.addImage(
                material, new StoredImage(key.value(), sha256(bytes), bytes.length, 1600, 1200), 5, clock.instant());
        applications.save(application);
        return image;
    }

    private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime())
                    .as("not done within " + WITHIN + ": " + last)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = probe.get();
        }
        return last;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
