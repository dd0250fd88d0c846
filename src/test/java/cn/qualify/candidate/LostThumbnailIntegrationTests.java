package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.Actor;
import cn.qualify.application.Applications;
import cn.qualify.application.ImageCheck;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.TestImages;
import cn.qualify.materials.Thumbnails;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thumbnails are stored without waiting for the disk, so a crash of the machine may leave one missing, empty or cut
 * short. Here such a thumbnail is made on the filesystem store of the running server, and its readers over HTTP get
 * what they get for an image without a thumbnail (the candidate the image itself, the reviewer a 404 that the page
 * answers with a placeholder), never a broken image or a 500, while the flags stay; the image waits for
 * verification again, and the sweep makes the thumbnail anew. The same context as
 * {@link BackgroundVerificationIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRegistrations.class)
@ExtendWith(OutputCaptureExtension.class)
class LostThumbnailIntegrationTests {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final Pattern IMAGE_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final String SWEEP = "image-verification-sweep";

    @LocalServerPort
    int port;

    @Value("${qualify.documents.directory}")
    String directory;

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

    @AfterEach
    void sweepReleased() {
        releaseTheSweep();
    }

    @Test
    void aCandidateWhoseThumbnailACrashLeftEmptySeesTheImageItselfUntilItIsMadeAgain(CapturedOutput output)
            throws IOException {
        var imageId = uploadAndAwaitCheck(TestImages.aDarkDocumentJpeg());
        var image = imageOf(imageId);
        var thumbnailKey = checkOf(image).thumbnailKey();
        var url = "/candidate/images/" + imageId + "/thumbnail";
        assertIsTheThumbnail(browser.getBytes(url));

        Files.write(fileOf(thumbnailKey), new byte[0]);
        var first = browser.getBytes(url);
        var second = browser.getBytes(url);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(first.body())
                .as("the image itself stands in, as before its check made a thumbnail")
                .isEqualTo(documents.get(StorageKey.of(image.storageKey())));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isNotEmpty();
        assertThat(warningsAbout(output, thumbnailKey)).as("warned once").isEqualTo(1);
        assertThat(checkOf(image).flags()).containsExactly("TOO_DARK");

        awaitTrue(() -> {
            dispatcher.sweep();
            return checkOf(image).thumbnailKey() != null;
        });
        assertIsTheThumbnail(browser.getBytes(url));
        assertThat(Files.size(fileOf(thumbnailKey))).isPositive();
        assertThat(checkOf(image).flags()).containsExactly("TOO_DARK");
        assertThat(checks.unchecked(100_000)).doesNotContain(image.storageKey());
    }

    @Test
    void aReviewerGetsNotFoundForAThumbnailACrashLostThePageShowsAPlaceholderAndTheSweepMakesItAgain(
            CapturedOutput output) throws IOException {
        var imageId = uploadAndAwaitCheck(TestImages.aDarkDocumentJpeg());
        var image = imageOf(imageId);
        var thumbnailKey = checkOf(image).thumbnailKey();
        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        application.submit(List.of(), new Actor(String.valueOf(candidate.id()), "考生"), clock.instant());
        applications.save(application);
        var reviewer = IdentityFixtures.aStaffMember(context, Role.POINT_REVIEWER, application.examPointCode());
        var desk = new CandidateClient(port).logInAs(reviewer.loginName(), IdentityFixtures.PASSWORD, "/review");
        var page = "/review/applications/" + application.id();
        var url = page + "/images/" + imageId + "?thumbnail=true";
        assertIsTheThumbnail(desk.getBytes(url));
        assertThat(desk.get(page).body()).contains(imageId + "?thumbnail=true");
        // so that the scheduled sweep cannot make it again before the waiting state has been looked at
        holdTheSweep();

        Files.delete(fileOf(thumbnailKey));
        var first = desk.getBytes(url);
        var second = desk.getBytes(url);

        assertThat(first.statusCode()).isEqualTo(404);
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(warningsAbout(output, thumbnailKey)).as("warned once").isEqualTo(1);
        var waiting = checkOf(image);
        assertThat(waiting.thumbnailKey()).isNull();
        assertThat(waiting.flags()).as("the reviewer still sees the flags").containsExactly("TOO_DARK");
        assertThat(checks.unchecked(100_000)).contains(image.storageKey());
        var screen = desk.get(page);
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(screen.body()).contains("image-placeholder").doesNotContain(imageId + "?thumbnail=true");

        releaseTheSweep();
        awaitTrue(() -> {
            dispatcher.sweep();
            return checkOf(image).thumbnailKey() != null;
        });
        assertIsTheThumbnail(desk.getBytes(url));
        assertThat(desk.get(page).body()).contains(imageId + "?thumbnail=true");
        assertThat(checks.unchecked(100_000)).doesNotContain(image.storageKey());
    }

