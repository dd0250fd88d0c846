package cn.qualify.registration;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Actor;
import cn.qualify.application.Applications;
import cn.qualify.identity.Account;
import cn.qualify.identity.Accounts;
import cn.qualify.identity.IdType;
import cn.qualify.identity.ResidentIdCard;
import jakarta.servlet.http.Cookie;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Candidates for tests, who register and log in through the real pages, with numbers unique enough for a database
 * that several test classes share; and their applications, moved through the real transitions.
 */
@TestComponent
class TestCandidates {

    static final String PASSWORD = "a long enough secret";
    private static final SecureRandom random = new SecureRandom();

    /** A logged-in candidate: their account and the session cookie to send requests with. */
    record SignedIn(Account account, Cookie session) {}

    private final RegistrationTestConfiguration.CapturingSms sms;
    private final Accounts accounts;
    private final Applications applications;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    TestCandidates(
            RegistrationTestConfiguration.CapturingSms sms,
            Accounts accounts,
            Applications applications,
            JdbcClient jdbc,
            PasswordEncoder encoder) {
        this.sms = sms;
        this.accounts = accounts;
        this.applications = applications;
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /**
     * A logged-in administrator. Staff accounts are only made by other administrators, so the first one is written
     * straight into the identity module's table, as an installation's first administrator would be.
     */
    SignedIn administrator(MockMvc mvc) throws Exception {
        String name = "admin" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("INSERT INTO account (login_name, login_key, display_name, phone_verified, password_hash, role,"
                        + " enabled, created_at, updated_at) VALUES (?, ?, ?, FALSE, ?, 'ADMIN', TRUE, ?, ?)")
                .params(name, name, "测试管理员", encoder.encode(PASSWORD), now, now)
                .update();
        return logIn(mvc, name);
    }

    /** A valid 居民身份证 number nobody has yet: Shenyang address code, random birth date and sequence. */
    static String freshIdNumber() {
        var birth = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(365 * 30));
        String first17 =
                "210102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdCard.checkDigit(first17);
    }

    static String freshPassport() {
        return "E" + String.format("%08d", random.nextInt(100_000_000));
    }

    static String freshPhone() {
        return "137" + String.format("%08d", random.nextInt(100_000_000));
    }

    SignedIn residentCandidate(MockMvc mvc) throws Exception {
        return register(mvc, IdType.RESIDENT_ID_CARD, freshIdNumber(), "测试考生", freshPhone());
    }

    SignedIn passportCandidate(MockMvc mvc) throws Exception {
        return register(mvc, IdType.PASSPORT, freshPassport(), "Anna Müller", freshPhone());
    }

    /** Registers at the self-registration API with the text message code, then logs in with the page form. */
    SignedIn register(MockMvc mvc, IdType idType, String idNumber, String name, String phone) throws Exception {
        sendCode(mvc, phone);
        mvc.perform(post("/api/v1/auth/register")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idType": "%s", "idNumber": "%s", "name": "%s", "phone": "%s", "password": "%s",
                                 "passwordConfirmation": "%s", "code": "%s"}
                                """.formatted(
                                        idType, idNumber, name, phone, PASSWORD, PASSWORD, sms.lastCodeFor(phone))))
                .andExpect(status().isCreated());
        return logIn(mvc, idNumber);
    }

    void sendCode(MockMvc mvc, String phone) throws Exception {
        mvc.perform(post("/api/v1/auth/register/code")
                        .with(csrf())
                        // code requests are limited per client address: each candidate comes from its own
                        .with(request -> {
                            request.setRemoteAddr(
                                    "10.9." + (phone.hashCode() & 0xFF) + "." + ((phone.hashCode() >>> 8) & 0xFF));
                            return request;
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": \"" + phone + "\"}"))
                .andExpect(status().isAccepted());
    }

    String lastCodeFor(String phone) {
        return sms.lastCodeFor(phone);
    }

    SignedIn logIn(MockMvc mvc, String loginName) throws Exception {
        var result = mvc.perform(formLogin("/login").user(loginName).password(PASSWORD))
                .andExpect(status().isFound())
                .andReturn();
        // sessions live in the database (Spring Session), so the cookie that the log-in set identifies them
        var session = java.util.Arrays.stream(result.getResponse().getCookies())
                .filter(cookie -> cookie.getName().endsWith("SESSION"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Log-in of " + loginName + " set no session cookie"));
        return new SignedIn(accounts.byLoginName(loginName).orElseThrow(), session);
    }

    /** The candidate's application for 2025, opened as a draft and submitted through the real transitions. */
    void submitApplication(Account candidate) {
        var application = applications.open(String.valueOf(candidate.id()), 2025, "2101", false);
        application.submit(
                List.of(), new Actor(String.valueOf(candidate.id()), candidate.displayName()), Instant.now());
        applications.save(application);
    }

    /** The candidate's application for 2025, opened and still a draft. */
    void openDraft(Account candidate) {
        applications.open(String.valueOf(candidate.id()), 2025, "2101", false);
    }
}
