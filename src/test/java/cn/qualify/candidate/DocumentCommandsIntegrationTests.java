package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.TestExamSetup;
import cn.qualify.application.Actor;
import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialImage.StoredImage;
import cn.qualify.application.MaterialReview;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.TestImages;
import cn.qualify.operations.OperatorCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** The operator's commands against the S3 store: verify every document, purge an old exam year's documents. */
class DocumentCommandsIntegrationTests extends S3IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    OperatorCommands commands;

    @Autowired
    Applications applications;

    @Autowired
    DocumentStore documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String output;

    @BeforeEach
    void examSetUp() {
        TestExamSetup.ensure(jdbc, clock);
        S3.start();
    }

    int run(String command, Map<String, Object> properties) {
        var environment = new MockEnvironment();
        properties.forEach((name, value) -> environment.setProperty(name, String.valueOf(value)));
        var bytes = new ByteArrayOutputStream();
        int code = commands.execute(command, environment, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void verifyDocumentsFindsMissingAndCorruptDocumentsAndExitsNonZero() {
        var candidate = IdentityFixtures.aCandidate(context);
        TestRegistrations.register(candidate.id(), TestRegistrations.aBachelorAtAGeneralHospital());
        var browser = new CandidateClient(port).logIn(candidate.loginName(), IdentityFixtures.PASSWORD);
        assertThat(browser.uploadWithApi("ID_PROOF", "a.jpg", TestImages.aPhoneJpeg())
                        .statusCode())
                .isEqualTo(201);
        assertThat(browser.uploadWithApi("ID_PROOF", "b.png", TestImages.aPng()).statusCode())
                .isEqualTo(201);
        var images = applications
                .ofCandidate(String.valueOf(candidate.id()), 2025)
                .orElseThrow()
                .currentImages("ID_PROOF");
        var altered = images.get(0).storageKey();
        var lost = images.get(1).storageKey();

        assertThat(run("verify-documents", Map.of())).as(output).isEqualTo(OperatorCommands.OK);
        assertThat(output).contains("0 missing, 0 corrupt");

        var original = S3.rawObject(altered);
        var flipped = original.clone();
        flipped[flipped.length - 20] ^= 0x01;
        S3.overwrite(altered, flipped);
        var lostBytes = S3.rawObject(lost);
        documents.delete(StorageKey.of(lost));
        try {
            assertThat(run("verify-documents", Map.of())).as(output).isEqualTo(OperatorCommands.PROBLEMS);
            assertThat(output).contains("1 missing, 1 corrupt", "MISSING " + lost, "CORRUPT " + altered);
        } finally {
            S3.overwrite(altered, original);
            S3.overwrite(lost, lostBytes);
        }
        assertThat(run("verify-documents", Map.of())).as(output).isEqualTo(OperatorCommands.OK);

        S3.stop();
        try {
            assertThat(run("verify-documents", Map.of())).as(output).isEqualTo(OperatorCommands.FAILED);
            assertThat(output).contains("cannot be reached");
        } finally {
            S3.start();
        }
    }

    @Test
    void purgeDocumentsDeletesAnOldYearsBytesKeepsItsDecisionsAndCanRunTwice() {
        var old = anApprovedApplicationWithTwoImages(2023);
        var keys = old.allImages().stream().map(image -> image.storageKey()).toList();
        var thumbnail = StorageKey.of(keys.get(0)).withSuffix("thumb.jpg");
        documents.put(thumbnail, new byte[] {1});
        long auditEntries = auditEntriesOf(old.id());
        assertThat(keys).allSatisfy(key -> assertThat(S3.rawObject(key)).isNotNull());

        assertThat(run("purge-documents", Map.of("qualify.purge.exam-year", 2023, "qualify.purge.dry-run", true)))
                .as(output)
                .isEqualTo(OperatorCommands.OK);
        assertThat(output).contains("(dry run)", "images would be purged");
        assertThat(keys).allSatisfy(key -> assertThat(S3.rawObject(key)).isNotNull());

        assertThat(run("purge-documents", Map.of("qualify.purge.exam-year", 2023)))
                .as(output)
                .isEqualTo(OperatorCommands.OK);

        assertThat(output).contains("images purged");
        assertThat(keys).allSatisfy(key -> assertThat(S3.rawObject(key)).isNull());
        assertThat(S3.rawObject(thumbnail.value())).isNull();
        var after = applications.byId(old.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(after.allImages()).hasSize(2);
        assertThat(after.reviewHistory()).hasSize(2);
        assertThat(purgedImages(old.id())).isEqualTo(2);
        assertThat(auditEntriesOf(old.id())).isEqualTo(auditEntries);

        assertThat(run("purge-documents", Map.of("qualify.purge.exam-year", 2023)))
                .as(output)
                .isEqualTo(OperatorCommands.OK);
        assertThat(output).contains("2023: 0 images purged");
        assertThat(run("verify-documents", Map.of()))
                .as("purged images are not missing")
                .isEqualTo(OperatorCommands.OK);
    }

    @Test
    void purgeIsRefusedWithinTheRetentionPeriodAndWhileApplicationsAreOpen() {
        var current = anApprovedApplicationWithTwoImages(2025);
        var draft = applications.open("c-open-" + UUID.randomUUID(), 2022, "2101", false);
        var closed = anApprovedApplicationWithTwoImages(2022);

        assertThat(run("purge-documents", Map.of("qualify.purge.exam-year", 2025)))
                .as(output)
                .isEqualTo(OperatorCommands.FAILED);
        assertThat(output).contains("REFUSED", "kept until exam year 2026");
        assertThat(run("purge-documents", Map.of("qualify.purge.exam-year", 2022)))
                .as(output)
                .isEqualTo(OperatorCommands.FAILED);
        assertThat(output).contains("not final");
        assertThat(run("purge-documents", Map.of())).isEqualTo(OperatorCommands.FAILED);
        assertThat(output).contains("qualify.purge.exam-year");
        assertThat(run("purge-everything", Map.of())).isEqualTo(OperatorCommands.FAILED);
        assertThat(output).contains("Unknown command");

        assertThat(current.allImages())
                .allSatisfy(
                        image -> assertThat(S3.rawObject(image.storageKey())).isNotNull());
        assertThat(closed.allImages())
                .allSatisfy(
                        image -> assertThat(S3.rawObject(image.storageKey())).isNotNull());
        assertThat(draft.state()).isEqualTo(ApplicationState.DRAFT);
    }

    @Test
    void aPurgeStoppedByAnUnreachableStoreMarksNothingItDidNotDeleteAndFinishesOnTheNextRun() {
        var old = anApprovedApplicationWithTwoImages(2021);
        S3.stop();
        try {
            assertThat(run("purge-documents", Map.of("qualify.purge.exam-year", 2021)))
                    .as(output)
                    .isEqualTo(OperatorCommands.FAILED);
            assertThat(output).contains("STOPPED");
        } finally {
            S3.start();
        }
        assertThat(purgedImages(old.id())).isZero();
        assertThat(old.allImages())
                .allSatisfy(
                        image -> assertThat(S3.rawObject(image.storageKey())).isNotNull());

        assertThat(run("purge-documents", Map.of("qualify.purge.exam-year", 2021)))
                .as(output)
                .isEqualTo(OperatorCommands.OK);
        assertThat(output).contains("2021: 2 images purged, 2 documents deleted");
        assertThat(purgedImages(old.id())).isEqualTo(2);
    }

    private Application anApprovedApplicationWithTwoImages(int year) {
        var now = clock.instant();
        var candidate = new Actor("c-" + UUID.randomUUID(), "往年考生");
        var application = applications.open(candidate.accountId(), year, "2101", false);
        for (String material : List.of("ID_PROOF", "DIPLOMA")) {
            var key = StorageKey.newKey(year);
            var stored = documents.put(key, TestImages.aPhoneJpeg());
            application.addImage(
                    material, new StoredImage(key.value(), stored.sha256(), stored.size(), 640, 480), 3, now);
        }
        application.submit(List.of(), candidate, now);
        var point = new Actor("r-2101", "沈阳审核员");
        for (String material : List.of("ID_PROOF", "DIPLOMA")) {
            application.reviewMaterial(
                    new MaterialReview(material, MaterialReview.Verdict.ACCEPTED, List.of(), "", "", point, now, 0));
        }
        application.decideAtExamPoint(true, null, point, now);
        application.decideFinally(true, null, new Actor("d-1", "考区审核员"), now);
        return applications.save(application);
    }

    private long purgedImages(UUID applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM application_image WHERE application_id = :id AND purged_at IS NOT NULL")
                .param("id", applicationId)
                .query(Long.class)
                .single();
    }

    private long auditEntriesOf(UUID applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE application_id = :id")
                .param("id", applicationId)
                .query(Long.class)
                .single();
    }
}
