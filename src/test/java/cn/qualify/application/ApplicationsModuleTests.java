package cn.qualify.application;

import static cn.qualify.application.TestApplications.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qualify.application.ApplicationEvents.ExamPointChanged;
import cn.qualify.application.ApplicationEvents.ReturnedForRevision;
import cn.qualify.application.ApplicationEvents.Submitted;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The application store on a real database: round trips, optimistic locking and event publication. */
@ApplicationModuleTest(extraIncludes = "shared")
class ApplicationsModuleTests {

    @Autowired
    Applications applications;

    @Autowired
    JdbcClient jdbc;

    String aCandidate() {
        return "candidate-" + UUID.randomUUID();
    }

    @Test
    void opensOneDraftPerCandidateAndYearWithANumberOfItsExamPoint() {
        var candidate = aCandidate();
        var first = applications.open(candidate, 2025, "2102", false);
        var again = applications.open(candidate, 2025, "2102", false);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.number()).matches("20252102\\d{6}");
        var other = applications.open(aCandidate(), 2025, "2102", false);
        assertThat(other.number()).isNotEqualTo(first.number());
    }

    @Test
    void aMovedDraftIsStoredAtItsNewExamPointWithItsImagesAndNumber(AssertablePublishedEvents events) {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        application.addImage("ID_PROOF", anImage(), 3, T0);
        application = applications.save(application);
        var number = application.number();

        application.moveToExamPoint("2102", CANDIDATE, T0.plusSeconds(5));
        applications.save(application);

        var reloaded = applications.byId(application.id()).orElseThrow();
        assertThat(reloaded.examPointCode()).isEqualTo("2102");
        assertThat(reloaded.number()).isEqualTo(number);
        assertThat(reloaded.currentImages("ID_PROOF")).hasSize(1);
        assertThat(jdbc.sql("SELECT exam_point_code FROM application WHERE id = :id")
                        .param("id", application.id())
                        .query(String.class)
                        .single())
                .isEqualTo("2102");
        var applicationId = application.id();
        assertThat(events.ofType(ExamPointChanged.class).matching(ExamPointChanged::applicationId, applicationId))
                .singleElement()
                .satisfies(moved -> {
                    assertThat(moved.previous()).isEqualTo("2101");
                    assertThat(moved.current()).isEqualTo("2102");
                });

        reloaded.submit(List.of(), CANDIDATE, T0.plusSeconds(10));
        var submitted = applications.save(reloaded);
        assertThatThrownBy(() -> submitted.moveToExamPoint("2101", CANDIDATE, T0.plusSeconds(20)))
                .isInstanceOf(ApplicationRuleViolation.class);
        assertThat(applications.byId(applicationId).orElseThrow().examPointCode())
                .isEqualTo("2102");
    }

    @Test
    void theReviewRouteChosenAtSubmissionIsStored() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        application.submit(List.of(), true, CANDIDATE, T0);
        applications.save(application);

        var reloaded = applications.byId(application.id()).orElseThrow();
        assertThat(reloaded.offlineReview()).isTrue();
        assertThat(reloaded.state()).isEqualTo(ApplicationState.OFFLINE_REVIEW);
    }

    @Test
    void aDraftsSavesLeaveItsQueueTimeAloneAndItsSubmissionSetsIt() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        var longAgo = OffsetDateTime.parse("2025-01-01T00:00:00Z");
        jdbc.sql("UPDATE application SET updated_at = :at WHERE id = :id")
                .param("at", longAgo)
                .param("id", application.id())
                .update();
        application.addImage("ID_PROOF", anImage(), 3, T0);
        application = applications.save(application);
        assertThat(updatedAt(application.id())).isEqualTo(longAgo.toInstant());

        application.submit(List.of(), CANDIDATE, T0);
        applications.save(application);
        assertThat(updatedAt(application.id())).isAfter(longAgo.toInstant());
    }

    Instant updatedAt(UUID applicationId) {
        return jdbc.sql("SELECT updated_at FROM application WHERE id = :id")
                .param("id", applicationId)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    @Test
    void savesImagesReviewsAndStateAndReadsThemBack(AssertablePublishedEvents events) {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        for (int i = 0; i < 3; i++) {
            application.addImage("ID_PROOF", anImage(), 3, T0);
        }
        application.addImage("DIPLOMA", anImage(), 4, T0);
        application = applications.save(application);
        application.submit(List.of(), CANDIDATE, T0);
        application = applications.save(application);
        application.reviewMaterial(accept("ID_PROOF", SHENYANG));
        application.reviewMaterial(replace("DIPLOMA", SHENYANG));
        application.returnForRevision(SHENYANG, T0.plusSeconds(86_400), T0);
        application = applications.save(application);
        var old = application.currentImages("DIPLOMA").get(0);
        application.removeImage(old.id(), T0.plusSeconds(10));
        application.addImage("DIPLOMA", anImage(), 4, T0.plusSeconds(11));
        applications.save(application);

        var reloaded = applications.byId(application.id()).orElseThrow();
        assertThat(reloaded.state()).isEqualTo(ApplicationState.RETURNED);
        assertThat(reloaded.revisionDeadline()).contains(T0.plusSeconds(86_400));
        assertThat(reloaded.currentImages("ID_PROOF")).hasSize(3);
        assertThat(reloaded.currentImages("DIPLOMA"))
                .hasSize(1)
                .noneMatch(image -> image.id().equals(old.id()));
        assertThat(reloaded.allImages()).hasSize(5);
        assertThat(reloaded.materialsToReplace()).containsExactly("DIPLOMA");
        assertThat(reloaded.latestReviews().get("DIPLOMA").internalNote()).isEqualTo("疑似复印件");
        assertThat(reloaded.isUnlocked("ID_PROOF")).isFalse();
        var applicationId = application.id();
        assertThat(events.ofType(Submitted.class).matching(Submitted::applicationId, applicationId))
                .hasSize(1);
        assertThat(events.ofType(ReturnedForRevision.class).matching(ReturnedForRevision::applicationId, applicationId))
                .hasSize(1);
    }

    @Test
    void aCandidatesDraftIsReadWithEveryImageInUploadOrderAndNoReviews() {
        var candidate = aCandidate();
        var empty = applications.ofCandidate(candidate, 2025);
        assertThat(empty).isEmpty();
        var application = applications.open(candidate, 2025, "2101", false);
        assertThat(applications.ofCandidate(candidate, 2025).orElseThrow().allImages())
                .isEmpty();
        application.addImage("DIPLOMA", anImage(), 4, T0.plusSeconds(5));
        application.addImage("ID_PROOF", anImage(), 3, T0);
        application.addImage("ID_PROOF", anImage(), 3, T0.plusSeconds(9));
        applications.save(application);

        var read = applications.ofCandidate(candidate, 2025).orElseThrow();

        assertThat(read.id()).isEqualTo(application.id());
        assertThat(read.allImages())
                .extracting(MaterialImage::material)
                .containsExactly("ID_PROOF", "DIPLOMA", "ID_PROOF");
        assertThat(read.reviewHistory()).isEmpty();
        assertThat(applications.ofCandidate(candidate, 2024)).isEmpty();
    }

    @Test
    void whatASaveReturnsIsWhatTheStoreNowHolds() {
        var precise = T0.plusNanos(123_456_789);
        var application = applications.open(aCandidate(), 2025, "2101", false);
        application.addImage("ID_PROOF", anImage(), 3, precise.plusSeconds(2));
        application.addImage("ID_PROOF", anImage(), 3, precise);
        var saved = applications.save(application);
        saved.submit(List.of(), CANDIDATE, precise);
        saved = applications.save(saved);
        saved.reviewMaterial(new MaterialReview(
                "ID_PROOF",
                MaterialReview.Verdict.REPLACEMENT_REQUESTED,
                List.of("UNCLEAR", "INCOMPLETE"),
                "看不清",
                "",
                SHENYANG,
                precise,
                saved.round()));
        saved.returnForRevision(SHENYANG, precise.plusSeconds(86_400), precise);
        saved = applications.save(saved);
        saved.removeImage(saved.currentImages("ID_PROOF").get(0).id(), precise.plusSeconds(3));
        saved = applications.save(saved);

        var read = applications.byId(application.id()).orElseThrow();
        assertThat(saved.version()).isEqualTo(read.version()).isEqualTo(4);
        assertThat(saved.state()).isEqualTo(read.state());
        assertThat(saved.round()).isEqualTo(read.round());
        assertThat(saved.revisionDeadline()).isEqualTo(read.revisionDeadline());
        assertThat(saved.examPointDecider()).isEqualTo(read.examPointDecider());
        assertThat(saved.allImages()).hasSize(2).isEqualTo(read.allImages());
        assertThat(saved.currentImages("ID_PROOF")).hasSize(1).isEqualTo(read.currentImages("ID_PROOF"));
        assertThat(saved.reviewHistory()).hasSize(1).isEqualTo(read.reviewHistory());
        assertThat(imageRows(application.id())).isEqualTo(2);
    }

    @Test
    void twoRequestsRacingForTheLastSlotCannotBothWin() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        application.addImage("ID_PROOF", anImage(), 3, T0);
        application.addImage("ID_PROOF", anImage(), 3, T0);
        applications.save(application);

        var seenByFirst = applications.byId(application.id()).orElseThrow();
        var seenBySecond = applications.byId(application.id()).orElseThrow();
        seenByFirst.addImage("ID_PROOF", anImage(), 3, T0);
        seenBySecond.addImage("ID_PROOF", anImage(), 3, T0);
        applications.save(seenByFirst);
        assertThatThrownBy(() -> applications.save(seenBySecond)).isInstanceOf(StaleApplicationException.class);

        assertThat(applications.byId(application.id()).orElseThrow().currentImages("ID_PROOF"))
                .hasSize(3);
    }

    @Test
    void anUploadsSaveStoresTheImageWithTheNextVersion(AssertablePublishedEvents events) {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        var image = application.addImage("ID_PROOF", anImage(), 3, T0);

        var saved = applications.saveUpload(application);

        var read = applications.byId(application.id()).orElseThrow();
        assertThat(saved.version()).isEqualTo(read.version()).isEqualTo(1);
        assertThat(read.currentImages("ID_PROOF")).extracting(MaterialImage::id).containsExactly(image.id());
        assertThat(saved.allImages()).isEqualTo(read.allImages());
        assertThat(events.ofType(ApplicationSaved.class)
                        .matching(event -> event.applicationId().equals(application.id())))
                .hasSize(1);
    }

    @Test
    void anUploadOnAStaleViewWritesNoImageRow() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        var seenByFirst = applications.byId(application.id()).orElseThrow();
        var seenBySecond = applications.byId(application.id()).orElseThrow();
        seenByFirst.addImage("ID_PROOF", anImage(), 3, T0);
        var lost = seenBySecond.addImage("ID_PROOF", anImage(), 3, T0);
        applications.saveUpload(seenByFirst);

        assertThatThrownBy(() -> applications.saveUpload(seenBySecond)).isInstanceOf(StaleApplicationException.class);

        assertThat(imageRows(application.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application_image WHERE id = :id")
                        .param("id", lost.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(applications.byId(application.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anUploadsSaveRefusesToRunInsideATransaction(@Autowired PlatformTransactionManager transactionManager) {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        application.addImage("ID_PROOF", anImage(), 3, T0);

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(status -> applications.saveUpload(application)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(imageRows(application.id())).isZero();
    }

    @Test
    void anUploadWithAnotherChangeIsSavedWhole() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        var replaced = application.addImage("ID_PROOF", anImage(), 1, T0);
        application = applications.saveUpload(application);
        application.removeImage(replaced.id(), T0.plusSeconds(1));
        var replacement = application.addImage("ID_PROOF", anImage(), 1, T0.plusSeconds(1));

        applications.saveUpload(application);

        var read = applications.byId(application.id()).orElseThrow();
        assertThat(read.currentImages("ID_PROOF")).extracting(MaterialImage::id).containsExactly(replacement.id());
        assertThat(read.version()).isEqualTo(2);
    }

    @Test
    void onPostgreSqlAnUploadsSaveIsOneStatementWithoutATransaction(@Autowired SavesSeen seen) {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        application.addImage("ID_PROOF", anImage(), 3, T0);
        boolean postgreSql = jdbc.sql("SELECT 1").query(rs -> {
            try {
                return rs.getStatement()
                        .getConnection()
                        .getMetaData()
                        .getDatabaseProductName()
                        .equals("PostgreSQL");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        applications.saveUpload(application);

        assertThat(seen.inTransaction(application.id()))
                .as("H2 takes one statement at a time, so its upload is saved in a transaction")
                .isEqualTo(!postgreSql);
        assertThat(imageRows(application.id())).isEqualTo(1);
    }

    /** Whether each {@link ApplicationSaved} was published inside a transaction. */
    static class SavesSeen {

        private final java.util.Map<UUID, Boolean> inTransaction = new java.util.concurrent.ConcurrentHashMap<>();

        @EventListener
        void on(ApplicationSaved saved) {
            inTransaction.put(saved.applicationId(), TransactionSynchronizationManager.isActualTransactionActive());
        }

        boolean inTransaction(UUID applicationId) {
            return inTransaction.get(applicationId);
        }
    }

    @TestConfiguration
    static class SavesSeenConfiguration {

        @Bean
        SavesSeen savesSeen() {
            return new SavesSeen();
        }
    }

    private int imageRows(UUID applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM application_image WHERE application_id = :id")
                .param("id", applicationId)
                .query(Integer.class)
                .single();
    }

    @Test
    void aDecisionOnAStaleViewIsAConflictNotAnOverwrite() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        application.addImage("ID_PROOF", anImage(), 3, T0);
        application.submit(List.of(), CANDIDATE, T0);
        applications.save(application);

        var first = applications.byId(application.id()).orElseThrow();
        var second = applications.byId(application.id()).orElseThrow();
        first.decideAtExamPoint(false, "学历不符", SHENYANG, T0);
        applications.save(first);
        second.sendToOnsiteReview(new Actor("r-other", "另一位审核员"), "证件异常", T0);
        assertThatThrownBy(() -> applications.save(second)).isInstanceOf(StaleApplicationException.class);
        assertThat(applications.byId(application.id()).orElseThrow().state()).isEqualTo(ApplicationState.POINT_FAILED);
    }

    @Test
    void theDatabaseRefusesToChangeAFinalApplication() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        application.withdraw(CANDIDATE, T0);
        applications.save(application);

        assertThatThrownBy(() -> jdbc.sql("UPDATE application SET state = 'SUBMITTED' WHERE id = :id")
                        .param("id", application.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is final");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM application WHERE id = :id")
                        .param("id", application.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(applications.byId(application.id()).orElseThrow().state()).isEqualTo(ApplicationState.WITHDRAWN);
    }

    @Autowired
    ImageChecks imageChecks;

    @Test
    void recordsAndReplacesImageChecks() {
        var key = "2025/cc/dd/" + UUID.randomUUID();
        imageChecks.record(new ImageCheck(key, java.util.Set.of("BLURRY", "TOO_DARK"), key + ".thumb", T0));
        assertThat(imageChecks.of(List.of(key, "2025/unknown")).get(key).flags())
                .containsExactlyInAnyOrder("BLURRY", "TOO_DARK");
        imageChecks.record(new ImageCheck(key, java.util.Set.of(), key + ".thumb", T0.plusSeconds(1)));
        var check = imageChecks.of(List.of(key)).get(key);
        assertThat(check.flags()).isEmpty();
        assertThat(check.checkedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(imageChecks.of(List.of())).isEmpty();
    }

    @Test
    void theSweepSeesOnlyImagesStillWaitingForTheirResult() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        var checkedImage = anImage();
        var waitingImage = anImage();
        var checkedBeforeItsRow = anImage();
        imageChecks.record(new ImageCheck(checkedBeforeItsRow.storageKey(), java.util.Set.of(), null, T0));
        application.addImage("ID_PROOF", checkedImage, 3, T0);
        application.addImage("ID_PROOF", waitingImage, 3, T0.plusSeconds(1));
        application.addImage("ID_PROOF", checkedBeforeItsRow, 3, T0.plusSeconds(2));
        applications.save(application);
        imageChecks.record(new ImageCheck(checkedImage.storageKey(), java.util.Set.of("BLURRY"), null, T0));

        long countedBeforeTheSweep = imageChecks.uncheckedCount();
        var waiting = imageChecks.unchecked(100_000);

        assertThat(waiting).contains(waitingImage.storageKey());
        assertThat(imageChecks.uncheckedCount())
                .as("the backlog's size, counted as the sweep lists it")
                .isEqualTo(waiting.size())
                .as("less the result that the sweep marked")
                .isEqualTo(countedBeforeTheSweep - 1);
        assertThat(waiting).doesNotContain(checkedImage.storageKey(), checkedBeforeItsRow.storageKey());
        assertThat(jdbc.sql("SELECT checked FROM application_image WHERE storage_key = :key")
                        .param("key", checkedBeforeItsRow.storageKey())
                        .query(Boolean.class)
                        .single())
                .as("a result recorded before its row was committed is marked by the sweep")
                .isTrue();
    }

    @Test
    void anImageWhoseThumbnailWasLostWaitsAgainWithItsFlagsStillShown() {
        var application = applications.open(aCandidate(), 2025, "2101", false);
        var current = application.addImage("ID_PROOF", anImage(), 3, T0);
        var removed = application.addImage("ID_PROOF", anImage(), 3, T0.plusSeconds(1));
        var removedUnchecked = application.addImage("ID_PROOF", anImage(), 3, T0.plusSeconds(2));
        applications.save(application);
        for (var image : List.of(current, removed)) {
            imageChecks.record(new ImageCheck(
                    image.storageKey(), java.util.Set.of("TOO_DARK"), image.storageKey() + ".thumb.jpg", T0));
        }
        application = applications.byId(application.id()).orElseThrow();
        application.removeImage(removed.id(), T0.plusSeconds(3));
        application.removeImage(removedUnchecked.id(), T0.plusSeconds(3));
        applications.save(application);
        assertThat(imageChecks.unchecked(100_000))
                .doesNotContain(current.storageKey(), removed.storageKey(), removedUnchecked.storageKey());

        assertThat(imageChecks.forgetThumbnail(current.storageKey())).isTrue();
        assertThat(imageChecks.forgetThumbnail(current.storageKey()))
                .as("a second reader finds nothing left to forget, and warns no more")
                .isFalse();
        assertThat(imageChecks.forgetThumbnail(removed.storageKey())).isTrue();

        var check = imageChecks.of(List.of(current.storageKey())).get(current.storageKey());
        assertThat(check.thumbnailKey()).isNull();
        assertThat(check.flags()).as("reviewers still see the flags").containsExactly("TOO_DARK");
        assertThat(imageChecks.unchecked(100_000))
                .as("the sweep's own marking of rows with a result leaves these waiting")
                .contains(current.storageKey(), removed.storageKey())
                .doesNotContain(removedUnchecked.storageKey());
        assertThat(imageChecks.unchecked(100_000)).contains(current.storageKey(), removed.storageKey());

        for (var image : List.of(current, removed)) {
            imageChecks.record(new ImageCheck(
                    image.storageKey(), java.util.Set.of("TOO_DARK"), image.storageKey() + ".thumb.jpg", T0));
        }
        assertThat(imageChecks.unchecked(100_000)).doesNotContain(current.storageKey(), removed.storageKey());
        assertThat(imageChecks
                        .of(List.of(current.storageKey()))
                        .get(current.storageKey())
                        .thumbnailKey())
                .isEqualTo(current.storageKey() + ".thumb.jpg");
    }
}
