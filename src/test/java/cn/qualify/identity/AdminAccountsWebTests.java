package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.TestExamSetup;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Administrators' account pages and API, and that nobody else reaches them. */
@IdentityIntegrationTest
class AdminAccountsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    JdbcAccounts accounts;

    @Autowired
    AccountAuthenticationProvider logIn;

    Account admin;
    RequestPostProcessor asAdmin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void admin() {
        TestExamSetup.ensure(jdbc, clock);
        admin = testAccounts.staff(Role.ADMIN);
        asAdmin = authentication(TestAccounts.signedIn(admin));
    }

    @Test
    void adminSeesStaffAccountsWithTheirExamPoints() throws Exception {
        var reviewer = testAccounts.staff(Role.POINT_REVIEWER, "2101", "2102");
        mvc.perform(get("/admin/accounts").with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reviewer.loginName())))
                .andExpect(content().string(containsString("考点审核人员")));
    }

    @Test
    void adminFindsCandidatesBySearch() throws Exception {
        var candidate = testAccounts.candidate();
        mvc.perform(get("/admin/accounts")
                        .param("q", candidate.loginName().substring(6))
                        .with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(IdNumberMask.masked(candidate.loginName()))))
                .andExpect(content().string(not(containsString(candidate.loginName()))));
        // the list of the API masks it too; the account's own page shows it whole
        mvc.perform(get("/api/v1/admin/accounts")
                        .param("q", candidate.loginName().substring(6))
                        .with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].loginName").value(IdNumberMask.masked(candidate.loginName())));
        mvc.perform(get("/admin/accounts/{id}", candidate.id()).with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(candidate.loginName())));
    }

    @Test
    void adminCreatesAPointReviewerForTwoExamPoints() throws Exception {
        String userName = TestAccounts.freshUserName("reviewer");
        mvc.perform(post("/admin/accounts")
                        .with(asAdmin)
                        .with(csrf())
                        .param("userName", userName.toUpperCase())
                        .param("displayName", "王审核")
                        .param("role", "POINT_REVIEWER")
                        .param("examPointCodes", "2101", "2102")
                        .param("password", "reviewer secret one"))
                .andExpect(status().isFound());

        var created = accounts.byLoginName(userName).orElseThrow();
        assertThat(created.loginName()).isEqualTo(userName);
        assertThat(created.role()).isEqualTo(Role.POINT_REVIEWER);
        assertThat(created.examPointCodes()).containsExactly("2101", "2102");
        assertThat(created.reviewsExamPoint("2101")).isTrue();
        var token = UsernamePasswordAuthenticationToken.unauthenticated(userName, "reviewer secret one");
        assertThat(logIn.authenticate(token).getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_POINT_REVIEWER");
    }

    @Test
    void createFormNamesEachProblemAndStoresNothing() throws Exception {
        var existing = testAccounts.staff(Role.DISTRICT_REVIEWER);
        mvc.perform(post("/admin/accounts")
                        .with(asAdmin)
                        .with(csrf())
                        .param("userName", existing.loginName())
                        .param("displayName", "")
                        .param("role", "POINT_REVIEWER")
                        .param("password", "12345678"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该用户名已被使用")))
                .andExpect(content().string(containsString("请输入姓名")))
                .andExpect(content().string(containsString("考点审核人员至少要负责一个考点")))
                .andExpect(content().string(containsString("这个密码太常见")));

        String userName = TestAccounts.freshUserName("x");
        mvc.perform(post("/admin/accounts")
                        .with(asAdmin)
                        .with(csrf())
                        .param("userName", userName)
                        .param("displayName", "某人")
                        .param("role", "POINT_REVIEWER")
                        .param("examPointCodes", "9999")
                        .param("password", "a fine password"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("考点代码“9999”不存在")));
        assertThat(accounts.byLoginName(userName)).isEmpty();
    }

    @Test
    void adminChangesScopeAndDisablesAnAccount() throws Exception {
        var reviewer = testAccounts.staff(Role.POINT_REVIEWER, "2101");
        mvc.perform(get("/admin/accounts/{id}", reviewer.id()).with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2102\"")))
                .andExpect(content().string(containsString("停用账号")));
        mvc.perform(get("/admin/accounts/new").with(asAdmin).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("New staff account")));
        mvc.perform(post("/admin/accounts/{id}", reviewer.id())
                        .with(asAdmin)
                        .with(csrf())
                        .param("displayName", "改名")
                        .param("role", "POINT_REVIEWER")
                        .param("examPointCodes", "2102"))
                .andExpect(status().isFound());
        assertThat(accounts.byId(reviewer.id()).orElseThrow().examPointCodes()).containsExactly("2102");

        mvc.perform(post("/admin/accounts/{id}/enabled", reviewer.id())
                        .with(asAdmin)
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().isFound());
        assertThat(accounts.byId(reviewer.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void adminCannotDisableThemselves() throws Exception {
        mvc.perform(post("/admin/accounts/{id}/enabled", admin.id())
                        .with(asAdmin)
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().isFound());
        assertThat(accounts.byId(admin.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void passwordResetFollowsThePolicy() throws Exception {
        var candidate = testAccounts.candidate();
        mvc.perform(post("/admin/accounts/{id}/password", candidate.id())
                        .with(asAdmin)
                        .with(csrf())
                        .param("password", "qwerty123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("这个密码太常见")));
        mvc.perform(post("/admin/accounts/{id}/password", candidate.id())
                        .with(asAdmin)
                        .with(csrf())
                        .param("password", "new and better"))
                .andExpect(status().isFound());
        assertThat(logIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                                candidate.loginName(), "new and better"))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void apiCreatesUpdatesAndValidates() throws Exception {
        String userName = TestAccounts.freshUserName("api");
        mvc.perform(post("/api/v1/admin/accounts")
                        .with(asAdmin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userName\":\"" + userName + "\",\"displayName\":\"大连审核\","
                                + "\"role\":\"POINT_REVIEWER\",\"examPointCodes\":[\"2102\"],"
                                + "\"password\":\"dalian reviewer pw\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loginName").value(userName))
                .andExpect(jsonPath("$.examPointCodes[0]").value("2102"));
        long id = accounts.byLoginName(userName).orElseThrow().id();

        mvc.perform(put("/api/v1/admin/accounts/{id}", id)
                        .with(asAdmin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"大连审核\",\"role\":\"POINT_REVIEWER\",\"examPointCodes\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("examPointCodes"))
                .andExpect(jsonPath("$.errors[0].message").value("考点审核人员至少要负责一个考点。"));
        assertThat(accounts.byId(id).orElseThrow().examPointCodes()).containsExactly("2102");

        mvc.perform(put("/api/v1/admin/accounts/{id}", id)
                        .with(asAdmin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"考区审核\",\"role\":\"DISTRICT_REVIEWER\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("DISTRICT_REVIEWER"))
                .andExpect(jsonPath("$.examPointCodes").isEmpty());

        mvc.perform(put("/api/v1/admin/accounts/{id}/enabled", admin.id())
                        .with(asAdmin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/v1/admin/accounts/{id}", Long.MAX_VALUE).with(asAdmin))
                .andExpect(status().isNotFound());
    }

    @Test
    void apiWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/api/v1/admin/accounts")
                        .with(asAdmin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("X-CSRF-TOKEN")));
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"CANDIDATE", "POINT_REVIEWER", "DISTRICT_REVIEWER"})
    void otherRolesAreRefused(Role role) throws Exception {
        var someone = role == Role.CANDIDATE
                ? testAccounts.candidate()
                : testAccounts.staff(role, role == Role.POINT_REVIEWER ? new String[] {"2101"} : new String[0]);
        var as = authentication(TestAccounts.signedIn(someone));
        mvc.perform(get("/admin/accounts").with(as)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/accounts").with(as))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String userName = TestAccounts.freshUserName("sneaky");
        mvc.perform(post("/api/v1/admin/accounts")
                        .with(as)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userName\":\"" + userName + "\",\"displayName\":\"x\",\"role\":\"ADMIN\","
                                + "\"password\":\"sneaky password\"}"))
                .andExpect(status().isForbidden());
        assertThat(accounts.byLoginName(userName)).isEmpty();
    }

    @Test
    void accountsApiServesOtherModules() {
        var reviewer = testAccounts.staff(Role.POINT_REVIEWER, "2102");
        assertThat(accounts.pointReviewersOf("2102")).extracting(Account::id).contains(reviewer.id());
        assertThat(accounts.pointReviewersOf("2101")).extracting(Account::id).doesNotContain(reviewer.id());
        assertThat(accounts.byLoginName(" " + reviewer.loginName().toUpperCase() + " "))
                .map(Account::examPointCodes)
                .contains(Set.of("2102"));
    }
}
