package cn.qualify.policy;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' policy page and preview. */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyAdminWebTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsAreSentToTheLogin() throws Exception {
        mvc.perform(get("/admin/policy")).andExpect(status().is3xxRedirection());
    }

    @Test
    @WithMockUser(roles = "CANDIDATE")
    void candidatesMayNotSeeIt() throws Exception {
        mvc.perform(get("/admin/policy")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void showsTheActivePolicyWithItsParametersRoutesAndCatalogue() throws Exception {
        mvc.perform(get("/admin/policy"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("LN-2025"),
                                containsString("当前政策"),
                                containsString("2025-08-22"),
                                containsString("2023-08-22（连续工作 2 年）"),
                                containsString("2020-08-22（连续工作 5 年）"),
                                containsString("2015-09-01"),
                                containsString("RURAL_GENERAL_ASSISTANT"),
                                containsString("一(七)7(3)"),
                                containsString("仅许可证副本"),
                                containsString("带教老师资格证书、执业证书"),
                                containsString("0–6"))));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void unknownPolicyIsNotFound() throws Exception {
        mvc.perform(get("/admin/policy").param("id", "XX-1999")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void previewEvaluatesTypedInFacts() throws Exception {
        mvc.perform(get("/admin/policy/preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"policy\"")));
        mvc.perform(get("/admin/policy/preview")
                        .param("check", "1")
                        .param("policy", "LN-2025")
                        .param("examYear", "2025")
                        .param("examLevel", "PHYSICIAN")
                        .param("category", "CLINICAL")
                        .param("education", "BACHELOR")
                        .param("activeMilitary", "true"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("清单预览"),
                                containsString("现役军人、部队文职人员线下审核"),
                                containsString("无需上传材料"),
                                containsString("线下审核"))));
    }
}
