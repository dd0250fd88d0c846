package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.Actor;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialReview;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.TestImages;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The candidate's journey against the running server, over real HTTP with real multipart uploads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRegistrations.class)
class CandidateJourneyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Applications applications;

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
    void uploadsSubmitsIsReturnedReplacesAndResubmits() throws Exception {
        var page = browser.get("/candidate/materials");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("有效身份证明", "毕业证书", "已传 0/3");

        for (int i = 0; i < 3; i++) {
            assertThat(browser.uploadWithApi("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg())
                            .statusCode())
                    .isEqualTo(201);
        }
        var fourth = browser.uploadWithApi("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg());
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(fourth.body()).contains("最多上传 3 张");

        var early = browser.api("POST", "/api/v1/candidate/application/submit");
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body()).contains("毕业证书");
        assertThat(state()).isEqualTo(ApplicationState.DRAFT);

        var viaForm = browser.uploadWithForm("DIPLOMA", "diploma.jpg", TestImages.aPhoneJpeg());
        assertThat(viaForm.statusCode()).isEqualTo(302);
        assertThat(viaForm.headers().firstValue("Location").orElseThrow()).contains("/candidate/materials");
        browser.uploadWithApi("PROBATION_ASSESSMENT", "p.jpg", TestImages.aPhoneJpeg());
        browser.uploadWithApi("INSTITUTION_LICENSE", "l1.jpg", TestImages.aPhoneJpeg());
        browser.uploadWithApi("INSTITUTION_LICENSE", "l2.png", TestImages.aPng());

        var submitted = browser.postForm("/candidate/submit", java.util.Map.of());
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("/candidate");
        assertThat(browser.get("/candidate").body()).contains("上报完成，内容已锁定");
        assertThat(state()).isEqualTo(ApplicationState.SUBMITTED);

        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        var idImage = application.currentImages("ID_PROOF").get(0);
        assertThat(browser.api("DELETE", "/api/v1/candidate/images/" + idImage.id())
                        .statusCode())
                .isEqualTo(409);
        assertThat(browser.uploadWithApi("OTHER", "x.jpg", TestImages.aPhoneJpeg())
                        .statusCode())
                .isEqualTo(409);

        var reviewer = new Actor("r-2101", "沈阳审核员");
        application.reviewMaterial(new MaterialReview(
                "DIPLOMA",
                MaterialReview.Verdict.REPLACEMENT_REQUESTED,
                List.of("UNCLEAR"),
                "钢印不清晰，请重新拍摄",
                "内部备注",
                reviewer,
                clock.instant(),
                0));
        application.returnForRevision(reviewer, clock.instant().plus(Duration.ofDays(5)), clock.instant());
        applications.save(application);

        var returned = browser.get("/api/v1/candidate/application");
        assertThat(returned.body()).contains("\"state\":\"RETURNED\"", "钢印不清晰", "UNCLEAR");
        assertThat(returned.body()).doesNotContain("内部备注");
        assertThat(browser.get("/candidate/materials").body()).contains("需更换", "不清晰");

        var oldDiploma = applications
                .byId(application.id())
                .orElseThrow()
                .currentImages("DIPLOMA")
                .get(0);
        assertThat(browser.api("DELETE", "/api/v1/candidate/images/" + idImage.id())
                        .statusCode())
                .isEqualTo(409);
        assertThat(browser.api("DELETE", "/api/v1/candidate/images/" + oldDiploma.id())
                        .statusCode())
                .isEqualTo(204);
        assertThat(browser.uploadWithApi("DIPLOMA", "d2.jpg", TestImages.aSharpDocumentJpeg())
                        .statusCode())
                .isEqualTo(201);
        var resubmitted = browser.api("POST", "/api/v1/candidate/application/submit");
        assertThat(resubmitted.statusCode()).isEqualTo(200);
        assertThat(state()).isEqualTo(ApplicationState.SUBMITTED);

        var after = applications.byId(application.id()).orElseThrow();
        assertThat(after.allImages()).anyMatch(image -> image.id().equals(oldDiploma.id()) && !image.isCurrent());
        assertThat(browser.getBytes("/candidate/images/" + oldDiploma.id()).statusCode())
                .as("the earlier version stays readable to its owner")
                .isEqualTo(200);
    }

    @Test
    void anotherCandidatesImageIsNotFound() {
        browser.uploadWithApi("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg());
        var image = applications
                .ofCandidate(String.valueOf(candidate.id()), 2025)
                .orElseThrow()
                .currentImages("ID_PROOF")
                .get(0);
        var other = IdentityFixtures.aCandidate(context);
        TestRegistrations.register(other.id(), TestRegistrations.aBachelorAtAGeneralHospital());
        var otherBrowser = new CandidateClient(port).logIn(other.loginName(), IdentityFixtures.PASSWORD);
        assertThat(otherBrowser.getBytes("/candidate/images/" + image.id()).statusCode())
                .isEqualTo(404);
        assertThat(otherBrowser
                        .getBytes("/api/v1/candidate/images/" + image.id())
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherBrowser
                        .api("DELETE", "/api/v1/candidate/images/" + image.id())
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.getBytes("/candidate/images/" + image.id()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void materialsOutsideTheChecklistAreListedByNameUntilOpenedOrUsed() {
        var otherForm = "action=\"/candidate/materials/STUDENT_ID/images\"";
        var otherLink = "href=\"/candidate/materials?other=STUDENT_ID#material-STUDENT_ID\"";
        var page = browser.get("/candidate/materials").body();
        assertThat(page)
                .as("the section of materials outside the checklist is a title until opened")
                .contains("action=\"/candidate/materials/DIPLOMA/images\"", "id=\"other-materials\"")
                .contains(
                        "hx-get=\"/candidate/materials/others\"",
                        "href=\"/candidate/materials?others=all#other-materials\"")
                .doesNotContain("id=\"material-STUDENT_ID\"", otherLink, otherForm, "id=\"other-materials\" open");

        var listed = browser.htmx("/candidate/materials/others");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body())
                .as("opened, the section lists each material as a name and a link, not a card with an upload form")
                .contains("id=\"material-STUDENT_ID\"", otherLink, "hx-get=\"/candidate/materials/STUDENT_ID\"")
                .doesNotContain(otherForm, "action=\"/candidate/materials/DIPLOMA/images\"", "<html");
        assertThat(browser.get("/candidate/materials?others=all").body())
                .as("without script the section's link lists them in the page")
                .contains(otherLink, "action=\"/candidate/materials/DIPLOMA/images\"")
                .doesNotContain(otherForm);

        assertThat(browser.htmx("/candidate/materials/STUDENT_ID").body())
                .as("htmx swaps the link for the card")
                .contains(otherForm);
        assertThat(browser.get("/candidate/materials?other=STUDENT_ID").body())
                .as("without script the link opens the page with that card")
                .contains(otherForm, "id=\"other-materials\" open");
        var unknown = browser.get("/candidate/materials?other=NOT_A_MATERIAL");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).doesNotContain(otherForm);

        assertThat(browser.uploadWithApi("STUDENT_ID", "x.jpg", TestImages.aPhoneJpeg())
                        .statusCode())
                .isEqualTo(201);
        assertThat(browser.get("/candidate/materials").body())
                .as("a material holding images is shown in full, in an open section")
                .contains(otherForm, "id=\"other-materials\" open", "已传 1/")
                .contains("href=\"/candidate/materials?other=DEGREE_CERTIFICATE#material-DEGREE_CERTIFICATE\"");
    }

    @Nested
    class RefusedUploads {

        @Test
        void eachBadFileIsRefusedWithAReasonAndStoresNothing() {
            browser.uploadWithApi("DIPLOMA", "ok.jpg", TestImages.aPhoneJpeg());
            long storedBefore = storedImageRows();

            assertRefused(TestImages.aTruncatedJpeg(), "id.jpg", 422, "不完整");
            assertRefused(TestImages.aGifRenamedJpg(), "id.jpg", 415, "JPG");
            assertRefused(TestImages.anSvgRenamedPng(), "id.png", 415, "JPG");
            assertRefused(TestImages.aPixelFloodJpeg(), "id.jpg", 422, "尺寸");
            assertRefused(TestImages.aPngBomb(), "id.png", 422, "尺寸");
            assertRefused(TestImages.aJpegOf205Kilobytes(), "big.jpg", 413, "200 KB");

            assertThat(storedImageRows()).isEqualTo(storedBefore);
            assertThat(currentImages("DIPLOMA")).hasSize(1);
            assertThat(currentImages("ID_PROOF")).isEmpty();
        }

        @Test
        void anEmptyFileIsAskedForAgainAndStoresNothing() {
            long storedBefore = storedImageRows();

            var answer = browser.uploadWithApi("ID_PROOF", "empty.jpg", new byte[0]);
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("请先选择一张图片");
            var page = browser.uploadWithForm("ID_PROOF", "empty.jpg", new byte[0]);
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(browser.get("/candidate/materials").body()).contains("请先选择一张图片");

            assertThat(storedImageRows()).isEqualTo(storedBefore);
            assertThat(currentImages("ID_PROOF")).isEmpty();
        }

        @Test
        void aBodyThatIsNotWellFormedMultipartIsAskedForAgainAndStoresNothing() {
            browser.uploadWithApi("DIPLOMA", "ok.jpg", TestImages.aPhoneJpeg());
            long storedBefore = storedImageRows();
            var photo = TestImages.aPhoneJpeg();
            var head = ("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"id.jpg\"\r\n"
                            + "Content-Type: image/jpeg\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            var cutOff = Arrays.copyOf(head, head.length + photo.length);
            System.arraycopy(photo, 0, cutOff, head.length, photo.length);
            var onlyAField = "--f\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--f--\r\n"
                    .getBytes(StandardCharsets.UTF_8);

            for (var answer : List.of(
                    browser.postToUploadApi("ID_PROOF", "multipart/form-data; boundary=cut", cutOff),
                    browser.postToUploadApi("ID_PROOF", "multipart/form-data", cutOff),
                    browser.postToUploadApi("ID_PROOF", "multipart/form-data; boundary=f", onlyAField))) {
                assertThat(answer.statusCode()).isEqualTo(400);
                assertThat(answer.body()).contains("请求中没有“file”部分").contains("\"part\":\"file\"");
            }
            assertThat(storedImageRows()).isEqualTo(storedBefore);
            assertThat(currentImages("ID_PROOF")).isEmpty();
        }

        @Test
        void aBodyFarOverTheLimitIsRefusedBeforeItIsRead() {
            var answer = browser.uploadWithApi("ID_PROOF", "huge.jpg", new byte[1_000_000]);
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.body()).contains("200 KB");
            var page = browser.uploadWithForm("ID_PROOF", "huge.jpg", new byte[1_000_000]);
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location").orElseThrow()).contains("tooLarge");
            assertThat(browser.get("/candidate/materials?tooLarge").body()).contains("文件超过 200 KB");
        }

        @Test
        void aRotatedPhotoIsStoredUprightAndAGpsTagIsRemoved() throws Exception {
            assertThat(browser.uploadWithApi("ID_PROOF", "rotated.jpg", TestImages.anExifRotatedJpeg())
                            .statusCode())
                    .isEqualTo(201);
            assertThat(browser.uploadWithApi("ID_PROOF", "gps.jpg", TestImages.aPhoneJpegWithGps())
                            .statusCode())
                    .isEqualTo(201);
            var images = currentImages("ID_PROOF");
            var rotated = images.get(0);
            assertThat(rotated.height()).isGreaterThan(rotated.width());
            var gpsFree = documents.get(StorageKey.of(images.get(1).storageKey()));
            var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(gpsFree));
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        }

        private void assertRefused(byte[] file, String name, int status, String reason) {
            var answer = browser.uploadWithApi("ID_PROOF", name, file);
            assertThat(answer.statusCode()).as(name).isEqualTo(status);
            assertThat(answer.body()).as(name).contains(reason);
        }
    }

    private ApplicationState state() {
        return applications
                .ofCandidate(String.valueOf(candidate.id()), 2025)
                .orElseThrow()
                .state();
    }

    private List<cn.qualify.application.MaterialImage> currentImages(String material) {
        return applications
                .ofCandidate(String.valueOf(candidate.id()), 2025)
                .orElseThrow()
                .currentImages(material);
    }

    private long storedImageRows() {
        return jdbc.sql("SELECT COUNT(*) FROM application_image")
                .query(Long.class)
                .single();
    }
}
