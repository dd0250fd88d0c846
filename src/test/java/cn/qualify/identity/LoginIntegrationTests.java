package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;

/** Log-in, throttling, sessions and CSRF over real HTTP against the running application. */
@IdentityIntegrationTest
class LoginIntegrationTests {

    private static final Pattern LOGIN_ERROR = Pattern.compile("id=\"login-error\">([^<]+)<");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcAccounts accounts;

    @Autowired
    FindByIndexNameSessionRepository<?> sessions;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port, TestAccounts.freshAddress());
    }

    @Test
    void formLogInGivesANewSessionIdAndOpensTheRoleArea() {
        var candidate = testAccounts.candidate();
        browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        var answer = browser.logInWithForm(candidate.loginName().toLowerCase(), TestAccounts.PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        var me = browser.get("/api/v1/auth/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(candidate.loginName(), "\"role\":\"CANDIDATE\"");
        // the session id from before the log-in is worth nothing
        assertThat(browser.getWithSession("/api/v1/auth/me", before).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theNavigationOffersTheLinksOfTheVisitorsRoleOnly() {
        assertThat(navigation(browser))
                .contains("href=\"/login\"")
                .doesNotContain("action=\"/logout\"", "href=\"/candidate\"", "href=\"/review\"", "href=\"/admin\"");

        var candidate = testAccounts.candidate();
        browser.logInWithForm(candidate.loginName(), TestAccounts.PASSWORD);
        assertThat(navigation(browser))
                .contains("href=\"/candidate\"", "href=\"/candidate/inbox\"", "action=\"/logout\"")
                .doesNotContain("href=\"/login\"", "href=\"/review\"", "href=\"/admin\"");

        for (var role : List.of(Role.POINT_REVIEWER, Role.DISTRICT_REVIEWER)) {
            var reviewer = new Browser(port, TestAccounts.freshAddress());
            reviewer.logInWithForm(testAccounts.staff(role, "2101").loginName(), TestAccounts.PASSWORD);
            assertThat(navigation(reviewer))
                    .contains("href=\"/review\"", "action=\"/logout\"")
                    .doesNotContain("href=\"/candidate\"", "href=\"/admin\"", "href=\"/login\"");
        }

        var admin = new Browser(port, TestAccounts.freshAddress());
        admin.logInWithForm(testAccounts.staff(Role.ADMIN).loginName(), TestAccounts.PASSWORD);
        assertThat(navigation(admin))
                .contains("href=\"/admin\"", "action=\"/logout\"")
                .doesNotContain("href=\"/candidate\"", "href=\"/review\"", "href=\"/login\"");
    }

    @Test
    void theLandingPageSendsEachRoleToItsArea() {
        var anonymous = browser.get("/");
        assertThat(anonymous.statusCode()).isEqualTo(200);

        var accounts = List.of(
                testAccounts.candidate(),
                testAccounts.staff(Role.POINT_REVIEWER, "2101"),
                testAccounts.staff(Role.DISTRICT_REVIEWER),
                testAccounts.staff(Role.ADMIN));
        var areas = List.of("/candidate", "/review", "/review", "/admin");
        for (int i = 0; i < accounts.size(); i++) {
            var visitor = new Browser(port, TestAccounts.freshAddress());
            visitor.logInWithForm(accounts.get(i).loginName(), TestAccounts.PASSWORD);
            var landing = visitor.get("/");
            assertThat(landing.statusCode()).isEqualTo(302);
            assertThat(landing.headers().firstValue("Location").orElseThrow()).endsWith(areas.get(i));
        }
    }

    /** The page frame's navigation, as a public page shows it to the browser's visitor. */
    private static String navigation(Browser browser) {
        var page = browser.get("/self-check");
        assertThat(page.statusCode()).isEqualTo(200);
        var body = page.body();
        int start = body.indexOf("<nav class=\"site-nav\"");
        assertThat(start).isNotNegative();
        return body.substring(start, body.indexOf("</nav>", start));
    }

    @Test
    void unknownNameAndWrongPasswordGetTheSameMessage() {
        var candidate = testAccounts.candidate();

        String wrongPassword = errorShownAfter(browser.logInWithForm(candidate.loginName(), "not the password"));
        String unknownName = errorShownAfter(browser.logInWithForm(TestAccounts.freshIdNumber(), "whatever"));

        assertThat(wrongPassword).isEqualTo("用户名或密码错误。").isEqualTo(unknownName);
    }

    @Test
    void formLogInWithoutCsrfTokenIsRefused() {
        var candidate = testAccounts.candidate();
        browser.get("/login");

        var answer = browser.postForm(
                "/login", Browser.form("username", candidate.loginName(), "password", TestAccounts.PASSWORD));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/login?expired");
        assertThat(browser.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
    }

    @Test
    void fiveFailuresInARowLockTheNameForFifteenMinutes() {
        var candidate = testAccounts.candidate();
        for (int i = 1; i <= 4; i++) {
            var failed = browser.logInWithApi(candidate.loginName(), "wrong password " + i);
            assertThat(failed.statusCode()).isEqualTo(401);
            assertThat(failed.body()).contains("用户名或密码错误");
        }
        var fifth = browser.logInWithApi(candidate.loginName(), "wrong password 5");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("登录失败次数过多，请15分钟后再试");
        assertThat(fifth.headers().firstValue("Retry-After")).contains("900");

        // while locked even the right password is not looked at, from any address
        var other = new Browser(port, TestAccounts.freshAddress());
        assertThat(other.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(429);

        clock.advance(Duration.ofMinutes(14));
        var stillLocked = browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD);
        assertThat(stillLocked.statusCode()).isEqualTo(429);
        assertThat(stillLocked.body()).contains("请1分钟后再试");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        var afterLock = browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD);
        assertThat(afterLock.statusCode()).isEqualTo(200);
        assertThat(afterLock.body()).contains(candidate.loginName());
    }

    @Test
    void unknownNamesAreLockedLikeKnownOnes() {
        String nobody = TestAccounts.freshIdNumber();
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.logInWithApi(nobody, "guess " + i).statusCode()).isEqualTo(401);
        }
        var fifth = browser.logInWithApi(nobody, "guess 5");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("登录失败次数过多，请15分钟后再试");
    }

    @Test
    void formShowsTheLockMessage() {
        var staff = testAccounts.staff(Role.DISTRICT_REVIEWER);
        for (int i = 1; i <= 4; i++) {
            browser.logInWithForm(staff.loginName(), "wrong " + i);
        }
        assertThat(errorShownAfter(browser.logInWithForm(staff.loginName(), "wrong 5")))
                .isEqualTo("登录失败次数过多，请15分钟后再试。");
    }

    @Test
    void oneAddressFailingWithManyNamesIsThrottled() {
        for (int i = 0; i < 20; i++) {
            browser.logInWithApi(TestAccounts.freshUserName("nobody"), "guess");
        }
        var candidate = testAccounts.candidate();
        var refused = browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("此网络的登录失败次数过多");

        var elsewhere = new Browser(port, TestAccounts.freshAddress());
        assertThat(elsewhere
                        .logInWithApi(candidate.loginName(), TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void successClearsTheCountOfTheName() {
        var candidate = testAccounts.candidate();
        for (int i = 1; i <= 4; i++) {
            browser.logInWithApi(candidate.loginName(), "wrong " + i);
        }
        assertThat(browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(200);
        var again = new Browser(port, TestAccounts.freshAddress());
        assertThat(again.logInWithApi(candidate.loginName(), "wrong again").statusCode())
                .isEqualTo(401);
    }

    @Test
    void disabledAccountIsToldSoOnlyWithTheRightPassword() {
        var staff = testAccounts.staff(Role.POINT_REVIEWER, "2101");
        accounts.setEnabled(staff.id(), false);

        assertThat(browser.logInWithApi(staff.loginName(), "wrong password").body())
                .contains("用户名或密码错误");
        var right = browser.logInWithApi(staff.loginName(), TestAccounts.PASSWORD);
        assertThat(right.statusCode()).isEqualTo(403);
        assertThat(right.body()).contains("已停用");
    }

    @Test
    void apiAnswers401And403AsProblemDetailsNotRedirects() {
        var anonymous = browser.get("/api/v1/auth/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(anonymous.body()).contains("请先登录");
        assertThat(browser.get("/api/v1/admin/accounts").statusCode()).isEqualTo(401);

        var withoutToken = browser.postJson("/api/v1/auth/login", "{\"loginName\":\"a\",\"password\":\"b\"}", null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("X-CSRF-TOKEN");
    }

    @Test
    void apiLogInRotatesSessionAndCsrfTokenAndLogOutEndsTheSessionOnTheServer() {
        var staff = testAccounts.staff(Role.ADMIN);
        String tokenBefore = browser.apiCsrfToken();
        String sessionBefore = browser.sessionId();

        var answer = browser.postJson(
                "/api/v1/auth/login",
                "{\"loginName\":\"" + staff.loginName() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}",
                tokenBefore);
        assertThat(answer.statusCode()).isEqualTo(200);
        String session = browser.sessionId();
        assertThat(session).isNotEqualTo(sessionBefore);
        assertThat(browser.get("/api/v1/admin/accounts").statusCode()).isEqualTo(200);

        // the token from before the log-in no longer works
        assertThat(browser.postJson("/api/v1/auth/logout", "{}", tokenBefore).statusCode())
                .isEqualTo(403);
        var logout = browser.postJson("/api/v1/auth/logout", "{}", browser.apiCsrfToken());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(browser.getWithSession("/api/v1/auth/me", session).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSignedInContextIsReadOncePerChangeAndALogOutEndsNoOtherSession() {
        var candidate = testAccounts.candidate();
        browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD);
        var elsewhere = new Browser(port, TestAccounts.freshAddress());
        elsewhere.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD);

        // what a log-in really stores is remembered: two reads of the session share the immutable principal
        var id = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
        var key = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;
        SecurityContext first = sessions.findById(id).getAttribute(key);
        SecurityContext second = sessions.findById(id).getAttribute(key);
        assertThat(second).isNotSameAs(first).isEqualTo(first);
        assertThat(second.getAuthentication().getPrincipal())
                .isSameAs(first.getAuthentication().getPrincipal());

        assertThat(browser.postJson("/api/v1/auth/logout", "{}", browser.apiCsrfToken())
                        .statusCode())
                .isEqualTo(204);
        assertThat(browser.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
        var me = elsewhere.get("/api/v1/auth/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(candidate.loginName());
        assertThat(sessions.findById(id))
                .as("the logged-out session, gone from the store")
                .isNull();
    }

    @Test
    void pagesOfAnotherRoleAreForbiddenAndAnonymousVisitorsGoToTheLogInPage() {
        var candidate = testAccounts.candidate();
        var anonymous = browser.get("/admin/accounts");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        browser.logInWithForm(candidate.loginName(), TestAccounts.PASSWORD);
        assertThat(browser.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/v1/admin/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void logInPageIsChineseByDefaultAndEnglishOnRequest() {
        assertThat(browser.get("/login").body()).contains("证件号码或用户名");
        assertThat(browser.get("/login?lang=en").body()).contains("ID number or user name");
    }

    private String errorShownAfter(java.net.http.HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        var page = browser.get("/login?error");
        var matcher = LOGIN_ERROR.matcher(page.body());
        assertThat(matcher.find()).as("error shown on the log-in page").isTrue();
        return matcher.group(1);
    }
}
