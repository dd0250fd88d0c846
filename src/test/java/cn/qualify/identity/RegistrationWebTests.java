package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Candidate self-registration through the page and the API, with the real filter chain and database. */
@IdentityIntegrationTest
@RecordApplicationEvents
class RegistrationWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CapturingSmsSender sms;

    @Autowired
    JdbcAccounts accounts;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    /** A complete, valid registration whose code has been sent. */
    Map<String, String> validForm() throws Exception {
        var form = new LinkedHashMap<String, String>();
        form.put("idType", "RESIDENT_ID_CARD");
        form.put("idNumber", TestAccounts.freshIdNumber().toLowerCase());
        form.put("name", "欧阳 娜娜");
        form.put("phone", TestAccounts.freshPhone());
        form.put("password", "a long enough secret");
        form.put("passwordConfirmation", "a long enough secret");
        mvc.perform(post("/register/code")
                        .with(csrf())
                        .with(fromAFreshAddress())
                        .param("phone", form.get("phone")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("验证码已发送")));
        form.put("code", sms.lastCodeFor(form.get("phone")));
        return form;
    }

    /** Code requests are limited per client address; each test comes from an address of its own. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor fromAFreshAddress() {
        String address = TestAccounts.freshAddress();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static MockHttpServletRequestBuilder postForm(String path, Map<String, String> form) {
        var request = post(path).with(csrf());
        form.forEach(request::param);
        return request;
    }

    @Test
    void registrationPageIsPublic() throws Exception {
        mvc.perform(get("/register"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("获取验证码")));
    }

    @Test
    void candidateRegistersAndCanLogIn() throws Exception {
        var form = validForm();

        mvc.perform(postForm("/register", form)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

        String idNumber = form.get("idNumber").toUpperCase();
        var account = accounts.byLoginName(idNumber).orElseThrow();
        assertThat(account.role()).isEqualTo(Role.CANDIDATE);
        assertThat(account.idType()).isEqualTo(IdType.RESIDENT_ID_CARD);
        assertThat(account.loginName()).isEqualTo(idNumber);
        assertThat(account.displayName()).isEqualTo("欧阳 娜娜");
        assertThat(account.phone()).isEqualTo(form.get("phone"));
        assertThat(accounts.credentials(idNumber).orElseThrow().passwordHash()).startsWith("{bcrypt}$2a$10$");
        assertThat(events.stream(CandidateAccountCreated.class))
                .anySatisfy(event -> assertThat(event.accountId()).isEqualTo(account.id()));

        // the code was used up: the same form cannot register a second time, even with another ID number
        form.put("idNumber", TestAccounts.freshIdNumber());
        mvc.perform(postForm("/register", form))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请先获取短信验证码")));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("idNumber", "210102199001010010", "校验位不正确"),
                Arguments.of("idNumber", "21010219900230001X", "出生日期无效"),
                Arguments.of("idNumber", "", "请输入证件号码"),
                Arguments.of("idType", "", "请选择证件类型"),
                Arguments.of("name", " ", "请输入姓名"),
                Arguments.of("name", "张3", "姓名只能包含文字"),
                Arguments.of("phone", "1380000", "11位中国大陆手机号码"),
                Arguments.of("password", "short", "密码至少需要8个字符"),
                Arguments.of("password", "12345678", "这个密码太常见"),
                Arguments.of("passwordConfirmation", "something else", "两次输入的密码不一致"),
                Arguments.of("code", "", "请输入短信验证码"),
                Arguments.of("code", "12ab56", "短信验证码为6位数字"));
    }

    @ParameterizedTest
    @MethodSource("invalidFields")
    void eachInvalidFieldIsNamedAndNothingIsStored(String field, String value, String message) throws Exception {
        var form = validForm();
        form.put(field, value);
        if (field.equals("password")) {
            form.put("passwordConfirmation", value);
        }

        mvc.perform(postForm("/register", form))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(message)));

        assertThat(accounts.byLoginName(form.get("idNumber"))).isEmpty();
    }

    @Test
    void duplicateIdNumberIsRefusedClearly() throws Exception {
        var existing = testAccounts.candidate();
        var form = validForm();
        form.put("idNumber", existing.loginName());

        mvc.perform(postForm("/register", form))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("该证件号码已注册")));
    }

    @Test
    void wrongCodeIsRefusedAndLimited() throws Exception {
        var form = validForm();
        String right = form.get("code");
        String wrong = right.equals("000000") ? "111111" : "000000";
        form.put("code", wrong);
        for (int i = 1; i <= 4; i++) {
            mvc.perform(postForm("/register", form))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("短信验证码不正确")));
        }
        mvc.perform(postForm("/register", form))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("输错次数过多")));
        form.put("code", right);
        mvc.perform(postForm("/register", form))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("输错次数过多")));
        assertThat(accounts.byLoginName(form.get("idNumber"))).isEmpty();
    }

    @Test
    void codesExpireAfterTenMinutes() throws Exception {
        var form = validForm();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        mvc.perform(postForm("/register", form))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("短信验证码已过期")));
        assertThat(accounts.byLoginName(form.get("idNumber"))).isEmpty();
    }

    @Test
    void codesAreNotResentWithinAMinute() throws Exception {
        var form = validForm();
        mvc.perform(post("/register/code").with(csrf()).param("phone", form.get("phone")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("验证码发送过于频繁")));
        clock.advance(Duration.ofSeconds(61));
        mvc.perform(post("/register/code").with(csrf()).param("phone", form.get("phone")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("验证码已发送")));
    }

    @Test
    void htmxGetsOnlyTheCodeStatus() throws Exception {
        mvc.perform(post("/register/code")
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("phone", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("11位中国大陆手机号码")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
    }

    @Test
    void registrationWithoutCsrfTokenIsRefused() throws Exception {
        var form = validForm();
        var request = post("/register");
        form.forEach(request::param);
        mvc.perform(request).andExpect(status().isFound()).andExpect(redirectedUrl("/login?expired"));
        assertThat(accounts.byLoginName(form.get("idNumber"))).isEmpty();
    }

    @Test
    void apiRegistersAndNamesInvalidFields() throws Exception {
        String phone = TestAccounts.freshPhone();
        mvc.perform(post("/api/v1/auth/register/code")
                        .with(csrf())
                        .with(fromAFreshAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"" + phone + "\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(post("/api/v1/auth/register")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idType\":\"RESIDENT_ID_CARD\",\"idNumber\":\"123\",\"name\":\"李雷\","
                                + "\"phone\":\"" + phone + "\",\"password\":\"password\","
                                + "\"passwordConfirmation\":\"password\",\"code\":\"" + sms.lastCodeFor(phone)
                                + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].message")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("18位"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')].message")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("太常见"))));

        String idNumber = TestAccounts.freshIdNumber();
        mvc.perform(post("/api/v1/auth/register")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idType\":\"RESIDENT_ID_CARD\",\"idNumber\":\"" + idNumber + "\",\"name\":\"李雷\","
                                + "\"phone\":\"" + phone + "\",\"password\":\"Li Lei studies medicine\","
                                + "\"passwordConfirmation\":\"Li Lei studies medicine\",\"code\":\""
                                + sms.lastCodeFor(phone) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loginName").value(idNumber));
        assertThat(accounts.byLoginName(idNumber)).isPresent();
    }

    @Test
    void apiRefusesUnknownIdTypeWithTheField() throws Exception {
        mvc.perform(post("/api/v1/auth/register")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idType\":\"DRIVING_LICENCE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("idType"));
    }
}
