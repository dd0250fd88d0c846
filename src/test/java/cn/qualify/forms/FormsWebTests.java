package cn.qualify.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.forms.FormsTestConfiguration.RegistrationsInMemory;
import cn.qualify.forms.TestAccounts.TestAccount;
import cn.qualify.identity.Role;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The candidate's forms page, its JSON twin and the downloads, through the real log-in: a candidate gets their own
 * forms and nothing else, with headers that make the browser save the PDF.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({FormsTestConfiguration.class, TestAccountsConfiguration.class})
class FormsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistrationsInMemory registrations;

    @Autowired
    TestAccounts accounts;

    /** The cookies of a real log-in, its session cookie among them: sessions live in the database. */
    Cookie[] logIn(TestAccount account) throws Exception {
        MvcResult result = mvc.perform(
                        formLogin("/login").user(account.loginName()).password(TestAccounts.PASSWORD))
                .andExpect(authenticated())
                .andReturn();
        assertThat(result.getResponse().getCookies()).as("session cookie").isNotEmpty();
        return result.getResponse().getCookies();
    }

    /** A logged-in candidate with this registration info. */
    Cookie[] candidate(Situations situation) throws Exception {
        var account = accounts.create(Role.CANDIDATE);
        registrations.put(situation.registration(account.id()));
        return logIn(account);
    }

    @Test
    void pageListsTheCandidatesFormsWithDownloadLinks() throws Exception {
        var session = candidate(Situations.aBachelorWithTwoWorkUnits());
        mvc.perform(get("/candidate/forms").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("医师资格考试报名暨授予医师资格申请表")))
                .andExpect(content().string(containsString("href=\"/candidate/forms/application\"")))
                .andExpect(content().string(containsString("href=\"/candidate/forms/probation-assessment/1\"")))
                .andExpect(content().string(containsString("href=\"/candidate/forms/probation-assessment/2\"")))
                .andExpect(content().string(containsString("第2份，共2份：辽宁省人民医院")))
                .andExpect(content().string(not(containsString("graduate-commitment"))))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void pageSpeaksEnglishOnRequest() throws Exception {
        var session = candidate(Situations.aBachelorWithTwoWorkUnits());
        mvc.perform(get("/candidate/forms").param("lang", "en").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Certificate of passing the probation assessment")))
                .andExpect(content().string(containsString("always print in Chinese")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void candidateWithoutRegistrationInfoIsToldSoAndGetsNoForm() throws Exception {
        var session = logIn(accounts.create(Role.CANDIDATE));
        mvc.perform(get("/candidate/forms").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您还没有填写本年度的报名信息")))
                .andExpect(content().string(not(containsString("/candidate/forms/application"))));
        mvc.perform(get("/candidate/forms/application").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/candidate/forms").cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(false))
                .andExpect(jsonPath("$.forms").isEmpty());
    }

    @Test
    void downloadIsAnAttachmentNamedInUtf8AndNeverSniffed() throws Exception {
        var session = candidate(Situations.aBachelorWithTwoWorkUnits());
        var response = mvc.perform(get("/candidate/forms/application").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename*=UTF-8''")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn()
                .getResponse();
        assertThat(response.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        String encoded = response.getHeader("Content-Disposition").substring("attachment; filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("医师资格考试报名暨授予医师资格申请表.pdf");
        assertThat(text(response.getContentAsByteArray()))
                .contains("医师资格考试报名暨授予医师资格申请表")
                .contains("张伟")
                .contains("沈阳考点");
    }

    @Test
    void eachUnitsCopyIsItsOwnDownload() throws Exception {
        var session = candidate(Situations.aBachelorWithTwoWorkUnits());
        var response = mvc.perform(
                        get("/candidate/forms/probation-assessment/2").cookie(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", endsWith(".pdf")))
                .andReturn()
                .getResponse();
        String encoded = response.getHeader("Content-Disposition").substring("attachment; filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("试用期考核合格证明-2-辽宁省人民医院.pdf");
        assertThat(text(response.getContentAsByteArray()))
                .contains("试用期考核合格证明", "辽宁省人民医院", "第2份，共2份")
                .doesNotContain("沈阳市第四人民医院");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/candidate/forms/graduate-commitment",
                "/candidate/forms/shortage-exam-application",
                "/candidate/forms/practice-period-assessment/1",
                "/candidate/forms/probation-assessment/3",
                "/candidate/forms/probation-assessment/0",
                "/candidate/forms/probation-assessment/-1",
                "/candidate/forms/probation-assessment/one",
                "/candidate/forms/probation-assessment/99999999999",
                "/candidate/forms/probation-assessment",
                "/candidate/forms/application/1",
                "/candidate/forms/passport",
            })
    void formNotOfferedToThisCandidateIsNotFound(String path) throws Exception {
        var session = candidate(Situations.aBachelorWithTwoWorkUnits());
        mvc.perform(get(path).cookie(session)).andExpect(status().isNotFound());
    }

    @Test
    void everyCandidateGetsTheirOwnDataWhoeverElseIsRegistered() throws Exception {
        var zhang = candidate(Situations.aBachelorWithTwoWorkUnits());
        var li = candidate(Situations.aBachelorWithTwoWorkUnits().named("李娜", "210102199805206543"));
        var liPdf = mvc.perform(get("/candidate/forms/application").cookie(li))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(liPdf)).contains("李娜", "210102199805206543").doesNotContain("张伟");
        var zhangPdf = mvc.perform(get("/candidate/forms/application").cookie(zhang))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(zhangPdf)).contains("张伟").doesNotContain("李娜");
    }

    @Test
    void apiListsTheSameFormsWithNamesInTheCallersLanguage() throws Exception {
        var session = candidate(Situations.aBachelorWithTwoWorkUnits());
        mvc.perform(get("/api/v1/candidate/forms").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.registered").value(true))
                .andExpect(jsonPath("$.forms", hasSize(3)))
                .andExpect(jsonPath("$.forms[0].form").value("application"))
                .andExpect(jsonPath("$.forms[0].name").value("医师资格考试报名暨授予医师资格申请表"))
                .andExpect(jsonPath("$.forms[0].clause").value("二.8"))
                .andExpect(jsonPath("$.forms[0].unit").doesNotExist())
                .andExpect(jsonPath("$.forms[0].href").value("/candidate/forms/application"))
                .andExpect(jsonPath("$.forms[2].form").value("probation-assessment"))
                .andExpect(jsonPath("$.forms[2].unit.number").value(2))
                .andExpect(jsonPath("$.forms[2].unit.count").value(2))
                .andExpect(jsonPath("$.forms[2].unit.name").value("辽宁省人民医院"))
                .andExpect(jsonPath("$.forms[2].unit.from").value("2024-02-01"))
                .andExpect(jsonPath("$.forms[2].href").value("/candidate/forms/probation-assessment/2"));
        mvc.perform(get("/api/v1/candidate/forms").param("lang", "en").cookie(session))
                .andExpect(jsonPath("$.forms[1].name").value("Certificate of passing the probation assessment"));
    }

    @Test
    void anonymousVisitorsAreSentToLogInAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/candidate/forms")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/candidate/forms/application"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/candidate/forms")).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"POINT_REVIEWER", "DISTRICT_REVIEWER", "ADMIN"})
    void staffAreForbidden(Role role) throws Exception {
        var session = logIn(accounts.create(role));
        mvc.perform(get("/candidate/forms").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/candidate/forms/application").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/candidate/forms").cookie(session)).andExpect(status().isForbidden());
    }

    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
