package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.MaterialReview.Verdict;
import cn.qualify.identity.Account;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Grid mode: one material across the candidates of an exam point, one key per acceptance. */
@ReviewIntegrationTest
class ReviewGridWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    ReviewLeases leases;

    String point;
    Account reviewer;

    @BeforeEach
    void anExamPointOfItsOwn() {
        point = String.valueOf(5000 + new java.security.SecureRandom().nextInt(4999));
        reviewer = fixtures.pointReviewer(point);
    }

    @Test
    void acceptingInTheGridDecidesTheMaterialAndLeavesNoLease() throws Exception {
        var first = fixtures.submitted(point, "甲" + point);
        var second = fixtures.submitted(point, "乙" + point);

        mvc.perform(get("/review/grid")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("material", "ID_PROOF")
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甲" + point)))
                .andExpect(content().string(containsString("乙" + point)))
                .andExpect(content().string(containsString("data-grid-accept")));

        mvc.perform(post("/review/grid/accept")
                        .with(fixtures.as(reviewer))
                        .with(csrf())
                        .param("id", first.id().toString())
                        .param("version", String.valueOf(first.version()))
                        .param("material", "ID_PROOF")
                        .param("year", String.valueOf(ReviewFixtures.YEAR)))
                .andExpect(redirectedUrl("/review/grid?material=ID_PROOF&year=" + ReviewFixtures.YEAR));

        var decided = fixtures.reload(first);
        assertThat(decided.latestReviews().get("ID_PROOF").verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(leases.active(first.id(), Instant.now(fixtures.clock()))).isEmpty();

        mvc.perform(get("/review/grid")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("material", "ID_PROOF")
                        .with(fixtures.as(reviewer)))
                .andExpect(content().string(not(containsString("甲" + point))))
                .andExpect(content().string(containsString("乙" + point)));
    }

    @Test
    void aPageIsFullWhenEnoughCandidatesWaitEvenIfEarlierOnesAreDecided() throws Exception {
        // the oldest ten already have their ID proof decided: a grid that filtered a queue page of 24 afterwards
        // would show only 14 of them on its first page
        for (int i = 0; i < 10; i++) {
            var decided = fixtures.submitted(point, "已定" + i + "-" + point);
            decided.reviewMaterial(fixtures.decision("ID_PROOF", Verdict.ACCEPTED));
            fixtures.save(decided);
            fixtures.clock().advance(java.time.Duration.ofSeconds(1));
        }
        for (int i = 0; i < 26; i++) {
            fixtures.submitted(point, "待审" + i + "-" + point);
            fixtures.clock().advance(java.time.Duration.ofSeconds(1));
        }

        var first = mvc.perform(get("/review/grid")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("material", "ID_PROOF")
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(cells(first)).isEqualTo(ReviewGrid.PAGE_SIZE);
        assertThat(first).doesNotContain("已定");
        var next = java.util.regex.Pattern.compile("after=([A-Za-z0-9_-]+)").matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();

        var second = mvc.perform(get("/review/grid")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("material", "ID_PROOF")
                        .param("after", next.group(1))
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(cells(second)).isEqualTo(2);
        assertThat(second).doesNotContain("after=");
        for (int i = 0; i < 26; i++) {
            assertThat(first.contains("待审" + i + "-" + point) ^ second.contains("待审" + i + "-" + point))
                    .as("candidate %d on exactly one page", i)
                    .isTrue();
        }
    }

    private static int cells(String html) {
        return html.split("data-grid-cell", -1).length - 1;
    }

    @Test
    void aCandidateSomeoneElseIsReviewingIsNotAcceptedFromTheGrid() throws Exception {
        var application = fixtures.submitted(point);
        var colleague = fixtures.pointReviewer(point);
        mvc.perform(get("/review/applications/{id}", application.id()).with(fixtures.as(colleague)));

        mvc.perform(post("/review/grid/accept")
                        .with(fixtures.as(reviewer))
                        .with(csrf())
                        .param("id", application.id().toString())
                        .param("version", String.valueOf(application.version()))
                        .param("material", "ID_PROOF"))
                .andExpect(flash().attribute("flashError", containsString(colleague.displayName())));
        assertThat(fixtures.reload(application).reviewHistory()).isEmpty();
        assertThat(leases.active(application.id(), Instant.now(fixtures.clock()))
                        .orElseThrow()
                        .holderName())
                .isEqualTo(colleague.displayName());
    }

    @Test
    void anUnknownMaterialIsNamed() throws Exception {
        mvc.perform(get("/review/grid")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("material", "NOPE")
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("材料代码“NOPE”不存在。")));
    }
}
