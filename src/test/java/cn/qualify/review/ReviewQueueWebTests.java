package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Application;
import cn.qualify.application.ImageCheck;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialReview.Verdict;
import cn.qualify.identity.Account;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The queues: what each level waits for, the filters, search by application number, ID number and name, and keyset
 * pagination that neither skips nor repeats. Each test uses an exam point of its own within the run's exam year.
 */
@ReviewIntegrationTest
class ReviewQueueWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    ImageChecks imageChecks;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    String point;
    Account reviewer;

    @BeforeEach
    void anExamPointOfItsOwn() {
        point = String.valueOf(5000 + new java.security.SecureRandom().nextInt(4999));
        reviewer = fixtures.pointReviewer(point);
    }

    MockHttpServletRequestBuilder queue(String... params) {
        var request = get("/api/v1/review/applications").param("year", String.valueOf(ReviewFixtures.YEAR));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.with(fixtures.as(reviewer));
    }

    List<String> numbers(MockHttpServletRequestBuilder request) throws Exception {
        var json = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.items[*].number");
    }

    @Test
    void eachLevelSeesWhatWaitsForIt() throws Exception {
        var submitted = fixtures.submitted(point);
        var military = fixtures.inOfflineReview(point);
        var passed = fixtures.passedAtExamPoint(point);
        var returned = fixtures.returnedForAClearerDiploma(point);

        assertThat(numbers(queue())).containsExactlyInAnyOrder(submitted.number(), military.number());
        assertThat(numbers(queue("state", "RETURNED"))).containsExactly(returned.number());
        assertThat(numbers(queue("state", "ALL")))
                .containsExactlyInAnyOrder(submitted.number(), military.number(), passed.number(), returned.number());

        var district = fixtures.districtReviewer();
        var json = mvc.perform(get("/api/v1/review/applications")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("examPoint", point)
                        .with(fixtures.as(district)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> forDistrict = JsonPath.read(json, "$.items[*].number");
        assertThat(forDistrict).containsExactly(passed.number());
    }

    @Test
    void searchFindsByApplicationNumberIdNumberAndName() throws Exception {
        var wanted = fixtures.submitted(point, "李四" + point);
        fixtures.submitted(point, "王五" + point);
        var idNumber = ReviewFixtures.idNumber(Long.parseLong(wanted.candidateId()));

        assertThat(numbers(queue("q", wanted.number()))).containsExactly(wanted.number());
        assertThat(numbers(queue("q", idNumber))).containsExactly(wanted.number());
        assertThat(numbers(queue("q", " 李四" + point + " "))).containsExactly(wanted.number());
        assertThat(numbers(queue("q", "李"))).isEmpty();
        mvc.perform(queue("q", idNumber))
                .andExpect(jsonPath("$.items[0].idNumber")
                        .value(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .andExpect(jsonPath("$.items[0].candidateName").value("李四" + point));
    }

    @Test
    void filtersByQualityFlagResubmissionRouteAndDeadline() throws Exception {
        var blurry = fixtures.submitted(point);
        var plain = fixtures.submitted(point);
        var resubmitted = fixtures.resubmitted(point);
        imageChecks.record(new ImageCheck(
                blurry.currentImages("DIPLOMA").get(0).storageKey(), Set.of("BLURRY"), null, clock.instant()));
        fixtures.refreshQueueEntry(blurry);

        assertThat(numbers(queue("flag", "BLURRY"))).containsExactly(blurry.number());
        assertThat(numbers(queue("flag", "ANY"))).containsExactly(blurry.number());
        assertThat(numbers(queue("flag", "TOO_DARK"))).isEmpty();
        assertThat(numbers(queue("flag", "BLURRY", "q", blurry.number()))).containsExactly(blurry.number());
        assertThat(numbers(queue("flag", "ANY", "q", blurry.number()))).containsExactly(blurry.number());
        assertThat(numbers(queue("flag", "BLURRY", "q", plain.number()))).isEmpty();
        assertThat(numbers(queue("resubmitted", "true"))).containsExactly(resubmitted.number());
        assertThat(numbers(queue("route", "BACHELOR_PHYSICIAN")))
                .containsExactlyInAnyOrder(blurry.number(), plain.number(), resubmitted.number());
        assertThat(numbers(queue("route", "EXPERTISE_ASSISTANT"))).isEmpty();

        var returned = fixtures.returnedForAClearerDiploma(point);
        assertThat(numbers(queue("deadlineSoon", "true"))).isEmpty();
        clock.advance(Duration.ofDays(2));
        assertThat(numbers(queue("deadlineSoon", "true"))).containsExactly(returned.number());
    }

    /** A submitted application whose diploma the verification found blurry, as the queue knows it. */
    Application blurry() {
        var application = fixtures.submitted(point);
        imageChecks.record(new ImageCheck(
                application.currentImages("DIPLOMA").get(0).storageKey(), Set.of("BLURRY"), null, clock.instant()));
        fixtures.refreshQueueEntry(application);
        return application;
    }

    @Test
    void flagFiltersFollowTheApplicationThroughItsDecisions() throws Exception {
        var application = blurry();
        assertThat(numbers(queue("flag", "BLURRY"))).containsExactly(application.number());

        application.reviewMaterial(fixtures.decision("ID_PROOF", Verdict.ACCEPTED));
        application.reviewMaterial(fixtures.decision("DIPLOMA", Verdict.ACCEPTED));
        clock.advance(Duration.ofMinutes(1));
        application = fixtures.save(application);
        application.decideAtExamPoint(true, "", ReviewFixtures.SETUP, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        application = fixtures.save(application);

        assertThat(numbers(queue("flag", "BLURRY"))).isEmpty();
        assertThat(numbers(queue("flag", "ANY", "state", "POINT_PASSED"))).containsExactly(application.number());
        var district = fixtures.districtReviewer();
        var json = mvc.perform(get("/api/v1/review/applications")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("examPoint", point)
                        .param("flag", "BLURRY")
                        .with(fixtures.as(district)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$.items[*].number")).containsExactly(application.number());
        assertThat(flaggedPosition(application.id())).isEqualTo(applicationPosition(application.id()));

        imageChecks.record(new ImageCheck(
                application.currentImages("DIPLOMA").get(0).storageKey(), Set.of(), null, clock.instant()));
        fixtures.refreshQueueEntry(application);
        assertThat(numbers(queue("flag", "ANY", "state", "ALL"))).isEmpty();
        assertThat(numbers(queue("state", "POINT_PASSED"))).containsExactly(application.number());
    }

    @Test
    void flagFilteredPagesFollowEachOtherWithoutGapsOrRepeats() throws Exception {
        var expected = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            expected.add(blurry().number());
            fixtures.submitted(point);
            clock.advance(Duration.ofSeconds(1));
        }
        var seen = new ArrayList<String>();
        String after = null;
        int pages = 0;
        do {
            var request = after == null
                    ? queue("flag", "BLURRY", "size", "2")
                    : queue("flag", "BLURRY", "size", "2", "after", after);
            var json = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            seen.addAll(JsonPath.<List<String>>read(json, "$.items[*].number"));
            after = JsonPath.using(Configuration.defaultConfiguration().addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL))
                    .parse(json)
                    .read("$.next");
            pages++;
        } while (after != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    /**
     * A refresh (a reviewer opening the application, or the submission listener) racing a save: whichever commits
     * last, the flagged copy of the position must end equal to the application row, or the filters would misplace it.
     */
    @Test
    void aRefreshRacingASaveLeavesTheFlaggedPositionEqualToTheApplication() throws Exception {
        var application = blurry();
        for (int i = 0; i < 10; i++) {
            var current = fixtures.reload(application);
            current.reviewMaterial(fixtures.decision("ID_PROOF", Verdict.ACCEPTED));
            clock.advance(Duration.ofSeconds(1));
            var refresh = CompletableFuture.runAsync(() -> fixtures.refreshQueueEntry(current));
            var save = CompletableFuture.runAsync(() -> fixtures.save(current));
            CompletableFuture.allOf(refresh, save).get();
            assertThat(flaggedPosition(application.id())).isEqualTo(applicationPosition(application.id()));
        }
    }

    String flaggedPosition(UUID id) {
        return jdbc.sql("""
                        SELECT exam_year || '/' || exam_point_code || '/' || state || '/' || CAST(updated_at AS VARCHAR(40))
                        FROM review_flagged_application WHERE application_id = :id""").param("id", id).query(String.class).single();
    }

    String applicationPosition(UUID id) {
        return jdbc.sql("""
                        SELECT exam_year || '/' || exam_point_code || '/' || state || '/' || CAST(updated_at AS VARCHAR(40))
                        FROM application WHERE id = :id""").param("id", id).query(String.class).single();
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() throws Exception {
        var expected = new ArrayList<String>();
        for (int i = 0; i < 7; i++) {
            expected.add(fixtures.submitted(point).number());
            clock.advance(Duration.ofSeconds(1));
        }
        var seen = new ArrayList<String>();
        String after = null;
        int pages = 0;
        do {
            var request = after == null ? queue("size", "3") : queue("size", "3", "after", after);
            var json = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> numbers = JsonPath.read(json, "$.items[*].number");
            seen.addAll(numbers);
            after = JsonPath.using(Configuration.defaultConfiguration().addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL))
                    .parse(json)
                    .read("$.next");
            pages++;
        } while (after != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(seen)).hasSize(7);
    }

    @Test
    void nonsenseFiltersAreNamed() throws Exception {
        mvc.perform(queue("after", "garbage!"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("分页位置无效，请从第一页重新查看。"));
        mvc.perform(queue("state", "DRAFT"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("筛选条件“state”无效。"));
        mvc.perform(queue("flag", "UGLY")).andExpect(status().isBadRequest());
        mvc.perform(queue("route", "NOPE")).andExpect(status().isBadRequest());
        mvc.perform(get("/review")
                        .param("state", "NOPE")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("筛选条件“state”无效。")));
    }

    @Test
    void thePageAndItsHtmxFragmentListTheQueue() throws Exception {
        Application submitted = fixtures.submitted(point, "赵六" + point);
        mvc.perform(get("/review")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("赵六" + point)))
                .andExpect(content().string(containsString("/review/applications/" + submitted.id())));
        mvc.perform(get("/review")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("q", submitted.number())
                        .header("HX-Request", "true")
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"queue-results\"")))
                .andExpect(content().string(containsString(submitted.number())));
    }
}
