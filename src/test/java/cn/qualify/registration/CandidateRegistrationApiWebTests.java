package cn.qualify.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.identity.ResidentIdCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code GET} and {@code PUT /api/v1/candidate/registration}: the contract's facts, problems naming fields, locks. */
@RegistrationWebTest
class CandidateRegistrationApiWebTests {

    static final String BACHELOR = """
            {"phone": "+86 138-0000-5678", "email": "li.na@example.com", "school": "中国医科大学",
             "major": "临床医学", "examPointCode": "2102",
             "facts": {"examLevel": "PHYSICIAN", "category": "CLINICAL", "education": "BACHELOR",
                       "graduationDate": "2023-07-01", "probationPost": "GENERAL",
                       "institution": {"name": "大连市中心医院", "type": "GENERAL", "licenseChanged": true},
                       "workUnits": [{"name": "大连市中心医院", "type": "GENERAL", "from": "2023-08-01"}]}}
            """;

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

    ResultActions putJson(TestCandidates.SignedIn candidate, String json, String... lang) throws Exception {
        var request = put("/api/v1/candidate/registration" + (lang.length > 0 ? "?lang=" + lang[0] : ""))
                .with(csrf())
                .cookie(candidate.session())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        return mvc.perform(request);
    }

    @Test
    void beforeTheFirstSaveTheAccountGivesNameAndDocument() throws Exception {
        var candidate = candidates.residentCandidate(mvc);

        mvc.perform(get("/api/v1/candidate/registration").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.examYear").value(2025))
                .andExpect(jsonPath("$.saved").value(false))
                .andExpect(jsonPath("$.editable").value(true))
                .andExpect(jsonPath("$.name").value("测试考生"))
                .andExpect(jsonPath("$.idType").value("RESIDENT_ID_CARD"))
                .andExpect(jsonPath("$.idNumber").value(candidate.account().loginName()))
                .andExpect(jsonPath("$.genderAndBirthDateFromIdNumber").value(true))
                .andExpect(jsonPath("$.phone").value(candidate.account().phone()))
                .andExpect(jsonPath("$.facts").doesNotExist());
    }

    @Test
    void putStoresTheFactsAndGetAnswersThemBack() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        var card = ResidentIdCard.of(candidate.account().loginName());

        putJson(candidate, BACHELOR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.saved").value(true))
                .andExpect(jsonPath("$.phone").value("13800005678"))
                .andExpect(jsonPath("$.gender").value(card.gender().name()))
                .andExpect(jsonPath("$.birthDate").value(card.birthDate().toString()));

        mvc.perform(get("/api/v1/candidate/registration").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.examPointCode").value("2102"))
                .andExpect(jsonPath("$.facts.examYear").value(2025))
                .andExpect(jsonPath("$.facts.examLevel").value("PHYSICIAN"))
                .andExpect(jsonPath("$.facts.institution.type").value("GENERAL"))
                .andExpect(jsonPath("$.facts.institution.licenseChanged").value(true))
                .andExpect(jsonPath("$.facts.workUnits[0].from").value("2023-08-01"))
                .andExpect(jsonPath("$.facts.shortageExam").value("NONE"))
                .andExpect(jsonPath("$.updatedAt").exists());
        assertThat(registrations.of(candidate.account().id(), 2025)).isPresent();
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsSaved() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        String json = BACHELOR.replace("+86 138-0000-5678", "12345")
                .replace("\"2102\"", "\"2103\"")
                .replace("\"type\": \"GENERAL\", \"licenseChanged\"", "\"licenseChanged\"")
                .replace(
                        "\"education\": \"BACHELOR\"",
                        "\"education\": \"BACHELOR\", \"postgraduateStatus\": \"GRADUATED\"")
                .replace("\"from\": \"2023-08-01\"", "\"from\": \"2023-08-01\", \"to\": \"2023-01-01\"");

        putJson(candidate, json)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')].message")
                        .value(hasItem(containsString("11位中国大陆手机号码"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'examPointCode')].message")
                        .value(hasItem(containsString("2103"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.workUnits[0].to')].message")
                        .value(hasItem(containsString("结束日期不能早于起始日期"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.postgraduateStatus')].message")
                        .value(hasItem(containsString("只有研究生学历"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.institution.type')].message")
                        .value(hasItem(containsString("机构"))));
        assertThat(registrations.of(candidate.account().id(), 2025)).isEmpty();

        putJson(candidate, json, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')].message")
                        .value(hasItem(containsString("mobile number"))));
    }

    @Test
    void missingFactsAndAnotherExamYearAreRefused() throws Exception {
        var candidate = candidates.residentCandidate(mvc);

        putJson(candidate, "{\"phone\": \"13800000000\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'school')]").exists());
        putJson(candidate, BACHELOR.replace("\"examLevel\"", "\"examYear\": 2026, \"examLevel\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'facts.examYear')].message")
                        .value(hasItem(containsString("2025"))));
    }

    @Test
    void malformedValuesNameTheirField() throws Exception {
        var candidate = candidates.residentCandidate(mvc);

        putJson(candidate, BACHELOR.replace("\"CLINICAL\"", "\"SURGERY\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("facts.category"));
        putJson(candidate, BACHELOR.replace("\"2023-07-01\"", "\"2023-02-30\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("facts.graduationDate"));
        putJson(candidate, "not json").andExpect(status().isBadRequest());
        assertThat(registrations.of(candidate.account().id(), 2025)).isEmpty();
    }

    @Test
    void aSubmittedApplicationLocksTheInfo() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        putJson(candidate, BACHELOR).andExpect(status().isOk());
        candidates.submitApplication(candidate.account());

        putJson(candidate, BACHELOR.replace("中国医科大学", "大连医科大学"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("APPLICATION_SUBMITTED"))
                .andExpect(jsonPath("$.detail").value(containsString("报名信息已锁定")));
        mvc.perform(get("/api/v1/candidate/registration").cookie(candidate.session()))
                .andExpect(jsonPath("$.editable").value(false))
                .andExpect(jsonPath("$.lockedReason").value("APPLICATION_SUBMITTED"))
                .andExpect(jsonPath("$.school").value("中国医科大学"));
    }

    @Test
    void aClosedWindowLocksTheInfo() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        years.registrationClosedYesterday();

        putJson(candidate, BACHELOR, "en")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("CLOSED"))
                .andExpect(jsonPath("$.detail").value(containsString("Registration closed on")));
        assertThat(registrations.of(candidate.account().id(), 2025)).isEmpty();
    }

    @Test
    void putNeedsTheCsrfHeaderAndGetALogin() throws Exception {
        var candidate = candidates.residentCandidate(mvc);

        mvc.perform(put("/api/v1/candidate/registration")
                        .cookie(candidate.session())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BACHELOR))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/candidate/registration")).andExpect(status().isUnauthorized());
        assertThat(registrations.of(candidate.account().id(), 2025)).isEmpty();
    }
}
