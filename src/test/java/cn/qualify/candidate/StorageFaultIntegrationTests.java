package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.Actor;
import cn.qualify.application.Applications;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.materials.PendingDocuments;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.TestImages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults of the document store against the running server: the S3 endpoint goes down and comes back, and a node
 * dies between storing an upload's bytes and committing its row.
 */
class StorageFaultIntegrationTests extends S3IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Applications applications;

    @Autowired
    PendingDocuments pending;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Account candidate;
    CandidateClient browser;

    @BeforeEach
    void aRegisteredCandidateLoggedIn() {
        var signedIn = SignedInCandidate.aRegisteredBachelor(context, port);
        candidate = signedIn.account();
        browser = signedIn.browser();
    }

    @AfterEach
    void endpointBackUp() {
        S3.start();
    }

    @Test
    void uploadsGoEncryptedIntoThePrivateBucketAndComeBackOnlyThroughQualify() {
        var photo = TestImages.aPhoneJpeg();

        var uploaded = browser.uploadWithApi("ID_PROOF", "id.jpg", photo);

        assertThat(uploaded.statusCode()).isEqualTo(201);
        var image = onlyImage("ID_PROOF");
        var inBucket = S3.rawObject(image.storageKey());
        assertThat(inBucket).as("the object holds the encrypted document").startsWith('Q', 'E', 'N', 'C');

        var served = browser.getBytes("/candidate/images/" + image.id());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(photo);
    }

    @Test
    void whileTheEndpointIsDownUploadsAreRefusedWith503AndNothingIsHalfStored() {
        assertThat(browser.uploadWithApi("PROBATION_ASSESSMENT", "p.jpg", TestImages.aPhoneJpeg())
                        .statusCode())
                .isEqualTo(201);
        var earlier = onlyImage("PROBATION_ASSESSMENT");
        var objectsBefore = documentObjects();
        S3.stop();

        var api = browser.uploadWithApi("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg());
        var form = browser.uploadWithForm("DIPLOMA", "diploma.jpg", TestImages.aPhoneJpeg());

        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(api.body()).contains("材料存储服务暂时不可用", "本次上传未保存");
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(browser.get("/candidate/materials").body()).contains("材料存储服务暂时不可用");
        assertThat(imageRows())
                .as("no image row points at an object that may not exist")
                .isEqualTo(1);
        var unreadable = browser.getBytes("/candidate/images/" + earlier.id());
        assertThat(unreadable.statusCode()).isEqualTo(503);
        assertThat(new String(unreadable.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("材料存储服务暂时不可用");

        S3.start();
        assertThat(documentObjects()).as("no object was left behind").isEqualTo(objectsBefore);
        pending.sweep(clock.instant().plus(Duration.ofDays(1)));
        assertThat(pendingRows()).isZero();

        var afterRecovery = browser.uploadWithApi("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg());
        assertThat(afterRecovery.statusCode()).as("recovers without a restart").isEqualTo(201);
        assertThat(imageRows()).isEqualTo(2);
        assertThat(browser.getBytes("/candidate/images/" + onlyImage("ID_PROOF").id())
                        .statusCode())
                .isEqualTo(200);
        assertThat(browser.getBytes("/candidate/images/" + earlier.id()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void whileTheEndpointIsDownAReviewerOpeningAnImageIsToldSoAndSeesItAgainOnceItIsBack() {
        assertThat(browser.uploadWithApi("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg())
                        .statusCode())
                .isEqualTo(201);
        var image = onlyImage("ID_PROOF");
        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        application.submit(List.of(), new Actor(String.valueOf(candidate.id()), "考生"), clock.instant());
        applications.save(application);
        var reviewer = IdentityFixtures.aStaffMember(context, Role.POINT_REVIEWER, application.examPointCode());
        var desk = new CandidateClient(port).logInAs(reviewer.loginName(), IdentityFixtures.PASSWORD, "/review");
        var url = "/review/applications/" + application.id() + "/images/" + image.id();
        S3.stop();

        var unreadable = desk.getBytes(url);

        assertThat(unreadable.statusCode()).isEqualTo(503);
        assertThat(new String(unreadable.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("材料存储服务暂时不可用");
        S3.start();
        assertThat(desk.getBytes(url).statusCode())
                .as("recovers without a restart")
                .isEqualTo(200);
    }

    @Test
    void aCrashBetweenStoringTheBytesAndCommittingTheRowLeavesNothingVisibleAndTheSweepRemovesTheBytes() {
        // The first step of an upload: the key is announced and the bytes written; then the node dies.
        var key = pending.store(2025, TestImages.aPhoneJpeg()).key();

        assertThat(S3.rawObject(key.value())).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application_image WHERE storage_key = :key")
                        .param("key", key.value())
                        .query(Long.class)
                        .single())
                .as("nobody is shown an image")
                .isZero();

        assertThat(pending.sweep(clock.instant().minus(Duration.ofMinutes(15))))
                .as("an upload still within its grace period is left alone")
                .isZero();
        assertThat(S3.rawObject(key.value())).isNotNull();

        pending.sweep(clock.instant().plus(Duration.ofMinutes(1)));

        assertThat(S3.rawObject(key.value())).as("the orphan is gone").isNull();
        assertThat(pending.isPending(key)).isFalse();
    }

    @Test
    void theSweepNeverTouchesBytesWhoseRowWasCommitted() {
        var uploaded = browser.uploadWithApi("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg());
        assertThat(uploaded.statusCode()).isEqualTo(201);
        var confirmed = StorageKey.of(onlyImage("ID_PROOF").storageKey());
        assertThat(pending.isPending(confirmed))
                .as("the image row is the confirmation; the sweep forgets the key")
                .isTrue();

        // A crash before the commit: the image row was rolled back with everything else.
        var rolledBack = pending.store(2025, new byte[] {1, 2, 3}).key();

        pending.sweep(clock.instant().plus(Duration.ofDays(1)));

        assertThat(S3.rawObject(confirmed.value())).isNotNull();
        assertThat(pending.isPending(confirmed)).isFalse();
        assertThat(browser.getBytes("/candidate/images/" + onlyImage("ID_PROOF").id())
                        .statusCode())
                .isEqualTo(200);
        assertThat(S3.rawObject(rolledBack.value()))
                .as("a key without a committed row is the sweep's")
                .isNull();
        assertThat(pending.isPending(rolledBack)).isFalse();
    }

    private cn.qualify.application.MaterialImage onlyImage(String material) {
        var images = applications
                .ofCandidate(String.valueOf(candidate.id()), 2025)
                .orElseThrow()
                .currentImages(material);
        assertThat(images).hasSize(1);
        return images.get(0);
    }

    private long imageRows() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM application_image i JOIN application a ON a.id = i.application_id
                        WHERE a.candidate_id = :candidate
                        """)
                .param("candidate", String.valueOf(candidate.id()))
                .query(Long.class)
                .single();
    }

    /** The uploaded documents in the bucket; thumbnails come and go with the background verification. */
    private java.util.List<String> documentObjects() {
        return S3.objectKeys().stream()
                .filter(key -> !key.endsWith(".thumb.jpg"))
                .toList();
    }

    private long pendingRows() {
        return jdbc.sql("SELECT COUNT(*) FROM pending_document")
                .query(Long.class)
                .single();
    }
}
