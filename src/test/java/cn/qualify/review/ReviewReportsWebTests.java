package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Application;
import cn.qualify.identity.Account;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The .xlsx exports and the dashboard: content, scope, streaming across batches, and the audit of exports. */
@ReviewIntegrationTest
class ReviewReportsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    String point;
    String otherPoint;
    Account reviewer;

    @BeforeEach
    void anExamPointOfItsOwn() {
        var random = new SecureRandom();
        point = unusedExamPoint(random, null);
        otherPoint = unusedExamPoint(random, point);
        reviewer = fixtures.pointReviewer(point);
    }

    /** Other test classes pick exam points at random too: take one that holds no application of the year yet. */
    private String unusedExamPoint(SecureRandom random, String taken) {
        while (true) {
            var candidate = String.valueOf(5000 + random.nextInt(4999));
            var used = jdbc.sql("SELECT COUNT(*) FROM application WHERE exam_year = :year AND exam_point_code = :point")
                    .param("year", ReviewFixtures.YEAR)
                    .param("point", candidate)
                    .query(Long.class)
                    .single();
            if (used == 0 && !candidate.equals(taken)) {
                return candidate;
            }
        }
    }

    private byte[] export(Account who, String examPoint) throws Exception {
        var request = get("/review/export").param("year", String.valueOf(ReviewFixtures.YEAR));
        if (examPoint != null) {
            request = request.param("examPoint", examPoint);
        }
        return mvc.perform(request.with(fixtures.as(who)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ReviewReportsController.XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("UTF-8''")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static List<Row> rows(byte[] xlsx) throws Exception {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            try (var stream = workbook.getFirstSheet().openStream()) {
                return stream.toList();
            }
        }
    }

    private static String text(Row row, int column) {
        return row.getOptionalCell(column)
                .map(cell -> cell.getText() == null ? "" : cell.getText())
                .orElse("");
    }

    private static Map<String, Row> byNumber(List<Row> rows) {
        return rows.stream().skip(1).collect(Collectors.toMap(row -> text(row, 0), row -> row));
    }

    @Test
    void theExamPointsExportHasOneMaskedRowPerCandidateWithDecisionsAndOpenReasons() throws Exception {
        var submitted = fixtures.submitted(point, "导出甲" + point);
        var returned = fixtures.returnedForAClearerDiploma(point);
        var approved = fixtures.approved(point);
        var elsewhere = fixtures.submitted(otherPoint);

        var bytes = export(reviewer, point);
        var rows = rows(bytes);
        assertThat(text(rows.get(0), 0)).isEqualTo("报名号");
        assertThat(text(rows.get(0), 2)).isEqualTo("证件号码");
        var lines = byNumber(rows);
        assertThat(lines.keySet())
                .containsExactlyInAnyOrder(submitted.number(), returned.number(), approved.number())
                .doesNotContain(elsewhere.number());

        var first = lines.get(submitted.number());
        assertThat(text(first, 1)).isEqualTo("导出甲" + point);
        var id = ReviewFixtures.idNumber(Long.parseLong(submitted.candidateId()));
        assertThat(text(first, 2))
                .isEqualTo(id.substring(0, 4) + "**********" + id.substring(14))
                .doesNotContain(id.substring(4, 14));
        assertThat(text(first, 5)).isEqualTo("待考点审核");

        assertThat(text(lines.get(returned.number()), 5)).isEqualTo("退回修改");
        assertThat(text(lines.get(returned.number()), 12)).contains("不清晰");
        assertThat(text(lines.get(approved.number()), 6)).isEqualTo("考点通过");
        assertThat(text(lines.get(approved.number()), 8)).isEqualTo(ReviewFixtures.SETUP.displayName());
        assertThat(text(lines.get(approved.number()), 9)).isEqualTo("审核通过");
        assertThat(text(lines.get(approved.number()), 11)).isEqualTo("考区");
        assertThat(text(lines.get(approved.number()), 12)).isEmpty();

        var audited = jdbc.sql("SELECT details FROM audit_entry WHERE action = 'RESULTS_EXPORTED' AND actor_id = :id")
                .param("id", String.valueOf(reviewer.id()))
                .query(String.class)
                .list();
        assertThat(audited).containsExactly("year " + ReviewFixtures.YEAR + "; exam point " + point);
    }

    @Test
    void theExportStreamsEveryRowAcrossBatches() throws Exception {
        var numbers = new ArrayList<String>();
        for (int i = 0; i < ReviewExports.BATCH + 3; i++) {
            numbers.add(fixtures.inOfflineReview(point).number());
        }
        var lines = byNumber(rows(export(reviewer, point)));
        assertThat(lines.keySet()).containsExactlyInAnyOrderElementsOf(numbers);
    }

    @Test
    void exportsStayWithinTheReviewersScope() throws Exception {
        mvc.perform(get("/review/export").param("examPoint", otherPoint).with(fixtures.as(reviewer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/review/export").with(fixtures.as(reviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/review/export").param("examPoint", otherPoint).with(fixtures.as(reviewer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/review/export").with(fixtures.as(reviewer)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("review.export.districtOnly"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'RESULTS_EXPORTED' AND actor_id = :id")
                        .param("id", String.valueOf(reviewer.id()))
                        .query(Long.class)
                        .single())
                .isZero();

        var mine = fixtures.submitted(point);
        var theirs = fixtures.submitted(otherPoint);
        var district = fixtures.districtReviewer();
        var lines = byNumber(rows(export(district, null)));
        assertThat(lines.keySet()).contains(mine.number(), theirs.number());
    }

    private JsonNode figures(Account who, String examPoint) throws Exception {
        var request = get("/api/v1/review/dashboard").param("year", String.valueOf(ReviewFixtures.YEAR));
        if (examPoint != null) {
            request = request.param("examPoint", examPoint);
        }
        return json.readTree(mvc.perform(request.with(fixtures.as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static long count(JsonNode states, String state) {
        for (var s : states) {
            if (s.get("state").asString().equals(state)) {
                return s.get("count").asLong();
            }
        }
        throw new AssertionError("no state " + state);
    }

    @Test
    void theDashboardCountsMediansAndReasonsWithinTheScope() throws Exception {
        var clock = fixtures.clock();
        var a = fixtures.submitted(point);
        var b = fixtures.submitted(point);
        var c = fixtures.submitted(point);
        fixtures.returnedForAClearerDiploma(point);
        fixtures.submitted(otherPoint);
        clock.advance(Duration.ofHours(2));
        a = pass(a);
        clock.advance(Duration.ofHours(2));
        b.decideAtExamPoint(false, "不符合", ReviewFixtures.SETUP, clock.instant());
        fixtures.save(b);
        clock.advance(Duration.ofHours(2));
        pass(c);
        clock.advance(Duration.ofHours(2));
        a.decideFinally(true, "", new cn.qualify.application.Actor("district-x", "考区"), clock.instant());
        fixtures.save(a);

        var figures = figures(reviewer, null);
        assertThat(figures.get("total").asLong()).isEqualTo(4);
        assertThat(count(figures.get("states"), "APPROVED")).isEqualTo(1);
        assertThat(count(figures.get("states"), "POINT_PASSED")).isEqualTo(1);
        assertThat(count(figures.get("states"), "POINT_FAILED")).isEqualTo(1);
        assertThat(count(figures.get("states"), "RETURNED")).isEqualTo(1);
        assertThat(figures.get("examPoints")).hasSize(1);
        assertThat(figures.get("examPoints").get(0).get("code").asString()).isEqualTo(point);
        assertThat(figures.get("toExamPointDecision").get("hours").asDouble()).isEqualTo(4.0);
        assertThat(figures.get("toExamPointDecision").get("applications").asLong())
                .isEqualTo(3);
        assertThat(figures.get("toFinalDecision").get("hours").asDouble()).isEqualTo(8.0);
        long examPointDecisions = 0;
        long districtDecisions = 0;
        for (var day : figures.get("perDay")) {
            examPointDecisions += day.get("examPoint").asLong();
            districtDecisions += day.get("district").asLong();
        }
        assertThat(figures.get("perDay")).hasSize(ReviewDashboard.DAYS);
        assertThat(examPointDecisions).isEqualTo(4); // three decisions and one return
        assertThat(districtDecisions).isEqualTo(1);
        assertThat(figures.get("reasons")).hasSize(1);
        assertThat(figures.get("reasons").get(0).get("code").asString()).isEqualTo("UNCLEAR");
        assertThat(figures.get("reasons").get(0).get("count").asLong()).isEqualTo(1);

        mvc.perform(get("/api/v1/review/dashboard")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .param("examPoint", otherPoint)
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isNotFound());

        var district = fixtures.districtReviewer();
        assertThat(figures(district, otherPoint).get("total").asLong()).isEqualTo(1);
        assertThat(figures(district, null).get("total").asLong()).isGreaterThanOrEqualTo(5);
    }

    private Application pass(Application application) {
        application.reviewMaterial(
                fixtures.decision("ID_PROOF", cn.qualify.application.MaterialReview.Verdict.ACCEPTED));
        application.reviewMaterial(
                fixtures.decision("DIPLOMA", cn.qualify.application.MaterialReview.Verdict.ACCEPTED));
        application.decideAtExamPoint(
                true, "", ReviewFixtures.SETUP, fixtures.clock().instant());
        return fixtures.save(application);
    }

    @Test
    void theDashboardPageDrawsWithTheEchartsWebjarAndShowsTheFiguresWithoutScript() throws Exception {
        fixtures.submitted(point);
        var page = mvc.perform(get("/review/dashboard")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("src=\"/webjars/echarts/dist/echarts.min.js\"")
                .contains("/js/review-dashboard.js")
                .contains("data-dashboard-source=\"/api/v1/review/dashboard?year=" + ReviewFixtures.YEAR)
                .contains("data-chart=\"states\"")
                .contains("<tr data-state=\"SUBMITTED\">")
                .contains("<tr data-point=\"" + point + "\">")
                .doesNotContain("<script>")
                .doesNotContain("/review/export?year=" + ReviewFixtures.YEAR + "\"");
        var district = mvc.perform(get("/review/dashboard")
                        .param("year", String.valueOf(ReviewFixtures.YEAR))
                        .with(fixtures.as(fixtures.districtReviewer())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(district).contains("/review/export?year=" + ReviewFixtures.YEAR + "\"");
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/js/review-dashboard.js")).andExpect(status().isOk());
    }
}
