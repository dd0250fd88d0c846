package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Application;
import cn.qualify.application.MaterialReview;
import cn.qualify.application.MaterialReview.Verdict;
import cn.qualify.identity.Account;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The candidate's own decision history, page and API: what is meant for the candidate is there, internal notes,
 * reviewers' names and staff-only reasons never are, and nobody sees another candidate's history.
 */
@ReviewIntegrationTest
class CandidateHistoryWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReviewFixtures fixtures;

    String point;
    Account reviewer;
    Account district;
    String tag;

    @BeforeEach
    void anExamPointOfItsOwn() {
        point = String.valueOf(5000 + new SecureRandom().nextInt(4999));
        reviewer = fixtures.pointReviewer(point);
        district = fixtures.districtReviewer();
        tag = Integer.toString(new SecureRandom().nextInt(1_000_000), 36);
    }

    /** Replacement of the diploma requested with a message and an internal note, then returned for revision. */
    private Application returnedWithANote(Account candidate) {
        var application = fixtures.submittedBy(candidate, point);
        var now = fixtures.clock().instant();
        var by = ReviewFixtures.actor(reviewer);
        application.reviewMaterial(
                new MaterialReview("ID_PROOF", Verdict.ACCEPTED, List.of(), "", "身份证内部备注" + tag, by, now, 0));
        application.reviewMaterial(new MaterialReview(
                "DIPLOMA",
                Verdict.REPLACEMENT_REQUESTED,
                List.of("UNCLEAR", "MISSING_STAMP"),
                "请重新拍摄毕业证书" + tag,
                "内部备注疑似伪造" + tag,
                by,
                now,
                0));
        application.returnForRevision(by, now.plusSeconds(3 * 86_400), now);
        return fixtures.save(application);
    }

    private String page(Account candidate) throws Exception {
        return mvc.perform(get("/candidate/history")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .with(fixtures.as(candidate)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String api(Account candidate) throws Exception {
        return mvc.perform(get("/api/v1/candidate/history")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .with(fixtures.as(candidate)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theCandidateReadsTheMessageAndReasonsButNeverTheInternalNoteOrWhoDecided() throws Exception {
        var candidate = fixtures.candidateAccount("考生" + tag);
        var application = returnedWithANote(candidate);

        for (var body : List.of(page(candidate), api(candidate))) {
            assertThat(body)
                    .contains(application.number())
                    .contains("请重新拍摄毕业证书" + tag)
                    .contains("不清晰")
                    .contains("缺少公章")
                    .contains("考点审核")
                    .contains("退回修改")
                    .doesNotContain("内部备注疑似伪造" + tag)
                    .doesNotContain("身份证内部备注" + tag)
                    .doesNotContain(reviewer.displayName())
                    .doesNotContain(reviewer.loginName())
                    .doesNotContain("internalNote");
        }
        assertThat(api(candidate))
                .contains("\"level\":\"EXAM_POINT\"")
                .contains("\"material\":\"DIPLOMA\"")
                .contains("\"event\":\"RETURNED\"")
                .doesNotContain("\"actorName\"")
                .doesNotContain("\"actorId\"");
    }

    @Test
    void reasonsGivenBetweenStaffStayWithStaffAndTheFinalReasonReachesTheCandidate() throws Exception {
        var candidate = fixtures.candidateAccount("考生" + tag);
        var application = fixtures.submittedBy(candidate, point);
        var now = fixtures.clock().instant();
        application.reviewMaterial(new MaterialReview(
                "ID_PROOF", Verdict.ACCEPTED, List.of(), "", "", ReviewFixtures.actor(reviewer), now, 0));
        application.reviewMaterial(new MaterialReview(
                "DIPLOMA", Verdict.ACCEPTED, List.of(), "", "", ReviewFixtures.actor(reviewer), now, 0));
        application.decideAtExamPoint(true, "", ReviewFixtures.actor(reviewer), now);
        application = fixtures.save(application);
        application.sendBackToExamPoint("考区内部意见" + tag, ReviewFixtures.actor(district), now);
        application = fixtures.save(application);
        application.decideAtExamPoint(false, "学历不符合报考条件" + tag, ReviewFixtures.actor(reviewer), now);
        application = fixtures.save(application);
        application.decideFinally(false, "经考区复核，学历不符合" + tag, ReviewFixtures.actor(district), now);
        fixtures.save(application);

        for (var body : List.of(page(candidate), api(candidate))) {
            assertThat(body)
                    .contains("考区退回考点重新审核")
                    .contains("学历不符合报考条件" + tag)
                    .contains("经考区复核，学历不符合" + tag)
                    .contains("考区审核")
                    .doesNotContain("考区内部意见" + tag)
                    .doesNotContain(district.displayName())
                    .doesNotContain(reviewer.displayName());
        }
    }

    @Test
    void aCandidateSeesOnlyTheirOwnHistory() throws Exception {
        var first = fixtures.candidateAccount("甲" + tag);
        var second = fixtures.candidateAccount("乙" + tag);
        var firstApplication = returnedWithANote(first);
        var secondApplication = fixtures.submittedBy(second, point);

        for (var body : List.of(page(second), api(second))) {
            assertThat(body)
                    .contains(secondApplication.number())
                    .doesNotContain(firstApplication.number())
                    .doesNotContain("请重新拍摄毕业证书" + tag);
        }
        // no identifier to guess: another candidate's application id or number changes nothing
        assertThat(mvc.perform(get("/api/v1/candidate/history")
                                .param("year", String.valueOf(ReviewFixtures.YEAR))
                                .param("id", firstApplication.id().toString())
                                .param("number", firstApplication.number())
                                .with(fixtures.as(second)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(firstApplication.number());
    }

    @Test
    void reviewersAreNotCandidates() throws Exception {
        mvc.perform(get("/candidate/history").with(fixtures.as(reviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/candidate/history").with(fixtures.as(reviewer)))
                .andExpect(status().isForbidden());
    }
}
