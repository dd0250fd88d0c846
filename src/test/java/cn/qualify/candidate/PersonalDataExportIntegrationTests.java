package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qualify.application.Actor;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialReview;
import cn.qualify.audit.AuditTrail;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.materials.DamagedDocuments;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The copy of a candidate's personal data (PIPL) over real HTTP, on the candidate journey's context: what it
 * holds, what it leaves out, who may ask for it, and that every export is audited and logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRegistrations.class)
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataExportIntegrationTests {

    @LocalServerPort
    int port;

    @Value("${qualify.documents.directory}")
    String directory;

    @Autowired
    ApplicationContext context;

    @Autowired
    Applications applications;

    @Autowired
    DocumentStore documents;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    Account candidate;
    CandidateClient browser;

    @BeforeEach
    void aCandidateWhoseDiplomaWasReturned() {
        var signedIn = SignedInCandidate.aRegisteredBachelor(context, port);
        candidate = signedIn.account();
        browser = signedIn.browser();
        browser.uploadTheChecklistAndSubmit();
        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        application.reviewMaterial(new MaterialReview(
                "DIPLOMA",
                MaterialReview.Verdict.REPLACEMENT_REQUESTED,
                List.of("UNCLEAR"),
                "钢印不清晰，请重新拍摄",
                "内部备注：疑似翻拍",
                new Actor("r-2101", "沈阳审核员甲"),
                clock.instant(),
                0));
        applications.save(application);
    }

    @Test
    void theCandidateDownloadsEverythingKeptAboutThemButNoStaffNotes(CapturedOutput output) throws IOException {
        var page = browser.get("/candidate/personal-data");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("我的个人信息", "/candidate/personal-data.zip");
        assertThat(browser.get("/candidate").body()).contains("/candidate/personal-data");

        var download = browser.getBytes("/candidate/personal-data.zip");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).contains("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("qualify-personal-data-");
        assertThat(download.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        var files = unzip(download.body());
        String data = new String(files.get("data.json"), StandardCharsets.UTF_8);
        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        assertThat(data)
                .contains(candidate.loginName(), candidate.displayName(), application.number())
                .contains("210102199503120011", "中国医科大学") // the registration info
                .contains("钢印不清晰，请重新拍摄", "UNCLEAR", "REPLACEMENT_REQUESTED")
                .doesNotContain("内部备注", "沈阳审核员甲", "r-2101");
        var images = application.allImages();
        assertThat(images).hasSize(7);
        for (var image : images) {
            var inZip = files.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("documents/2025/" + image.material() + "/" + image.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(inZip.getValue()).isEqualTo(documents.get(StorageKey.of(image.storageKey())));
            assertThat(data).contains(inZip.getKey(), image.sha256());
        }
        assertThat(files.keySet()).anyMatch(name -> name.endsWith(".png")).anyMatch(name -> name.endsWith(".jpg"));

        assertThat(audit.ofApplication(application.id()))
                .anyMatch(entry -> entry.action().equals("PERSONAL_DATA_EXPORTED")
                        && entry.actorId().equals(String.valueOf(candidate.id()))
                        && entry.details().contains("zip"));
        assertThat(output.getAll()).contains("Document sent: /candidate/personal-data.zip");
    }

    @Test
    void anImageWhoseCopyCannotBeReadIsLeftOutAndNamedTheRestIsExported(CapturedOutput output) throws IOException {
        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        var damaged = application.allImages().get(0);
        var lost = application.allImages().get(1);
        DamagedDocuments.encryptUnderARetiredKey(directory, damaged.storageKey());
        documents.delete(StorageKey.of(lost.storageKey()));

        var download = browser.getBytes("/candidate/personal-data.zip");

        assertThat(download.statusCode()).isEqualTo(200);
        var files = unzip(download.body());
        assertThat(files.keySet())
                .noneMatch(name -> name.contains(damaged.id().toString())
                        || name.contains(lost.id().toString()))
                .filteredOn(name -> name.startsWith("documents/"))
                .hasSize(application.allImages().size() - 2);
        var data = JsonMapper.builder().build().readTree(files.get("data.json"));
        var unreadable = new ArrayList<String>();
        data.get("applications").get(0).get("documents").forEach(document -> {
            if (document.get("fileUnreadable").asBoolean()) {
                unreadable.add(document.get("id").asString());
                assertThat(document.path("file").isNull()
                                || document.path("file").isMissingNode())
                        .isTrue();
            }
        });
        assertThat(unreadable)
                .containsExactlyInAnyOrder(damaged.id().toString(), lost.id().toString());
        assertThat(output.getOut()
                        .lines()
                        .filter(line -> line.contains("ERROR") && line.contains("left out of a personal data export")))
                .hasSize(2);
    }

    @Test
    void theApiGivesTheSameAsJsonAndAnotherCandidateOnlyTheirOwn() {
        var json = browser.get("/api/v1/candidate/personal-data");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains(candidate.loginName(), "钢印不清晰").doesNotContain("内部备注");

        var other = IdentityFixtures.aCandidate(context);
        var otherBrowser = new CandidateClient(port).logIn(other.loginName(), IdentityFixtures.PASSWORD);
        var theirs = otherBrowser.get("/api/v1/candidate/personal-data");
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(theirs.body()).contains(other.loginName()).doesNotContain(candidate.loginName(), "钢印不清晰");
        // no URL names another candidate's data for a candidate
        assertThat(otherBrowser
                        .getBytes("/admin/candidates/" + candidate.id() + "/personal-data.zip")
                        .statusCode())
                .isEqualTo(403);
        assertThat(otherBrowser
                        .get("/api/v1/admin/candidates/" + candidate.id() + "/personal-data")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdministratorExportsOneCandidateOnRequestAndItIsAudited() throws IOException {
        var admin = IdentityFixtures.aStaffMember(context, Role.ADMIN);
        var adminBrowser = new CandidateClient(port).logIn(admin.loginName(), IdentityFixtures.PASSWORD);

        assertThat(adminBrowser.get("/admin/accounts/" + candidate.id()).body())
                .contains("/admin/candidates/" + candidate.id() + "/personal-data.zip");
        var download = adminBrowser.getBytes("/admin/candidates/" + candidate.id() + "/personal-data.zip");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(unzip(download.body()).get("data.json"), StandardCharsets.UTF_8))
                .contains(candidate.loginName());
        var json = adminBrowser.get("/api/v1/admin/candidates/" + candidate.id() + "/personal-data");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains(candidate.loginName());

        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        assertThat(audit.ofApplication(application.id()))
                .filteredOn(entry -> entry.action().equals("PERSONAL_DATA_EXPORTED"))
                .anyMatch(entry -> entry.actorId().equals(String.valueOf(admin.id()))
                        && entry.details().contains("administrator " + admin.loginName()))
                .hasSizeGreaterThanOrEqualTo(2);

        // staff accounts hold no candidate data to export
        assertThat(adminBrowser
                        .getBytes("/admin/candidates/" + admin.id() + "/personal-data.zip")
                        .statusCode())
                .isEqualTo(404);
        // a reviewer is no administrator
        var reviewer = IdentityFixtures.aStaffMember(context, Role.DISTRICT_REVIEWER);
        var reviewerBrowser = new CandidateClient(port).logIn(reviewer.loginName(), IdentityFixtures.PASSWORD);
        assertThat(reviewerBrowser
                        .getBytes("/admin/candidates/" + candidate.id() + "/personal-data.zip")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void viewingOnesOwnImageIsLogged(CapturedOutput output) {
        var image = applications
                .ofCandidate(String.valueOf(candidate.id()), 2025)
                .orElseThrow()
                .currentImages("ID_PROOF")
                .get(0);
        var sent = browser.getBytes("/candidate/images/" + image.id());
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().firstValue("Content-Type").orElseThrow()).matches("image/(jpeg|png)");
        assertThat(sent.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(sent.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline; filename=\"" + image.id());
        // the server logs once the response has gone out, which can be after the client has read it
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(output.getAll()).contains("Document sent: /candidate/images/" + image.id()));
        var anotherCandidate = IdentityFixtures.aCandidate(context);
        var other = new CandidateClient(port).logIn(anotherCandidate.loginName(), IdentityFixtures.PASSWORD);
        assertThat(other.getBytes("/candidate/images/" + image.id()).statusCode())
                .isEqualTo(404);
        assertThat(output.getAll())
                .as("a refused request sends nothing")
                .containsOnlyOnce("Document sent: /candidate/images/" + image.id());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
