package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** {@link Accounts#importCandidate}: accounts without a password that the candidate claims by registering. */
@IdentityIntegrationTest
@RecordApplicationEvents
class ImportedCandidateWebTests {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcAccounts store;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    CapturingSmsSender sms;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @Test
    void importCreatesAnEnabledCandidateWithoutPasswordAndNormalises() {
        String idNumber = TestAccounts.freshIdNumber();

        var account = accounts.importCandidate(
                IdType.RESIDENT_ID_CARD, " " + idNumber.toLowerCase(), " 王  小明 ", "+86 139-0000-0001");

        assertThat(account.loginName()).isEqualTo(idNumber);
        assertThat(account.role()).isEqualTo(Role.CANDIDATE);
        assertThat(account.enabled()).isTrue();
        assertThat(account.displayName()).isEqualTo("王 小明");
        assertThat(account.phone()).isEqualTo("13900000001");
        assertThat(store.credentials(idNumber).orElseThrow().passwordHash()).isNull();
        assertThat(store.unclaimedCandidate(idNumber)).isPresent();
    }

    @Test
    void anExistingCandidateIsReturnedUnchanged() {
        var existing = testAccounts.candidate();

        var account = accounts.importCandidate(IdType.RESIDENT_ID_CARD, existing.loginName(), "别的名字", "13900000002");

        assertThat(account).isEqualTo(existing);
        assertThat(store.unclaimedCandidate(existing.loginName())).isEmpty();
    }

    @Test
    void invalidInputAndStaffLoginNamesAreRefused() {
        // a staff user name that happens to be a valid passport number
        String staffName = "E" + TestAccounts.freshPhone().substring(3);
        store.create(new JdbcAccounts.NewAccount(
                staffName, null, "管理员", null, false, null, "{noop}x", Role.ADMIN, true, java.util.Set.of()));
        assertThatThrownBy(() ->
                        accounts.importCandidate(IdType.RESIDENT_ID_CARD, "210102199001010010", "李雷", "13900000003"))
                .isInstanceOf(InvalidIdNumberException.class);
        assertThatThrownBy(() -> accounts.importCandidate(
                        IdType.RESIDENT_ID_CARD, TestAccounts.freshIdNumber(), "李3", "13900000003"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        accounts.importCandidate(IdType.RESIDENT_ID_CARD, TestAccounts.freshIdNumber(), "李雷", "12345"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.importCandidate(IdType.PASSPORT, staffName, "Li Lei", "13900000003"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nobodyLogsInBeforeTheCandidateClaimsTheAccountWithTheSamePhone() throws Exception {
        String idNumber = TestAccounts.freshIdNumber();
        String phone = TestAccounts.freshPhone();
        var imported = accounts.importCandidate(IdType.RESIDENT_ID_CARD, idNumber, "冯清", phone);

        mvc.perform(post("/login").with(csrf()).param("username", idNumber).param("password", ""))
                .andExpect(redirectedUrl("/login?error"));

        var otherPhone = form(idNumber, TestAccounts.freshPhone());
        mvc.perform(RegistrationWebTests.postForm("/register", otherPhone))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("考点已为该证件号码导入报名信息")));
        var otherType = form(idNumber, phone);
        otherType.put("idType", "PASSPORT");
        mvc.perform(RegistrationWebTests.postForm("/register", otherType)).andExpect(status().isOk());
        assertThat(store.unclaimedCandidate(idNumber)).isPresent();

        var claim = form(idNumber, phone);
        claim.put("name", "冯 清");
        mvc.perform(RegistrationWebTests.postForm("/register", claim))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));

        var account = accounts.byLoginName(idNumber).orElseThrow();
        assertThat(account.id()).isEqualTo(imported.id());
        assertThat(account.displayName()).isEqualTo("冯清");
        assertThat(store.unclaimedCandidate(idNumber)).isEmpty();
        assertThat(store.credentials(idNumber).orElseThrow().passwordHash()).startsWith("{bcrypt}");
        assertThat(events.stream(CandidateAccountCreated.class))
                .anySatisfy(event -> assertThat(event.accountId()).isEqualTo(imported.id()));
        mvc.perform(post("/login").with(csrf()).param("username", idNumber).param("password", "a long enough secret"))
                .andExpect(redirectedUrl("/"));

        // claimed once: the number is now simply taken
        mvc.perform(RegistrationWebTests.postForm("/register", form(idNumber, phone)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("该证件号码已注册")));
    }

    /** A complete registration form whose code has been sent to the phone. */
    Map<String, String> form(String idNumber, String phone) throws Exception {
        mvc.perform(post("/register/code").with(csrf()).param("phone", phone)).andExpect(status().isOk());
        var form = new LinkedHashMap<String, String>();
        form.put("idType", "RESIDENT_ID_CARD");
        form.put("idNumber", idNumber);
        form.put("name", "冯清");
        form.put("phone", phone);
        form.put("password", "a long enough secret");
        form.put("passwordConfirmation", "a long enough secret");
        form.put("code", sms.lastCodeFor(phone));
        return form;
    }
}
