package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.Actor;
import cn.qualify.application.Application;
import cn.qualify.application.Applications;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.materials.DamagedDocuments;
import cn.qualify.materials.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
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

/**
 * A stored image that cannot be given back, on the filesystem store of the running server: encrypted under a master
 * key that is no longer configured, or gone. Its readers get a message saying what happened and what to do, in their
 * language, and the operators an error line naming the image; nobody gets a bare server error, and nothing else of
 * the application changes. The same context as {@link LostThumbnailIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRegistrations.class)
@ExtendWith(OutputCaptureExtension.class)
class UnreadableDocumentIntegrationTests {

    static final Pattern IMAGE_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

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
    void theCandidateIsToldToUploadAgainAnImageWhoseCopyCannotBeDecryptedOrIsGone(CapturedOutput output)
            throws IOException, InterruptedException {
        var image = upload();
        DamagedDocuments.encryptUnderARetiredKey(directory, image.storageKey());

        var page = browser.get("/candidate/images/" + image.id());
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("已丢失或损坏", "重新上传").doesNotContain("Exception", "retired");
        var api = browser.api("GET", "/api/v1/candidate/images/" + image.id());
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("已丢失或损坏").doesNotContain("retired");
        assertThat(errorsAbout(output, image.id()))
                .as("each read is logged for the operators")
                .isEqualTo(2);

        Files.delete(fileOf(image.storageKey()));
        var gone = browser.get("/candidate/images/" + image.id());
        assertThat(gone.statusCode()).isEqualTo(500);
        assertThat(gone.body()).contains("已丢失或损坏");

        assertThat(browser.get("/candidate/materials").body())
                .as("the page still lists the image, so that it can be deleted and uploaded again")
                .contains("/candidate/images/" + image.id());
        assertThat(current().allImages()).extracting(MaterialImage::id).contains(image.id());
    }

    @Test
    void aReviewerIsToldThatTheCopyFailedItsIntegrityCheck(CapturedOutput output)
            throws IOException, InterruptedException {
        var image = upload();
        var application = current();
        application.submit(List.of(), new Actor(String.valueOf(candidate.id()), "考生"), clock.instant());
        applications.save(application);
        var reviewer = IdentityFixtures.aStaffMember(context, Role.POINT_REVIEWER, application.examPointCode());
        var desk = new CandidateClient(port).logInAs(reviewer.loginName(), IdentityFixtures.PASSWORD, "/review");
        var url = "/review/applications/" + application.id() + "/images/" + image.id();
        assertThat(desk.getBytes(url).statusCode()).isEqualTo(200);

        DamagedDocuments.encryptUnderARetiredKey(directory, image.storageKey());
        var answer = desk.get(url);

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("未通过完整性校验").doesNotContain("Exception", "retired");
        assertThat(output.getOut()
                        .lines()
                        .filter(line -> line.contains("ERROR") && line.contains(image.storageKey()))
                        .count())
                .as("the operators learn which document")
                .isEqualTo(1);
        assertThat(desk.get("/review/applications/" + application.id()).statusCode())
                .as("the review screen itself still opens")
                .isEqualTo(200);
    }

    private MaterialImage upload() throws InterruptedException {
        var answer = browser.uploadWithApi("ID_PROOF", "photo.jpg", TestImages.aSharpDocumentJpeg());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        var matcher = IMAGE_ID.matcher(answer.body());
        assertThat(matcher.find()).isTrue();
        var imageId = UUID.fromString(matcher.group(1));
        var uploaded = current().allImages().stream()
                .filter(image -> image.id().equals(imageId))
                .findFirst()
                .orElseThrow();
        // the background check reads the copy too: let it finish first, so that only the readers below meet the damage
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (checks.of(List.of(uploaded.storageKey())).get(uploaded.storageKey()) == null) {
            assertThat(System.nanoTime()).as("checked within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        return uploaded;
    }

    private Application current() {
        return applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
    }

    private Path fileOf(String key) {
        return Path.of(directory).toAbsolutePath().normalize().resolve(key);
    }

    private static long errorsAbout(CapturedOutput output, UUID imageId) {
        return output.getOut()
                .lines()
                .filter(line -> line.contains("ERROR") && line.contains("Image " + imageId + " of a candidate"))
                .count();
    }
}
