package cn.qualify.exam;

import static cn.qualify.exam.ExamSetupFixtures.liaoningDistrict;
import static cn.qualify.exam.ExamSetupFixtures.noExamSetup;
import static cn.qualify.exam.ExamSetupFixtures.pointForm;
import static cn.qualify.exam.ExamSetupFixtures.yearOpenOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The exam setup JSON API: happy paths, and problem details that name the field for every refusal. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@WithMockUser(roles = "ADMIN")
class ExamApiWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamSetup setup;

    @Autowired
    ExamPoints points;

    @Autowired
    ExamYears years;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void startEmpty() {
        noExamSetup(jdbc);
        today = LocalDate.now(clock);
    }

    @Test
    void anExamYearIsCreatedReadAndChanged() throws Exception {
        liaoningDistrict(setup);

        mvc.perform(json(post("/api/v1/admin/exam-years"), yearJson(2025, today, 5, "")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/exam-years/2025"))
                .andExpect(jsonPath("$.year").value(2025))
                .andExpect(jsonPath("$.districtCode").value("21"))
                .andExpect(jsonPath("$.policyId").value("LN-2025"))
                .andExpect(jsonPath("$.registrationOpens")
                        .value(today.minusDays(10).toString()))
                .andExpect(jsonPath("$.maxImageBytes").value(204_800));

        var read = mvc.perform(get("/api/v1/admin/exam-years/2025"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewCloses").value(today.plusDays(40).toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(json(put("/api/v1/admin/exam-years/2025"), read.replace("\"LN-2025\"", "\"LN-2025B\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policyId").value("LN-2025B"));
        mvc.perform(json(put("/api/v1/admin/exam-years/2025"), yearJson(2025, today, 9, "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resubmissionDays").value(9));
        mvc.perform(get("/api/v1/admin/exam-years"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].resubmissionDays").value(9));
        assertThat(years.byYear(2025)).map(ExamYear::resubmissionDays).contains(9);
    }

    @Test
    void anOutOfRangeNumberIsA400NamingTheField() throws Exception {
        liaoningDistrict(setup);

        mvc.perform(json(post("/api/v1/admin/exam-years"), yearJson(2025, today, 0, "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("resubmissionDays"))
                .andExpect(jsonPath("$.errors[0].message").value("重新提交期限须为 1 至 60 天。"));
        assertThat(years.all()).isEmpty();
    }

    @Test
    void datesOutOfOrderAreA400NamingTheFieldInTheCallersLanguage() throws Exception {
        liaoningDistrict(setup);
        var reviewBeforeUpload = yearJson(2025, today, 5, "")
                .replace(
                        "\"reviewCloses\":\"" + today.plusDays(40) + "\"",
                        "\"reviewCloses\":\"" + today.plusDays(19) + "\"");

        mvc.perform(json(post("/api/v1/admin/exam-years"), reviewBeforeUpload))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reviewCloses"))
                .andExpect(jsonPath("$.errors[0].message").value("资格审核截止日期不能早于材料上传截止日期。"));
        mvc.perform(json(post("/api/v1/admin/exam-years").param("lang", "en"), reviewBeforeUpload))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Review cannot close before upload closes."));
        assertThat(years.all()).isEmpty();
    }

    @Test
    void aDuplicateOrRenumberedYearIsA400NamingTheYear() throws Exception {
        liaoningDistrict(setup);
        setup.addYear(yearOpenOn(2025, today));

        mvc.perform(json(post("/api/v1/admin/exam-years"), yearJson(2025, today, 5, "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].message").value("2025 年度考试已存在。"));
        mvc.perform(json(put("/api/v1/admin/exam-years/2025"), yearJson(2026, today, 5, "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void anUnreadableDateIsA400NamingTheField() throws Exception {
        liaoningDistrict(setup);
        var badDate = yearJson(2025, today, 5, "")
                .replace("\"uploadOpens\":\"" + today.minusDays(5) + "\"", "\"uploadOpens\":\"2025-02-30\"");

        mvc.perform(json(post("/api/v1/admin/exam-years"), badDate))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("uploadOpens"));
    }

    @Test
    void anUnknownYearIsA404Problem() throws Exception {
        mvc.perform(get("/api/v1/admin/exam-years/2031"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("未找到 2031 年度考试。"));
        mvc.perform(get("/api/v1/admin/exam-years/twenty")).andExpect(status().isBadRequest());
    }

    @Test
    void withoutADistrictNothingCanBeCreated() throws Exception {
        mvc.perform(json(post("/api/v1/admin/exam-years"), yearJson(2025, today, 5, "")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("请先设置考区。"));
    }

    @Test
    void examPointsAreCreatedRenamedAndDeactivated() throws Exception {
        liaoningDistrict(setup);

        mvc.perform(json(post("/api/v1/admin/exam-points"), "{\"code\":\"2101\",\"name\":\"沈阳考点\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/exam-points/2101"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.districtCode").value("21"));
        mvc.perform(json(
                        put("/api/v1/admin/exam-points/2101"),
                        "{\"code\":\"2101\",\"name\":\"沈阳市考点\",\"active\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("沈阳市考点"))
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/admin/exam-points/2101"))
                .andExpect(jsonPath("$.active").value(false));

        assertThat(points.byCode("2101")).contains(new ExamPoint("2101", "沈阳市考点", "21", false));
        mvc.perform(get("/api/v1/admin/exam-points/2199")).andExpect(status().isNotFound());
    }

    @Test
    void badExamPointsAreA400NamingTheField() throws Exception {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳考点"));

        mvc.perform(json(post("/api/v1/admin/exam-points"), "{\"code\":\"2201\",\"name\":\"长春考点\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("考点代码须以本考区代码 21 开头，且后两位不能为 00。"));
        mvc.perform(json(post("/api/v1/admin/exam-points"), "{\"code\":\"2101\",\"name\":\"另一个考点\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(json(post("/api/v1/admin/exam-points"), "{\"code\":\"21\",\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)));
        assertThat(points.all()).hasSize(1);
    }

    @Test
    @WithMockUser(roles = "CANDIDATE")
    void candidatesCannotUseTheAdminApi() throws Exception {
        mvc.perform(get("/api/v1/admin/exam-years")).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/admin/exam-points"), "{\"code\":\"2101\",\"name\":\"沈阳考点\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anyoneMayReadTheActiveExamPoints() throws Exception {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳考点"));
        setup.addPoint(pointForm("2102", "大连考点"));
        setup.addPoint(pointForm("2103", "鞍山考点"));
        setup.changePointActive("2102", false);

        mvc.perform(get("/api/v1/exam-points").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", contains("2101", "2103")))
                .andExpect(jsonPath("$[0].name").value("沈阳考点"))
                .andExpect(jsonPath("$[0].active").doesNotExist());
        // how an anonymous caller is turned away (login redirect or 401) is the security rules' choice
        mvc.perform(get("/api/v1/admin/exam-points").with(anonymous()))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(302, 401, 403))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).doesNotContain("2101"));
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/admin/exam-years'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/admin/exam-years/{year}'].put")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/admin/exam-points/{code}'].put")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/exam-points'].get").exists());
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String yearJson(int year, LocalDate today, int resubmissionDays, String extra) {
        var form = yearOpenOn(year, today);
        return """
                {"year":%d,"policyId":"LN-2025","registrationOpens":"%s","registrationCloses":"%s",\
                "uploadOpens":"%s","uploadCloses":"%s","reviewOpens":"%s","reviewCloses":"%s",\
                "resubmissionDays":%d,"maxImageBytes":204800%s}""".formatted(
                        year,
                        form.getRegistrationOpens(),
                        form.getRegistrationCloses(),
                        form.getUploadOpens(),
                        form.getUploadCloses(),
                        form.getReviewOpens(),
                        form.getReviewCloses(),
                        resubmissionDays,
                        extra);
    }
}
