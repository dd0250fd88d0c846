package cn.qualify.registration;

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

import cn.qualify.identity.ResidentIdCard;
import cn.qualify.policy.Education;
import cn.qualify.policy.InstitutionType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The candidate's registration page: filling in, derived fields, every refusal, and the locks. */
@RegistrationWebTest
class CandidateRegistrationWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestCandidates candidates;

    @Autowired
    Registrations registrations;

    @Autowired
    RegistrationTestConfiguration.TestExamYears years;

    @AfterEach
    void reopenRegistration() {
        years.openRegistration();
    }

    /** A bachelor for the physician exam, probation at a general hospital. */
    static Map<String, String> bachelorForm() {
        var form = new LinkedHashMap<String, String>();
        form.put("phone", "138 0000 1234");
        form.put("email", "zhang.wei@example.com");
        form.put("school", " 中国医科大学 ");
        form.put("major", "临床医学");
        form.put("examPointCode", "2101");
        form.put("facts.examLevel", "PHYSICIAN");
        form.put("facts.category", "CLINICAL");
        form.put("facts.education", "BACHELOR");
        form.put("facts.graduationDate", "2023-07-01");
        form.put("facts.shortageExam", "NONE");
        form.put("facts.probationPost", "GENERAL");
        form.put("facts.institution.name", "沈阳市第四人民医院");
        form.put("facts.institution.type", "GENERAL");
        form.put("facts.workUnits[0].name", "沈阳市第四人民医院");
        form.put("facts.workUnits[0].type", "GENERAL");
        form.put("facts.workUnits[0].from", "2023-08-01");
        return form;
    }

    static MockHttpServletRequestBuilder postForm(TestCandidates.SignedIn candidate, Map<String, String> form) {
        var request = post("/candidate/registration").with(csrf()).cookie(candidate.session());
        form.forEach(request::param);
        return request;
    }

    @Test
    void candidateFillsInAndSeesTheChecklistAndTheUploadLink() throws Exception {
        var candidate = candidates.residentCandidate(mvc);

        mvc.perform(get("/candidate/registration").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您还没有填写本年度的报名信息")));

        mvc.perform(postForm(candidate, bachelorForm()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/candidate/registration"))
                .andExpect(flash().attribute("flashSuccess", containsString("报名信息已保存")));

        var saved = registrations.of(candidate.account().id(), 2025).orElseThrow();
        var card = ResidentIdCard.of(candidate.account().loginName());
        assertThat(saved.name()).isEqualTo("测试考生");
        assertThat(saved.idType()).isEqualTo("RESIDENT_ID_CARD");
        assertThat(saved.idNumber()).isEqualTo(candidate.account().loginName());
        assertThat(saved.gender()).isEqualTo(card.gender().name());
        assertThat(saved.birthDate()).isEqualTo(card.birthDate());
        assertThat(saved.phone()).isEqualTo("13800001234");
        assertThat(saved.school()).isEqualTo("中国医科大学");
        assertThat(saved.examPointCode()).isEqualTo("2101");
        assertThat(saved.facts().examYear()).isEqualTo(2025);
        assertThat(saved.facts().education()).isEqualTo(Education.BACHELOR);
        assertThat(saved.facts().institution().type()).isEqualTo(InstitutionType.GENERAL);
        assertThat(saved.facts().workUnits()).hasSize(1);
        assertThat(saved.facts().workUnits().get(0).from()).isEqualTo(LocalDate.of(2023, 8, 1));

        mvc.perform(get("/candidate/registration").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("中国医科大学")))
                .andExpect(content().string(containsString("沈阳考点")))
                .andExpect(content().string(containsString("href=\"/candidate/materials\"")))
                .andExpect(content().string(containsString("id=\"requirement-ID_PROOF\"")))
                .andExpect(content().string(containsString("id=\"requirement-PROBATION_ASSESSMENT\"")))
                .andExpect(content().string(containsString("href=\"/candidate/registration/edit\"")));
    }

    @Test
    void theFactsAreThePolicysFormAndBindAsThePageNamesThem() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        mvc.perform(postForm(candidate, bachelorForm())).andExpect(status().isFound());

        var html = mvc.perform(get("/candidate/registration/edit").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains(
                        "for=\"facts.institutionType\"", "id=\"facts.institutionType\" name=\"facts.institutionType\"")
                .contains("for=\"facts.workUnits4.to\"", "name=\"facts.workUnits[4].to\"")
                .contains("<strong>2025年</strong>")
                .doesNotContain("name=\"facts.examYear\"");
        assertThat(html.substring(html.indexOf("id=\"facts.institutionName\""))).contains("value=\"沈阳市第四人民医院\"");

        var form = bachelorForm();
        form.remove("facts.institution.name");
        form.remove("facts.institution.type");
        form.put("facts.institutionName", "大连市中心医院");
        form.put("facts.institutionType", "GENERAL");
        form.put("facts.licenseChanged", "true");
        mvc.perform(postForm(candidate, form)).andExpect(status().isFound());

        var institution = registrations
                .of(candidate.account().id(), 2025)
                .orElseThrow()
                .facts()
                .institution();
        assertThat(institution.name()).isEqualTo("大连市中心医院");
        assertThat(institution.type()).isEqualTo(InstitutionType.GENERAL);
        assertThat(institution.licenseChanged()).isTrue();
    }

    @Test
    void residentIdCardGivesGenderAndBirthDateWhateverIsPosted() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        var card = ResidentIdCard.of(candidate.account().loginName());

        mvc.perform(get("/candidate/registration/edit").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"derived-birth-date\">" + card.birthDate() + "<")))
                .andExpect(content().string(containsString("根据居民身份证号码自动生成")))
                .andExpect(content().string(not(containsString("name=\"gender\""))))
                .andExpect(content().string(not(containsString("name=\"birthDate\""))));

        var form = bachelorForm();
        form.put("gender", card.gender().name().equals("MALE") ? "FEMALE" : "MALE");
        form.put("birthDate", "1960-01-01");
        mvc.perform(postForm(candidate, form)).andExpect(status().isFound());

        var saved = registrations.of(candidate.account().id(), 2025).orElseThrow();
        assertThat(saved.gender()).isEqualTo(card.gender().name());
        assertThat(saved.birthDate()).isEqualTo(card.birthDate());
    }

    @Test
    void otherDocumentsEnterGenderAndBirthDate() throws Exception {
        var candidate = candidates.passportCandidate(mvc);

        mvc.perform(get("/candidate/registration/edit").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"gender\"")))
                .andExpect(content().string(containsString("name=\"birthDate\"")));

        mvc.perform(postForm(candidate, bachelorForm()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择性别")))
                .andExpect(content().string(containsString("请输入出生日期")));
        assertThat(registrations.of(candidate.account().id(), 2025)).isEmpty();

        var form = bachelorForm();
        form.put("gender", "FEMALE");
        form.put("birthDate", "1996-05-04");
        mvc.perform(postForm(candidate, form)).andExpect(status().isFound());

        var saved = registrations.of(candidate.account().id(), 2025).orElseThrow();
        assertThat(saved.idType()).isEqualTo("PASSPORT");
        assertThat(saved.name()).isEqualTo("Anna Müller");
        assertThat(saved.gender()).isEqualTo("FEMALE");
        assertThat(saved.birthDate()).isEqualTo(LocalDate.of(1996, 5, 4));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("phone", "", "请输入手机号码"),
                Arguments.of("phone", "1380000", "请输入11位中国大陆手机号码"),
                Arguments.of("email", "not-an-address", "请输入有效的电子邮箱地址"),
                Arguments.of("school", " ", "请输入毕业学校"),
                Arguments.of("school", "医".repeat(101), "最多100个字"),
                Arguments.of("major", "", "请输入所学专业"),
                Arguments.of("examPointCode", "", "请选择考点"),
                Arguments.of("examPointCode", "2103", "没有代码为“2103”的考点，或该考点已停用"),
                Arguments.of("examPointCode", "9999", "没有代码为“9999”的考点"),
                Arguments.of("facts.examLevel", "", "请选择报考级别"),
                Arguments.of("facts.examLevel", "SURGEON", "请从列表中选择有效的选项"),
                Arguments.of("facts.category", "", "请选择报考类别"),
                Arguments.of("facts.category", "RURAL_GENERAL", "乡村全科和确有专长只能报考执业助理医师"),
                Arguments.of("facts.education", "", "请选择学历"),
                Arguments.of("facts.graduationDate", "2023-13-45", "请输入有效的日期"),
                Arguments.of("facts.postgraduateStatus", "GRADUATING", "只有研究生学历才填写研究生状态"),
                Arguments.of("facts.bachelorAdmissionDate", "2019-09-01", "只有专升本才填写升入本科日期"),
                Arguments.of("facts.institution.type", "", "请填写机构及其类型"),
                Arguments.of("facts.workUnits[0].type", "", "请选择该工作单位的类型"),
                Arguments.of("facts.workUnits[0].from", "", "请输入在该单位的起始日期"),
                Arguments.of("facts.workUnits[0].to", "2020-01-01", "结束日期不能早于起始日期"));
    }

    @ParameterizedTest
    @MethodSource("invalidFields")
    void eachInvalidFieldIsNamedAndNothingIsSaved(String field, String value, String message) throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        var form = bachelorForm();
        form.put(field, value);

        mvc.perform(postForm(candidate, form))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请更正下面标出的内容")))
                .andExpect(content().string(containsString(message)));

        assertThat(registrations.of(candidate.account().id(), 2025)).isEmpty();
    }

    @Test
    void refusalsAreInEnglishWithLangEn() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        var form = bachelorForm();
        form.put("phone", "12345");
        form.put("facts.postgraduateStatus", "GRADUATING");
        form.put("lang", "en");

        mvc.perform(postForm(candidate, form))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please enter an 11-digit mainland China mobile number")))
                .andExpect(content().string(containsString("The postgraduate status applies to postgraduates only")));
    }

    @Test
    void problemsOfWorkUnitsShowOnTheRowTheyWereTypedIn() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        var form = bachelorForm();
        form.put("facts.workUnits[2].name", "第二家医院");
        form.put("facts.workUnits[2].from", "2024-03-01");

        var html = mvc.perform(postForm(candidate, form))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("id=\"facts.workUnits2.type\"");
        assertThat(html.substring(html.indexOf("id=\"facts.workUnits2.type\"")))
                .startsWith("id=\"facts.workUnits2.type\" name=\"facts.workUnits[2].type\" class=\"invalid\"");
        assertThat(html.indexOf("请选择该工作单位的类型")).isGreaterThan(html.indexOf("facts.workUnits2.type"));
    }

    @Test
    void tamperedFieldsAreIgnored() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        var form = bachelorForm();
        form.put("facts.workUnits[300].name", "not a row of the page");
        form.put("candidateId", "1");

        mvc.perform(postForm(candidate, form)).andExpect(status().isFound());

        var saved = registrations.of(candidate.account().id(), 2025).orElseThrow();
        assertThat(saved.facts().workUnits()).hasSize(1);
    }

    @Test
    void aDraftApplicationKeepsTheInfoEditable() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        candidates.openDraft(candidate.account());

        mvc.perform(postForm(candidate, bachelorForm())).andExpect(status().isFound());

        var form = bachelorForm();
        form.put("examPointCode", "2102");
        mvc.perform(postForm(candidate, form)).andExpect(status().isFound());
        assertThat(registrations
                        .of(candidate.account().id(), 2025)
                        .orElseThrow()
                        .examPointCode())
                .isEqualTo("2102");
    }

    @Test
    void submittingTheApplicationLocksTheInfo() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        mvc.perform(postForm(candidate, bachelorForm())).andExpect(status().isFound());
        candidates.submitApplication(candidate.account());

        mvc.perform(get("/candidate/registration").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报名信息已锁定")))
                .andExpect(content().string(containsString("待考点审核")))
                .andExpect(content().string(not(containsString("href=\"/candidate/registration/edit\""))));
        mvc.perform(get("/candidate/registration/edit").cookie(candidate.session()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/candidate/registration"))
                .andExpect(flash().attribute("flashError", containsString("报名信息已锁定")));

        var form = bachelorForm();
        form.put("school", "大连医科大学");
        mvc.perform(postForm(candidate, form))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("报名信息已锁定")));
        assertThat(registrations
                        .of(candidate.account().id(), 2025)
                        .orElseThrow()
                        .school())
                .isEqualTo("中国医科大学");
    }

    @Test
    void beforeTheWindowOpensTheInfoCannotBeFilledIn() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        years.registrationOpensTomorrow();

        mvc.perform(get("/candidate/registration").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报名尚未开始")))
                .andExpect(content().string(not(containsString("href=\"/candidate/registration/edit\""))));
        mvc.perform(postForm(candidate, bachelorForm()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("报名尚未开始")));
        assertThat(registrations.of(candidate.account().id(), 2025)).isEmpty();
    }

    @Test
    void afterTheWindowClosesTheInfoIsReadOnly() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        mvc.perform(postForm(candidate, bachelorForm())).andExpect(status().isFound());
        years.registrationClosedYesterday();

        mvc.perform(get("/candidate/registration").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报名已于")))
                .andExpect(content().string(containsString("中国医科大学")))
                .andExpect(content().string(containsString("id=\"requirement-ID_PROOF\"")));
        var form = bachelorForm();
        form.put("major", "口腔医学");
        mvc.perform(postForm(candidate, form))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("报名已于")));
        assertThat(registrations
                        .of(candidate.account().id(), 2025)
                        .orElseThrow()
                        .major())
                .isEqualTo("临床医学");
    }

    @Test
    void onlyCandidatesReachThePage() throws Exception {
        mvc.perform(get("/candidate/registration")).andExpect(status().isFound());
        mvc.perform(post("/candidate/registration").with(csrf()).param("phone", "13800000000"))
                .andExpect(status().isFound());
    }
}
