package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.identity.Account;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 沈阳 reviewer (exam point 2101) neither sees nor decides a 大连 (2102) candidate, by page or API, by queue, by
 * search or by guessing identifiers: every such request is a 404 that reveals nothing, and nothing changes.
 */
@ReviewIntegrationTest
class ReviewScopingWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    Applications applications;

    @Autowired
    JdbcClient jdbc;

    Account shenyang;
    Account dalianReviewer;
    Application dalian;
    Application shenyangCandidate;
    String dalianName;

    @BeforeEach
    void twoExamPoints() {
        shenyang = fixtures.pointReviewer("2101");
        dalianReviewer = fixtures.pointReviewer("2102");
        dalianName = "大连考生" + UUID.randomUUID().toString().substring(0, 6);
        dalian = fixtures.submitted("2102", dalianName);
        shenyangCandidate = fixtures.submitted("2101", "沈阳考生");
    }

    @Test
    void theQueueOfAShenyangReviewerListsShenyangCandidatesOnly() throws Exception {
        mvc.perform(get("/review")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .with(fixtures.as(shenyang)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shenyangCandidate.number())))
                .andExpect(content().string(not(containsString(dalian.number()))));

        var json = mvc.perform(get("/api/v1/review/applications")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("state", "ALL")
                        .param("size", "200")
                        .with(fixtures.as(shenyang)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Exam point codes compared field by field: "2102" can occur by chance inside an identifier or a timestamp.
        List<String> examPoints = JsonPath.read(json, "$.items[*].examPointCode");
        assertThat(json).contains(shenyangCandidate.number()).doesNotContain(dalian.number());
        assertThat(examPoints).isNotEmpty().containsOnly("2101");
    }

    @Test
    void searchingForADalianCandidateFromShenyangFindsNothing() throws Exception {
        for (String term :
                List.of(dalian.number(), dalianName, ReviewFixtures.idNumber(Long.parseLong(dalian.candidateId())))) {
            mvc.perform(get("/api/v1/review/applications")
                            .param("year", String.valueOf(ReviewFixtures.YEAR))
                            .param("state", "ALL")
                            .param("q", term)
                            .with(fixtures.as(shenyang)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items").isEmpty());
            mvc.perform(get("/api/v1/review/applications")
                            .param("year", String.valueOf(ReviewFixtures.YEAR))
                            .param("state", "ALL")
                            .param("q", term)
                            .with(fixtures.as(dalianReviewer)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].number").value(dalian.number()));
        }
    }

    @Test
    void filteringByAnotherExamPointShowsNothing() throws Exception {
        mvc.perform(get("/api/v1/review/applications")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("examPoint", "2102")
                        .with(fixtures.as(shenyang)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/review/applications/%s",
                "/review/applications/%s/history",
                "/api/v1/review/applications/%s",
                "/api/v1/review/applications/%s/history"
            })
    void readingADalianCandidateFromShenyangIsNotFound(String path) throws Exception {
        mvc.perform(get(path.formatted(dalian.id())).with(fixtures.as(shenyang)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(dalianName))))
                .andExpect(content().string(not(containsString(dalian.number()))));
        mvc.perform(get(path.formatted(dalian.id())).with(fixtures.as(dalianReviewer)))
                .andExpect(status().isOk());
    }

    @Test
    void anImageIsSentOnlyInScopeAndOnlyAsAnImageNeverAsSomethingToRun() throws Exception {
        var image = dalian.currentImages("ID_PROOF").get(0);
        mvc.perform(get("/review/applications/{id}/images/{image}", dalian.id(), image.id())
                        .with(fixtures.as(dalianReviewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", matchesPattern("image/(jpeg|png)")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", startsWith("inline; filename=\"" + image.id())))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
        mvc.perform(get("/review/applications/{id}/images/{image}", dalian.id(), image.id())
                        .param("thumbnail", "true")
                        .with(fixtures.as(shenyang)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theGridOfAShenyangReviewerNeverShowsADalianCandidate() throws Exception {
        for (String examPoint : new String[] {null, "2102"}) {
            var request = get("/review/grid")
                    .param("year", String.valueOf(ReviewFixtures.YEAR))
                    .param("material", "ID_PROOF")
                    .with(fixtures.as(shenyang));
            if (examPoint != null) {
                request.param("examPoint", examPoint);
            }
            mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(dalianName))))
                    .andExpect(content().string(not(containsString(dalian.id().toString()))));
        }
    }

    @Test
    void aGuessedOrUnknownIdentifierIsNotFoundLikeAForeignOne() throws Exception {
        var image = dalian.currentImages("ID_PROOF").get(0);
        mvc.perform(get("/review/applications/{id}/images/{image}", dalian.id(), image.id())
                        .with(fixtures.as(shenyang)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/review/applications/{id}/images/{image}", shenyangCandidate.id(), image.id())
                        .with(fixtures.as(shenyang)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/review/applications/{id}", UUID.randomUUID()).with(fixtures.as(shenyang)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("该报名不存在，或不在您负责的考点。"));
        mvc.perform(get("/review/applications/not-a-uuid").with(fixtures.as(shenyang)))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void decidingADalianCandidateFromShenyangIsNotFoundAndChangesNothing() throws Exception {
        var as = fixtures.as(shenyang);
        var id = dalian.id();
        var version = String.valueOf(dalian.version());
        mvc.perform(post("/review/applications/{id}/recommendation", id)
                        .with(as)
                        .with(csrf())
                        .param("version", version)
                        .param("outcome", "FAIL")
                        .param("reason", "越权"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/review/applications/{id}/materials/DIPLOMA", id)
                        .with(as)
                        .with(csrf())
                        .param("version", version)
                        .param("verdict", "ACCEPTED"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/review/applications/{id}/form-receipt", id).with(as).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/review/applications/{id}/lease", id).with(as).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/review/applications/{id}/lease", id)
                        .with(as)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/review/applications/{id}/onsite-review", id)
                        .with(as)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"reason\":\"越权\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/review/applications/{id}/materials/ID_PROOF", id)
                        .with(as)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version
                                + ",\"verdict\":\"REPLACEMENT_REQUESTED\",\"reasons\":[\"UNCLEAR\"]}"))
                .andExpect(status().isNotFound());

        var after = fixtures.reload(dalian);
        assertThat(after.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(after.version()).isEqualTo(dalian.version());
        assertThat(after.reviewHistory()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_lease WHERE application_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_form_receipt WHERE application_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theDistrictReviewerSeesEveryExamPoint() throws Exception {
        var district = fixtures.districtReviewer();
        var json = mvc.perform(get("/api/v1/review/applications")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("state", "SUBMITTED")
                        .param("size", "200")
                        .with(fixtures.as(district)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains(dalian.number(), shenyangCandidate.number());
        mvc.perform(get("/review/applications/{id}", dalian.id()).with(fixtures.as(district)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(dalianName)));
    }

    @Test
    void aDraftIsNotTheReviewersBusiness() throws Exception {
        var draft = applications.open(String.valueOf(fixtures.newCandidateId()), ReviewFixtures.YEAR, "2101", false);
        mvc.perform(get("/api/v1/review/applications/{id}", draft.id()).with(fixtures.as(shenyang)))
                .andExpect(status().isNotFound());
    }
}
