package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.audit.AuditEntry;
import cn.qualify.audit.AuditTrail;
import cn.qualify.identity.Account;
import cn.qualify.shared.ExamDays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every transition through the review API, legal and illegal: each legal one moves the application and is
 * audited; each illegal one is refused with a specific message and changes nothing.
 */
@ReviewIntegrationTest
class ReviewDecisionWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    ReviewCases cases;

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    Account pointReviewer;
    Account district;

    @BeforeEach
    void reviewers() {
        pointReviewer = fixtures.pointReviewer("2101");
        district = fixtures.districtReviewer();
    }

    ResultActions claim(Account reviewer, Application application) throws Exception {
        return mvc.perform(post("/api/v1/review/applications/{id}/lease", application.id())
                .with(fixtures.as(reviewer))
                .with(csrf()));
    }

    ResultActions decide(Account reviewer, Application application, String action, String json) throws Exception {
        var version = fixtures.reload(application).version();
        return mvc.perform(post("/api/v1/review/applications/{id}/" + action, application.id())
                .with(fixtures.as(reviewer))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.replace("$version", String.valueOf(version))));
    }

    ResultActions claimAndDecide(Account reviewer, Application application, String action, String json)
            throws Exception {
        claim(reviewer, application).andExpect(status().isOk());
        return decide(reviewer, application, action, json);
    }

    ApplicationState stateOf(Application application) {
        return fixtures.reload(application).state();
    }

    List<AuditEntry> historyOf(Application application) {
        return new TransactionTemplate(transactions).execute(status -> audit.ofApplication(application.id()));
    }

    // ---- exam point -----------------------------------------------------------------------------------------

    @Test
    void returnForRevisionUnlocksExactlyTheMaterialsWithAReplacementRequest() throws Exception {
        var application = fixtures.submitted("2101");
        claim(pointReviewer, application).andExpect(status().isOk());
        decide(pointReviewer, application, "materials/ID_PROOF", "{\"version\":$version,\"verdict\":\"ACCEPTED\"}")
                .andExpect(status().isOk());
        decide(pointReviewer, application, "materials/DIPLOMA", """
                        {"version":$version,"verdict":"REPLACEMENT_REQUESTED","reasons":["UNCLEAR","STEEL_SEAL_NOT_VISIBLE"],
                         "messageToCandidate":"请重新拍摄毕业证正面","internalNote":"疑似复印件"}""").andExpect(status().isOk());
        decide(pointReviewer, application, "return", "{\"version\":$version}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RETURNED"));

        var returned = fixtures.reload(application);
        assertThat(returned.state()).isEqualTo(ApplicationState.RETURNED);
        assertThat(returned.materialsToReplace()).containsExactly("DIPLOMA");
        assertThat(returned.isUnlocked("DIPLOMA")).isTrue();
        assertThat(returned.isUnlocked("ID_PROOF")).isFalse();
        var diploma = returned.latestReviews().get("DIPLOMA");
        assertThat(diploma.reasonCodes()).containsExactly("UNCLEAR", "STEEL_SEAL_NOT_VISIBLE");
        assertThat(diploma.messageToCandidate()).isEqualTo("请重新拍摄毕业证正面");
        assertThat(diploma.internalNote()).isEqualTo("疑似复印件");
        var lastDay = cases.defaultLastDay(ReviewFixtures.YEAR);
        assertThat(lastDay).isAfter(cases.today());
        assertThat(returned.revisionDeadline()).contains(ExamDays.endOf(lastDay));
        assertThat(historyOf(application))
                .extracting(AuditEntry::action)
                .contains("MATERIAL_ACCEPTED", "MATERIAL_REPLACEMENT_REQUESTED", "APPLICATION_RETURNED");
        claim(pointReviewer, application)
                .andExpect(status().isOk()); // the deadline can still be extended by the exam point
    }

    @Test
    void theDeadlineOfAReturnCanBeChosenAndLaterExtended() throws Exception {
        var application = fixtures.submitted("2101");
        claim(pointReviewer, application).andExpect(status().isOk());
        decide(pointReviewer, application, "materials/DIPLOMA", """
                        {"version":$version,"verdict":"REPLACEMENT_REQUESTED","reasons":["MISMATCH_WITH_REGISTRATION"]}""").andExpect(status().isOk());
        var lastDay = cases.today().plusDays(3);
        decide(pointReviewer, application, "return", "{\"version\":$version,\"lastDay\":\"" + lastDay + "\"}")
                .andExpect(status().isOk());
        assertThat(fixtures.reload(application).revisionDeadline()).contains(ExamDays.endOf(lastDay));

        claim(pointReviewer, application).andExpect(status().isOk());
        decide(
                        pointReviewer,
                        application,
                        "deadline",
                        "{\"version\":$version,\"lastDay\":\"" + lastDay.minusDays(1) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("application.extend.notLater"));
        decide(
                        pointReviewer,
                        application,
                        "deadline",
                        "{\"version\":$version,\"lastDay\":\"" + cases.today().plusDays(61) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("review.deadline.tooFar"));
        decide(
                        pointReviewer,
                        application,
                        "deadline",
                        "{\"version\":$version,\"lastDay\":\"" + lastDay.plusDays(4) + "\"}")
                .andExpect(status().isOk());
        assertThat(fixtures.reload(application).revisionDeadline()).contains(ExamDays.endOf(lastDay.plusDays(4)));
        assertThat(historyOf(application)).extracting(AuditEntry::action).contains("DEADLINE_EXTENDED");
    }

    @Test
    void aReturnWithoutAnyReplacementRequestIsRefused() throws Exception {
        var application = fixtures.submitted("2101");
        claimAndDecide(pointReviewer, application, "return", "{\"version\":$version}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("退回修改前，请至少对一项材料提出更换要求。"));
        assertThat(stateOf(application)).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void aPassAtTheExamPointThenTheDistrictsApprovalIsFinal() throws Exception {
        var application = fixtures.submitted("2101");
        claim(pointReviewer, application).andExpect(status().isOk());
        decide(pointReviewer, application, "materials/ID_PROOF", "{\"version\":$version,\"verdict\":\"ACCEPTED\"}");
        decide(pointReviewer, application, "materials/DIPLOMA", "{\"version\":$version,\"verdict\":\"ACCEPTED\"}");
        decide(pointReviewer, application, "recommendation", "{\"version\":$version,\"outcome\":\"PASS\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("POINT_PASSED"));

        claimAndDecide(district, application, "final-decision", "{\"version\":$version,\"outcome\":\"APPROVE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"));

        var approved = fixtures.reload(application);
        claim(district, application)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.lease.nothingToDecide"));
        decide(
                        district,
                        application,
                        "final-decision",
                        "{\"version\":$version,\"outcome\":\"REJECT\",\"reason\":\"改判\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.action.wrongState"))
                .andExpect(jsonPath("$.detail").value("当前状态为“审核通过”，不能进行此操作。"));
        decide(
                        district,
                        application,
                        "materials/DIPLOMA",
                        "{\"version\":$version,\"verdict\":\"REPLACEMENT_REQUESTED\",\"reasons\":[\"UNCLEAR\"]}")
                .andExpect(status().isConflict());
        assertThat(fixtures.reload(application).version()).isEqualTo(approved.version());
        assertThat(historyOf(application))
                .extracting(AuditEntry::action)
                .contains("EXAM_POINT_PASSED", "FINAL_APPROVED");
    }

    @Test
    void aPassWithAnOpenReplacementRequestIsRefused() throws Exception {
        var application = fixtures.submitted("2101");
        claim(pointReviewer, application).andExpect(status().isOk());
        decide(
                        pointReviewer,
                        application,
                        "materials/DIPLOMA",
                        "{\"version\":$version,\"verdict\":\"REPLACEMENT_REQUESTED\",\"reasons\":[\"UNCLEAR\"]}")
                .andExpect(status().isOk());
        decide(pointReviewer, application, "recommendation", "{\"version\":$version,\"outcome\":\"PASS\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("application.pass.openRequests"));
        assertThat(stateOf(application)).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void aFailNeedsAReasonAndTheDistrictRejects() throws Exception {
        var application = fixtures.submitted("2101");
        claimAndDecide(pointReviewer, application, "recommendation", "{\"version\":$version,\"outcome\":\"FAIL\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("review.reason.required"))
                .andExpect(jsonPath("$.detail").value("请填写理由。"));
        assertThat(stateOf(application)).isEqualTo(ApplicationState.SUBMITTED);
        decide(
                        pointReviewer,
                        application,
                        "recommendation",
                        "{\"version\":$version,\"outcome\":\"FAIL\",\"reason\":\"学历不符合报考条件\"}")
                .andExpect(jsonPath("$.state").value("POINT_FAILED"));

        claim(district, application).andExpect(status().isOk());
        decide(district, application, "final-decision", "{\"version\":$version,\"outcome\":\"REJECT\"}")
                .andExpect(status().isBadRequest());
        decide(
                        district,
                        application,
                        "final-decision",
                        "{\"version\":$version,\"outcome\":\"REJECT\",\"reason\":\"学历不符合报考条件\"}")
                .andExpect(jsonPath("$.state").value("REJECTED"));
    }

    @Test
    void anIdAnomalyGoesToOnSiteReviewAndItsResultIsRecorded() throws Exception {
        var application = fixtures.submitted("2101");
        claimAndDecide(pointReviewer, application, "onsite-review", "{\"version\":$version}")
                .andExpect(status().isBadRequest());
        decide(pointReviewer, application, "onsite-review", "{\"version\":$version,\"reason\":\"手持身份证照片与证件不符\"}")
                .andExpect(jsonPath("$.state").value("ONSITE_REVIEW"));

        claim(pointReviewer, application).andExpect(status().isOk());
        decide(pointReviewer, application, "recommendation", "{\"version\":$version,\"outcome\":\"PASS\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.action.wrongState"));
        decide(pointReviewer, application, "offline-result", "{\"version\":$version,\"outcome\":\"PASS\"}")
                .andExpect(status().isConflict());
        decide(
                        pointReviewer,
                        application,
                        "onsite-result",
                        "{\"version\":$version,\"outcome\":\"PASS\",\"reason\":\"现场核验无误\"}")
                .andExpect(jsonPath("$.state").value("POINT_PASSED"));
        assertThat(historyOf(application))
                .extracting(AuditEntry::action)
                .containsSubsequence("ONSITE_REVIEW_REQUESTED", "EXAM_POINT_PASSED");
    }

    @Test
    void thePaperReviewOfAMilitaryCandidateIsRecorded() throws Exception {
        var application = fixtures.inOfflineReview("2101");
        assertThat(application.state()).isEqualTo(ApplicationState.OFFLINE_REVIEW);
        claim(pointReviewer, application).andExpect(status().isOk());
        decide(pointReviewer, application, "onsite-result", "{\"version\":$version,\"outcome\":\"PASS\"}")
                .andExpect(status().isConflict());
        decide(
                        pointReviewer,
                        application,
                        "offline-result",
                        "{\"version\":$version,\"outcome\":\"FAIL\",\"reason\":\"纸质材料缺少单位公章\"}")
                .andExpect(jsonPath("$.state").value("POINT_FAILED"));
    }

    // ---- district -------------------------------------------------------------------------------------------

    @Test
    void theDistrictSendsBackToTheExamPointWhichDecidesAgain() throws Exception {
        var application = fixtures.failedAtExamPoint("2101");
        claimAndDecide(district, application, "send-back", "{\"version\":$version,\"reason\":\"请核对学历\"}")
                .andExpect(jsonPath("$.state").value("SUBMITTED"));
        claimAndDecide(
                        pointReviewer,
                        application,
                        "recommendation",
                        "{\"version\":$version,\"outcome\":\"FAIL\",\"reason\":\"核对后仍不符\"}")
                .andExpect(jsonPath("$.state").value("POINT_FAILED"));
        assertThat(historyOf(application)).extracting(AuditEntry::action).contains("SENT_BACK_TO_EXAM_POINT");
    }

    @Test
    void theDistrictOverturnsAMaterialAndReturnsTheCandidate() throws Exception {
        var application = fixtures.passedAtExamPoint("2101");
        claim(district, application).andExpect(status().isOk());
        decide(district, application, "materials/DIPLOMA", """
                        {"version":$version,"verdict":"REPLACEMENT_REQUESTED","reasons":["ORIGINAL_NOT_DUPLICATE"]}""").andExpect(status().isOk());
        decide(district, application, "final-decision", "{\"version\":$version,\"outcome\":\"APPROVE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("application.pass.openRequests"));
        decide(district, application, "return", "{\"version\":$version}")
                .andExpect(jsonPath("$.state").value("RETURNED"));
        var returned = fixtures.reload(application);
        assertThat(returned.materialsToReplace()).containsExactly("DIPLOMA");
        assertThat(historyOf(application))
                .filteredOn(entry -> entry.action().equals("MATERIAL_DECISION_OVERTURNED"))
                .singleElement()
                .extracting(AuditEntry::details)
                .asString()
                .contains("DIPLOMA", "ORIGINAL_NOT_DUPLICATE", "previously ACCEPTED");
    }

    @Test
    void nobodyConfirmsTheirOwnExamPointDecision() throws Exception {
        var application = fixtures.submitted("2101");
        claim(district, application).andExpect(status().isOk());
        decide(district, application, "materials/ID_PROOF", "{\"version\":$version,\"verdict\":\"ACCEPTED\"}");
        decide(district, application, "materials/DIPLOMA", "{\"version\":$version,\"verdict\":\"ACCEPTED\"}");
        decide(district, application, "recommendation", "{\"version\":$version,\"outcome\":\"PASS\"}")
                .andExpect(jsonPath("$.state").value("POINT_PASSED"));

        claimAndDecide(district, application, "final-decision", "{\"version\":$version,\"outcome\":\"APPROVE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("application.final.ownDecision"))
                .andExpect(jsonPath("$.detail").value("不能在考区审核中确认自己在考点作出的审核结论。"));
        assertThat(stateOf(application)).isEqualTo(ApplicationState.POINT_PASSED);

        var colleague = fixtures.districtReviewer();
        mvc.perform(post("/api/v1/review/applications/{id}/lease/takeover", application.id())
                        .with(fixtures.as(colleague))
                        .with(csrf()))
                .andExpect(status().isOk());
        decide(colleague, application, "final-decision", "{\"version\":$version,\"outcome\":\"APPROVE\"}")
                .andExpect(jsonPath("$.state").value("APPROVED"));
    }

    @ParameterizedTest
    @CsvSource({
        "final-decision, '{\"version\":$version,\"outcome\":\"APPROVE\"}'",
        "send-back, '{\"version\":$version,\"reason\":\"再看看\"}'",
        "return, '{\"version\":$version}'",
        "materials/DIPLOMA, '{\"version\":$version,\"verdict\":\"ACCEPTED\"}'"
    })
    void aPointReviewerCannotActOnceTheExamPointHasDecided(String action, String json) throws Exception {
        var application = fixtures.passedAtExamPoint("2101");
        decide(pointReviewer, application, action, json)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("review.action.districtOnly"));
        assertThat(fixtures.reload(application).version()).isEqualTo(application.version());
    }

    // ---- bad input ------------------------------------------------------------------------------------------

    @Test
    void aDecisionOnAStaleViewIsAConflictNotAnOverwrite() throws Exception {
        var application = fixtures.submitted("2101");
        claim(pointReviewer, application).andExpect(status().isOk());
        long seen = fixtures.reload(application).version();
        decide(
                        pointReviewer,
                        application,
                        "materials/DIPLOMA",
                        "{\"version\":$version,\"verdict\":\"REPLACEMENT_REQUESTED\",\"reasons\":[\"UNCLEAR\"]}")
                .andExpect(status().isOk());
        var before = fixtures.reload(application);
        mvc.perform(post("/api/v1/review/applications/{id}/recommendation", application.id())
                        .with(fixtures.as(pointReviewer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + seen + ",\"outcome\":\"FAIL\",\"reason\":\"学历不符\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.stale"))
                .andExpect(jsonPath("$.detail").value(containsString("页面已过时")));
        var after = fixtures.reload(application);
        assertThat(after.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(after.version()).isEqualTo(before.version());
    }

    @Test
    void malformedDecisionsNameTheProblemAndChangeNothing() throws Exception {
        var application = fixtures.submitted("2101");
        claim(pointReviewer, application).andExpect(status().isOk());
        decide(
                        pointReviewer,
                        application,
                        "materials/DIPLOMA",
                        "{\"version\":$version,\"verdict\":\"REPLACEMENT_REQUESTED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("要求更换材料时，请选择或填写原因。"));
        decide(
                        pointReviewer,
                        application,
                        "materials/DIPLOMA",
                        "{\"version\":$version,\"verdict\":\"REPLACEMENT_REQUESTED\",\"reasons\":[\"UGLY\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("更换原因“UGLY”不存在。"));
        decide(pointReviewer, application, "materials/NO_SUCH", "{\"version\":$version,\"verdict\":\"ACCEPTED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("review.material.unknown"));
        decide(
                        pointReviewer,
                        application,
                        "materials/DEGREE_CERTIFICATE",
                        "{\"version\":$version,\"verdict\":\"ACCEPTED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("application.review.noImages"));
        decide(pointReviewer, application, "materials/DIPLOMA", "{\"version\":$version,\"verdict\":\"MAYBE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("verdict"));
        decide(pointReviewer, application, "recommendation", "{\"outcome\":\"PASS\"}")
                .andExpect(status().isBadRequest());
        decide(
                        pointReviewer,
                        application,
                        "materials/DIPLOMA",
                        "{\"version\":$version,\"verdict\":\"ACCEPTED\",\"internalNote\":\"" + "长".repeat(1001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("review.text.tooLong"));
        assertThat(fixtures.reload(application).reviewHistory()).isEmpty();
        assertThat(fixtures.reload(application).version()).isEqualTo(application.version());
    }

    @Test
    void everyDecisionNeedsTheCsrfHeader() throws Exception {
        var application = fixtures.submitted("2101");
        mvc.perform(post("/api/v1/review/applications/{id}/lease", application.id())
                        .with(fixtures.as(pointReviewer)))
                .andExpect(status().isForbidden());
        claim(pointReviewer, application).andExpect(status().isOk());
        mvc.perform(post("/api/v1/review/applications/{id}/recommendation", application.id())
                        .with(fixtures.as(pointReviewer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + application.version() + ",\"outcome\":\"FAIL\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        assertThat(stateOf(application)).isEqualTo(ApplicationState.SUBMITTED);
    }

    // ---- signed form ----------------------------------------------------------------------------------------

    @Test
    void theSignedFormIsRecordedOnceEvenAfterTheFinalDecision() throws Exception {
        var application = fixtures.approved("2101");
        var receivedOn = cases.today().minusDays(1);
        mvc.perform(post("/api/v1/review/applications/{id}/form-receipt", application.id())
                        .with(fixtures.as(pointReviewer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receivedOn\":\"" + receivedOn + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.receivedOn").value(receivedOn.toString()))
                .andExpect(jsonPath("$.recordedBy").value(pointReviewer.displayName()));
        mvc.perform(post("/api/v1/review/applications/{id}/form-receipt", application.id())
                        .with(fixtures.as(pointReviewer))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.formReceipt.already"));
        var tomorrow = fixtures.submitted("2101");
        mvc.perform(post("/api/v1/review/applications/{id}/form-receipt", tomorrow.id())
                        .with(fixtures.as(pointReviewer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receivedOn\":\"" + cases.today().plusDays(1) + "\"}"))
                .andExpect(status().isBadRequest());
        assertThat(historyOf(application))
                .filteredOn(entry -> entry.action().equals("FORM_RECEIVED"))
                .singleElement()
                .extracting(AuditEntry::actorName)
                .isEqualTo(pointReviewer.displayName());
    }

    @Test
    void unknownApplicationsAreNotFound() throws Exception {
        mvc.perform(post("/api/v1/review/applications/{id}/lease", UUID.randomUUID())
                        .with(fixtures.as(district))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }
}
