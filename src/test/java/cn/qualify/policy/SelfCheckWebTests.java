package cn.qualify.policy;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public self-check page: anonymous, the checklist with reasons and clauses, field-level messages. */
@SpringBootTest
@AutoConfigureMockMvc
class SelfCheckWebTests {

    @Autowired
    MockMvc mvc;

    static MockHttpServletRequestBuilder check(String... params) {
        var request = get("/self-check").param("check", "1");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    static MockHttpServletRequestBuilder bachelor(String... more) {
        var request = check(
                "examYear", "2025",
                "examLevel", "PHYSICIAN",
                "category", "CLINICAL",
                "education", "BACHELOR",
                "institutionName", "沈阳市第四人民医院",
                "institutionType", "GENERAL",
                "workUnits[0].name", "沈阳市第四人民医院",
                "workUnits[0].type", "GENERAL",
                "workUnits[0].from", "2024-07-01");
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return request;
    }

    @Test
    void anyoneSeesTheFormWithEveryFieldOfTheContract() throws Exception {
        mvc.perform(get("/self-check"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>我需要上传哪些材料？</title>"),
                                containsString("name=\"examLevel\""),
                                containsString("name=\"schoolProvinceCode\""),
                                containsString("name=\"bachelorAdmissionDate\""),
                                containsString("name=\"originalCertificateUnavailable\""),
                                containsString("name=\"institutionType\""),
                                containsString("name=\"licenseChanged\""),
                                containsString("name=\"workUnits[4].to\""),
                                containsString("value=\"2025\""),
                                not(containsString("class=\"card checklist\"")))));
    }

    @Test
    void showsTheChecklistWithReasonsImageCountsAndClauses() throws Exception {
        mvc.perform(bachelor())
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("材料清单"),
                                containsString("本科及以上学历报考执业医师"),
                                containsString("符合报名条件"),
                                containsString("有效身份证明（正面、反面、手持）"),
                                containsString("须上传 3 张图片"),
                                containsString("依据：一(七)1"),
                                containsString("《医疗机构执业许可证》副本"),
                                containsString("选传"))));
    }

    @Test
    void showsAlternativesAndHighlightsErrors() throws Exception {
        mvc.perform(check(
                        "examYear", "2025",
                        "examLevel", "PHYSICIAN",
                        "category", "CLINICAL",
                        "education", "SECONDARY",
                        "assistantQualified", "true",
                        "assistantRegistrationDate", "2020-08-23",
                        "institutionType", "TCM_CLINIC_FILED"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("或者：毕业证书，至少 2 张图片"),
                                containsString("class=\"finding error\""),
                                containsString("2020年8月22日"),
                                containsString("不接受中医诊所备案证"),
                                containsString("不符合报名条件"))));
    }

    @Test
    void invalidInputGetsFieldLevelMessagesInChineseNeverAnError() throws Exception {
        mvc.perform(check(
                        "examYear", "twenty",
                        "examLevel", "SURGEON",
                        "category", "CLINICAL",
                        "graduationDate", "2025-02-30",
                        "workUnits[1].name", "只填了名称"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("请更正下面标出的内容"),
                                containsString("请输入数字"),
                                containsString("请从列表中选择有效的选项"),
                                containsString("请输入有效的日期"),
                                containsString("此项必填"),
                                containsString("value=\"2025-02-30\""),
                                not(containsString("class=\"card checklist\"")),
                                not(containsString("Exception")))));
    }

    @Test
    void workUnitEndingBeforeItStartsIsMarkedAtTheField() throws Exception {
        mvc.perform(bachelor("workUnits[0].to", "2024-06-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束日期不能早于起始日期")));
    }

    @Test
    void htmxGetsTheFragmentOnly() throws Exception {
        mvc.perform(bachelor().header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"policy-self-check\""),
                                containsString("材料清单"),
                                not(containsString("<html")))));
    }

    @Test
    void englishOnRequest() throws Exception {
        mvc.perform(bachelor("lang", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Which materials do I need to upload?"),
                                containsString("Exactly 3 images"),
                                containsString("Required of candidates with a bachelor"))));
    }
}
