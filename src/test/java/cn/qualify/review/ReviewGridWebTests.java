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
