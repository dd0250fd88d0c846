package cn.qualify.exam;

import static cn.qualify.exam.ExamSetupFixtures.liaoningDistrict;
import static cn.qualify.exam.ExamSetupFixtures.noExamSetup;
import static cn.qualify.exam.ExamSetupFixtures.pointForm;
import static cn.qualify.exam.ExamSetupFixtures.yearOpenOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The administrator pages of exam setup, through the real security rules. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@WithMockUser(roles = "ADMIN")
class ExamAdminPagesWebTests {

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
    void theStartPageLinksEverySetupPageAndShowsTheCurrentYear() throws Exception {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳考点"));
        setup.addYear(yearOpenOn(2025, today));

        var html = mvc.perform(get("/admin"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains(
                        "href=\"/admin/exam-years\"",
                        "href=\"/admin/exam-points\"",
                        "href=\"/admin/accounts\"",
                        "href=\"/admin/policy\"",
                        "工作人员账号",
                        "报考政策",
                        "2025 年度",
                        "LN-2025",
                        "进行中",
                        "1 个考点在用（共 1 个）");
        assertThat(mvc.perform(get("/admin").param("lang", "en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Staff accounts", "Exam year 2025", "Open");
    }

    @Test
    @WithMockUser(roles = "CANDIDATE")
    void candidatesAreRefused() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/exam-years")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/exam-points")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/exam-district")
                        .with(csrf())
                        .param("code", "21")
                        .param("name", "辽宁考区"))
                .andExpect(status().isForbidden());
        assertThat(setup.district()).isEmpty();
    }

    @Test
    void aNewExamYearIsSavedAndTheListShowsIt() throws Exception {
        liaoningDistrict(setup);

        mvc.perform(yearPost("/admin/exam-years/new", yearOpenOn(2025, today)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/exam-years"))
                .andExpect(flash().attribute("flashSuccess", "已新建 2025 年度考试。"));

        assertThat(years.byYear(2025)).map(ExamYear::policyId).contains("LN-2025");
        mvc.perform(get("/admin/exam-years"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2025 年度")));
    }

    @Test
    void datesOutOfOrderAreShownNextToTheFieldInChineseAndNothingIsSaved() throws Exception {
        liaoningDistrict(setup);
        var form = yearOpenOn(2025, today);
        form.setRegistrationCloses(form.getRegistrationOpens().minusDays(1));

        var html = mvc.perform(yearPost("/admin/exam-years/new", form))
                .andExpect(status().isOk())
                .andExpect(view().name(ExamYearAdminController.FORM))
                .andExpect(model().attributeHasFieldErrorCode(
                                "examYearForm", "registrationCloses", "exam.year.registrationCloses.beforeOpens"))
                .andExpect(model().errorCount(1))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertMessageFollowsField(html, "registrationCloses", "报名截止日期不能早于报名开始日期。", "uploadOpens");
        assertThat(years.all()).isEmpty();
    }

    @Test
    void theSameErrorIsInEnglishOnRequest() throws Exception {
        liaoningDistrict(setup);
        var form = yearOpenOn(2025, today);
        form.setReviewCloses(form.getUploadCloses().minusDays(1));

        var html = mvc.perform(yearPost("/admin/exam-years/new", form).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertMessageFollowsField(
                html, "reviewCloses", "Review cannot close before upload closes.", "resubmissionDays");
    }

    @Test
    void fieldRulesAndUnreadableValuesGetTheirOwnMessages() throws Exception {
        liaoningDistrict(setup);
        var form = yearOpenOn(2025, today);
        form.setResubmissionDays(0);
        form.setMaxImageBytes(10_239L);
        form.setPolicyId("ln 2025");
        form.setUploadOpens(null);

        var html = mvc.perform(yearPost("/admin/exam-years/new", form).param("uploadOpens", "2025-02-30"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(
                                "examYearForm", "resubmissionDays", "maxImageBytes", "policyId", "uploadOpens"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertMessageFollowsField(html, "resubmissionDays", "重新提交期限须为 1 至 60 天。", "maxImageBytes");
        assertMessageFollowsField(html, "maxImageBytes", "图片大小上限须在 10240 字节（10 KB）至 10485760 字节（10 MB）之间。", "</form>");
        assertMessageFollowsField(html, "policyId", "报考政策编号只能由大写字母、数字和“-”组成", "registrationOpens");
        assertMessageFollowsField(html, "uploadOpens", "请输入有效日期（年-月-日）。", "uploadCloses");
        assertThat(html).contains("value=\"2025-02-30\"");
        assertThat(years.all()).isEmpty();
    }

    @Test
    void aSecondExamYearForTheSameYearIsRefused() throws Exception {
        liaoningDistrict(setup);
        setup.addYear(yearOpenOn(2025, today));
        var again = yearOpenOn(2025, today);
        again.setPolicyId("LN-2025B");

        var html = mvc.perform(yearPost("/admin/exam-years/new", again))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("examYearForm", "year", "exam.year.year.duplicate"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertMessageFollowsField(html, "year", "2025 年度考试已存在。", "policyId");
        assertThat(years.byYear(2025)).map(ExamYear::policyId).contains("LN-2025");
    }

    @Test
    void anExamYearIsEditedInPlace() throws Exception {
        liaoningDistrict(setup);
        setup.addYear(yearOpenOn(2025, today));
        var page = mvc.perform(get("/admin/exam-years/2025/edit"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inputTag(page, "year")).contains("readonly", "value=\"2025\"");
        assertThat(inputTag(page, "policyId")).contains("value=\"LN-2025\"").doesNotContain("readonly");
        var changed = yearOpenOn(2025, today);
        changed.setResubmissionDays(10);

        mvc.perform(yearPost("/admin/exam-years/2025/edit", changed))
                .andExpect(redirectedUrl("/admin/exam-years"))
                .andExpect(flash().attribute("flashSuccess", "已保存 2025 年度考试。"));

        assertThat(years.byYear(2025)).map(ExamYear::resubmissionDays).contains(10);
        mvc.perform(get("/admin/exam-years/2031/edit")).andExpect(status().isNotFound());
    }

    @Test
    void withoutADistrictTheAdministratorIsSentToSetItUpFirst() throws Exception {
        mvc.perform(get("/admin/exam-years/new"))
                .andExpect(redirectedUrl("/admin/exam-district"))
                .andExpect(flash().attribute("flashError", "请先设置考区。"));
        mvc.perform(get("/admin/exam-district"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("设置考区")));

        mvc.perform(post("/admin/exam-district")
                        .with(csrf())
                        .param("code", "21")
                        .param("name", "辽宁考区"))
                .andExpect(redirectedUrl("/admin/exam-points"))
                .andExpect(flash().attribute("flashSuccess", "已保存考区：辽宁考区。"));

        assertThat(setup.district()).contains(new ExamDistrict("21", "辽宁考区"));
    }

    @Test
    void theDistrictCanOnlyBeRenamedOnceSetUp() throws Exception {
        liaoningDistrict(setup);

        mvc.perform(post("/admin/exam-district")
                        .with(csrf())
                        .param("code", "21")
                        .param("name", "  "))
                .andExpect(model().attributeHasFieldErrors("examDistrictForm", "name"));
        mvc.perform(post("/admin/exam-district")
                        .with(csrf())
                        .param("code", "22")
                        .param("name", "吉林考区"))
                .andExpect(
                        model().attributeHasFieldErrorCode("examDistrictForm", "code", "exam.district.code.immutable"));
        mvc.perform(post("/admin/exam-district")
                        .with(csrf())
                        .param("code", "21")
                        .param("name", "辽宁省考区"))
                .andExpect(redirectedUrl("/admin/exam-points"));

        assertThat(setup.district()).contains(new ExamDistrict("21", "辽宁省考区"));
    }

    @Test
    void examPointsAreListedCreatedAndRefusedWithReasons() throws Exception {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳考点"));

        mvc.perform(get("/admin/exam-points"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("沈阳考点")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("辽宁考区")));
        mvc.perform(pointPost("/admin/exam-points/new", "2102", "大连考点"))
                .andExpect(redirectedUrl("/admin/exam-points"))
                .andExpect(flash().attribute("flashSuccess", "已新增大连考点。"));

        var duplicate = mvc.perform(pointPost("/admin/exam-points/new", "2101", "沈阳第二考点"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertMessageFollowsField(duplicate, "code", "考点代码 2101 已存在。", "id=\"name\"");
        var outside = mvc.perform(pointPost("/admin/exam-points/new", "2201", "长春考点"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertMessageFollowsField(outside, "code", "考点代码须以本考区代码 21 开头，且后两位不能为 00。", "id=\"name\"");
        mvc.perform(pointPost("/admin/exam-points/new", "21a1", "某考点"))
                .andExpect(model().attributeHasFieldErrors("examPointForm", "code"));

        assertThat(points.all()).extracting(ExamPoint::code).containsExactly("2101", "2102");
    }

    @Test
    void anExamPointIsRenamedDeactivatedAndReactivated() throws Exception {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳考点"));

        mvc.perform(pointPost("/admin/exam-points/2101/edit", "2101", "沈阳市考点"))
                .andExpect(redirectedUrl("/admin/exam-points"));
        mvc.perform(post("/admin/exam-points/2101/deactivate").with(csrf()))
                .andExpect(redirectedUrl("/admin/exam-points"))
                .andExpect(flash().attribute("flashSuccess", "已停用沈阳市考点，该考点不再接收新考生。"));
        assertThat(points.byCode("2101")).contains(new ExamPoint("2101", "沈阳市考点", "21", false));

        mvc.perform(get("/admin/exam-points")).andExpect(content().string(org.hamcrest.Matchers.containsString("已停用")));
        mvc.perform(post("/admin/exam-points/2101/activate").with(csrf()))
                .andExpect(redirectedUrl("/admin/exam-points"));
        assertThat(points.byCode("2101")).map(ExamPoint::active).contains(true);
        mvc.perform(post("/admin/exam-points/2199/deactivate").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/exam-district").param("code", "21").param("name", "辽宁考区"))
                .andExpect(status().isForbidden());
        assertThat(setup.district()).isEmpty();
    }

    static MockHttpServletRequestBuilder yearPost(String url, ExamYearForm form) {
        var request = post(url).with(csrf());
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("year", form.getYear());
        values.put("policyId", form.getPolicyId());
        values.put("registrationOpens", form.getRegistrationOpens());
        values.put("registrationCloses", form.getRegistrationCloses());
        values.put("uploadOpens", form.getUploadOpens());
        values.put("uploadCloses", form.getUploadCloses());
        values.put("reviewOpens", form.getReviewOpens());
        values.put("reviewCloses", form.getReviewCloses());
        values.put("resubmissionDays", form.getResubmissionDays());
        values.put("maxImageBytes", form.getMaxImageBytes());
        values.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value.toString());
            }
        });
        return request;
    }

    static MockHttpServletRequestBuilder pointPost(String url, String code, String name) {
        return post(url).with(csrf()).param("code", code).param("name", name);
    }

    static String inputTag(String html, String field) {
        var matcher = java.util.regex.Pattern.compile("<input[^>]*name=\"" + field + "\"[^>]*>")
                .matcher(html);
        assertThat(matcher.find()).as("input " + field).isTrue();
        return matcher.group();
    }

    /** The message appears after the field's input and before the next field: next to it, not in a summary. */
    static void assertMessageFollowsField(String html, String field, String message, String nextMarker) {
        int input = html.indexOf("id=\"" + field + "\"");
        assertThat(input).as("input of " + field).isNotNegative();
        int error = html.indexOf(message, input);
        assertThat(error).as(message + " after " + field).isGreaterThan(input);
        int next = nextMarker.startsWith("<") || nextMarker.startsWith("id=")
                ? html.indexOf(nextMarker, input + 1)
                : html.indexOf("id=\"" + nextMarker + "\"", input + 1);
        assertThat(error).as(message + " before " + nextMarker).isLessThan(next);
    }
}
