package cn.qualify.policy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/policy/evaluate} as CONTRACT.md fixes it, anonymous, including malformed input. */
@SpringBootTest
@AutoConfigureMockMvc
class PolicyApiWebTests {

    static final String BACHELOR = """
            {"examYear": 2025, "examLevel": "PHYSICIAN", "category": "CLINICAL", "education": "BACHELOR",
             "graduationDate": "2023-07-01",
             "institution": {"name": "沈阳市第四人民医院", "type": "GENERAL", "licenseChanged": true},
             "workUnits": [{"name": "A", "type": "GENERAL", "from": "2023-08-01", "to": "2024-01-31"},
                           {"name": "B", "type": "GENERAL", "from": "2024-02-01"}]}
            """;

    @Autowired
    MockMvc mvc;

    ResultActions evaluate(String json, String... acceptLanguage) throws Exception {
        var request = post("/api/v1/policy/evaluate")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (acceptLanguage.length > 0) {
            request.header("Accept-Language", acceptLanguage[0]);
        }
        return mvc.perform(request);
    }

    @Test
    void answersTheContractShapeWithoutLoginOrCsrfToken() throws Exception {
        evaluate(BACHELOR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy").value("LN-2025"))
                .andExpect(jsonPath("$.route").value("BACHELOR_PHYSICIAN"))
                .andExpect(jsonPath("$.eligible").value(true))
                .andExpect(jsonPath("$.uploadRequired").value(true))
                .andExpect(jsonPath("$.offlineReview").value(false))
                .andExpect(jsonPath("$.requirements[0].material").value("ID_PROOF"))
                .andExpect(jsonPath("$.requirements[0].required").value(true))
                .andExpect(jsonPath("$.requirements[0].minImages").value(3))
                .andExpect(jsonPath("$.requirements[0].maxImages").value(3))
                .andExpect(jsonPath("$.requirements[0].alternatives").isArray())
                .andExpect(jsonPath("$.requirements[0].clause").value("一(七)1"))
                .andExpect(jsonPath("$.requirements[0].reason").value(containsString("本科")))
                .andExpect(jsonPath("$.requirements[?(@.material == 'PROBATION_ASSESSMENT')].minImages")
                        .value(hasItem(2)))
                .andExpect(jsonPath("$.requirements[?(@.material == 'INSTITUTION_LICENSE')].minImages")
                        .value(hasItem(3)))
                .andExpect(jsonPath("$.findings").isEmpty());
    }

    @Test
    void secondarySchoolGraduateGetsTheContractsAlternative() throws Exception {
        evaluate("""
                        {"examYear": 2025, "examLevel": "ASSISTANT", "category": "CLINICAL", "education": "SECONDARY",
                         "institution": {"name": "X", "type": "GENERAL"}}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requirements[?(@.material == 'EDUCATION_VERIFICATION_REPORT')].clause")
                        .value(hasItem("二.4")))
                .andExpect(jsonPath(
                                "$.requirements[?(@.material == 'EDUCATION_VERIFICATION_REPORT')].alternatives[0].material")
                        .value(hasItem("DIPLOMA")))
                .andExpect(jsonPath(
                                "$.requirements[?(@.material == 'EDUCATION_VERIFICATION_REPORT')].alternatives[0].minImages")
                        .value(hasItem(2)));
    }

    @Test
    void reasonsFollowAcceptLanguageOrLangAndDefaultToChinese() throws Exception {
        evaluate(BACHELOR, "en-US,en;q=0.9")
                .andExpect(jsonPath("$.requirements[0].reason").value(containsString("bachelor")));
        mvc.perform(post("/api/v1/policy/evaluate?lang=en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BACHELOR))
                .andExpect(jsonPath("$.requirements[0].reason").value(containsString("bachelor")));
        evaluate(BACHELOR, "zh-CN,zh;q=0.9,en;q=0.8")
                .andExpect(jsonPath("$.requirements[0].reason").value(containsString("本科")));
        evaluate(BACHELOR, "fr-FR")
                .andExpect(jsonPath("$.requirements[0].reason").value(containsString("本科")));
    }

    @Test
    void contradictoryFactsAreAnsweredWithInvalidFacts() throws Exception {
        evaluate("""
                        {"examYear": 2025, "examLevel": "PHYSICIAN", "category": "CLINICAL", "education": "BACHELOR",
                         "postgraduateStatus": "GRADUATED", "institution": {"name": "X", "type": "CDC"}}
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.findings[0].code").value("INVALID_FACTS"))
                .andExpect(jsonPath("$.findings[0].severity").value("ERROR"))
                .andExpect(jsonPath("$.findings[0].field").value("postgraduateStatus"));
    }

    @Test
    void activeMilitaryUploadNothing() throws Exception {
        evaluate("""
                        {"examYear": 2025, "examLevel": "PHYSICIAN", "category": "CLINICAL", "education": "BACHELOR",
                         "activeMilitary": true}
                        """)
                .andExpect(jsonPath("$.route").value("MILITARY_OFFLINE"))
                .andExpect(jsonPath("$.uploadRequired").value(false))
                .andExpect(jsonPath("$.offlineReview").value(true))
                .andExpect(jsonPath("$.requirements").isEmpty())
                .andExpect(jsonPath("$.findings[0].code").value("OFFLINE_REVIEW"))
                .andExpect(jsonPath("$.findings[0].severity").value("INFO"));
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "examLevel": "SURGEON"                          | examLevel
            "education": 42                                 | education
            "examYear": "next year"                         | examYear
            "graduationDate": "2025-02-30"                  | graduationDate
            "graduationDate": "30.06.2025"                  | graduationDate
            "topUpBachelor": "perhaps"                      | topUpBachelor
            "shortageExam": "SURGERY"                       | shortageExam
            "institution": {"type": "HOSPITAL"}             | institution.type
            "institution": "沈阳"                            | institution
            "workUnits": [{"type": "GENERAL", "from": "2024-13-01"}] | workUnits[0].from
            "workUnits": {"type": "GENERAL"}                | workUnits
            """)
    void malformedValuesAreProblemsNamingTheField(String member, String field) throws Exception {
        evaluate("{\"examYear\": 2025, \"examLevel\": \"PHYSICIAN\", \"category\": \"CLINICAL\", "
                        + "\"education\": \"BACHELOR\", " + member + "}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(containsString(field)));
    }

    @Test
    void missingRequiredFactsAreProblemsNamingTheField() throws Exception {
        evaluate("{\"examYear\": 2025, \"category\": \"CLINICAL\", \"education\": \"BACHELOR\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("examLevel"));
    }

    @Test
    void unreadableJsonIsAProblemWithoutStackTrace() throws Exception {
        evaluate("{\"examYear\": 2025,")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").exists())
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