    @Test
    void aSecondVerificationRewritesAThumbnailACrashLeftEmptyOrCutShort() throws IOException {
        var imageId = uploadAndAwaitCheck(TestImages.aSharpDocumentJpeg());
        var image = imageOf(imageId);
        var thumbnail = StorageKey.of(checkOf(image).thumbnailKey());
        var whole = Files.readAllBytes(fileOf(thumbnail.value()));

        for (byte[] left : List.of(new byte[0], Arrays.copyOf(whole, whole.length / 2))) {
            Files.write(fileOf(thumbnail.value()), left);
            assertThat(Thumbnails.isWhole(documents, thumbnail)).isFalse();

            assertThat(dispatcher.verifySoon(StorageKey.of(image.storageKey()))).isTrue();

            awaitTrue(() -> Thumbnails.isWhole(documents, thumbnail));
            assertThat(Files.readAllBytes(fileOf(thumbnail.value()))).isEqualTo(whole);
        }
        assertIsTheThumbnail(browser.getBytes("/candidate/images/" + imageId + "/thumbnail"));
    }

    private UUID uploadAndAwaitCheck(byte[] photo) {
        var answer = browser.uploadWithApi("ID_PROOF", "photo.jpg", photo);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        var matcher = IMAGE_ID.matcher(answer.body());
        assertThat(matcher.find()).isTrue();
        var imageId = UUID.fromString(matcher.group(1));
        var image = imageOf(imageId);
        awaitTrue(() -> {
            var check = checks.of(List.of(image.storageKey())).get(image.storageKey());
            return check != null && check.thumbnailKey() != null;
        });
        return imageId;
    }

    private MaterialImage imageOf(UUID imageId) {
        return applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow().allImages().stream()
                .filter(image -> image.id().equals(imageId))
                .findFirst()
                .orElseThrow();
    }

    private ImageCheck checkOf(MaterialImage image) {
        return checks.of(List.of(image.storageKey())).get(image.storageKey());
    }

    private Path fileOf(String key) {
        return Path.of(directory).toAbsolutePath().normalize().resolve(key);
    }

    private static void assertIsTheThumbnail(HttpResponse<byte[]> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        var decoded = TestImages.decode(answer.body());
        assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isEqualTo(320);
    }

    private static long warningsAbout(CapturedOutput output, String thumbnailKey) {
        return output.getOut()
                .lines()
                .filter(line -> line.contains("WARN") && line.contains("Thumbnail " + thumbnailKey + " is missing"))
                .count();
    }

    /** Takes the sweep's ShedLock lock as another node would, so that neither the schedule nor a call runs it. */
    private void holdTheSweep() {
        var until = OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE shedlock SET lock_until = :until, locked_at = :now, locked_by = 'test'"
                        + " WHERE name = :name")
                .param("until", until)
                .param("now", now)
                .param("name", SWEEP)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by)"
                            + " VALUES (:name, :until, :now, 'test')")
                    .param("until", until)
                    .param("now", now)
                    .param("name", SWEEP)
                    .update();
        }
    }

    private void releaseTheSweep() {
        jdbc.sql("UPDATE shedlock SET lock_until = :past WHERE name = :name AND locked_by = 'test'")
                .param("past", OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .param("name", SWEEP)
                .update();
    }

    private static void awaitTrue(BooleanSupplier done) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not done within " + WITHIN).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
