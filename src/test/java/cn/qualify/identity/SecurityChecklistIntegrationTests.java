package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.TestExamSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The security checklist of docs/security.md over real HTTP: headers, cookies, actuator access, the absolute
 * session timeout, rate limits and the security log. Uploads and access to documents are tested where they live
 * ({@code CandidateJourneyIntegrationTests}, {@code ReviewScopingWebTests}).
 */
@IdentityIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityChecklistIntegrationTests {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=\"|\\son[a-z]+=\"");

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port, TestAccounts.freshAddress());
    }

    // ---- headers -------------------------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/login", "/self-check", "/api/v1/auth/csrf", "/css/qualify.css", "/nowhere")) {
            var answer = browser.get(path);
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(csp).as(path).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .as("no HSTS over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void behindAnHttpsProxyHstsIsSentAndTheSessionCookieIsSecureHttpOnlyAndSameSite() {
        var answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", TestAccounts.freshAddress())
                .GET()
                .build());
        assertThat(answer.headers().firstValue("Strict-Transport-Security").orElse(""))
                .contains("max-age=31536000", "includeSubDomains");
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("QUALIFY_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Lax");

        String plain = browser.get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("QUALIFY_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void swaggerUiMayUseInlineStylesButNoInlineScript() {
        String csp = browser.get("/swagger-ui/index.html")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElse("");
        assertThat(csp).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';");
    }

    /** The CSP forbids inline script and style: no template may contain any, or the page would break. */
    @Test
    void noTemplateHasInlineScriptStyleOrEventHandlers() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            var pages = files.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> !p.toString().contains("/pdf/"))
                    .toList();
            assertThat(pages).hasSizeGreaterThan(20);
            for (Path page : pages) {
                String html = Files.readString(page).replaceAll("(?s)<!--.*?-->", "");
                assertThat(INLINE_SCRIPT.matcher(html).find())
                        .as(page + " has an inline script")
                        .isFalse();
                assertThat(INLINE_STYLE.matcher(html).find())
                        .as(page + " has inline style or an event handler")
                        .isFalse();
                assertThat(html).as(page.toString()).doesNotContain("th:style", "hx-on", "javascript:");
            }
        }
    }

    @Test
    void renderedPagesHaveNoInlineScriptAndTellHtmxNotToAddStylesOrEval() {
        var staff = testAccounts.staff(Role.ADMIN);
        browser.logInWithForm(staff.loginName(), TestAccounts.PASSWORD);
        for (String path : List.of("/admin", "/self-check", "/admin/accounts", "/admin/exam-years", "/admin/policy")) {
            var page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as(path).isFalse();
            assertThat(INLINE_STYLE.matcher(page.body()).find()).as(path).isFalse();
            assertThat(page.body()).as(path).contains("\"includeIndicatorStyles\":false", "\"allowEval\":false");
        }
        TestExamSetup.ensure(jdbc, clock);
        var candidate = new Browser(port, TestAccounts.freshAddress());
        candidate.logInWithForm(testAccounts.candidate().loginName(), TestAccounts.PASSWORD);
        for (String path : List.of("/candidate", "/candidate/registration", "/candidate/personal-data")) {
            var page = candidate.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as(path).isFalse();
            assertThat(INLINE_STYLE.matcher(page.body()).find()).as(path).isFalse();
        }
    }

    // ---- actuator ------------------------------------------------------------------------------------------

    @Test
    void onlyHealthIsPublicAndMetricsNeedAnAdministratorOrTheScraperToken() {
        assertThat(browser.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(browser.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(browser.get("/actuator/info").statusCode()).isEqualTo(200);
        var anonymous = browser.get("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isIn(302, 401);
        assertThat(anonymous.body()).doesNotContain("jvm_memory");

        var scraper = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer test-metrics-token")
                .GET()
                .build());
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory");
        var wrongToken = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer guessed")
                .GET()
                .build());
        assertThat(wrongToken.statusCode()).isNotEqualTo(200);

        var candidate = new Browser(port, TestAccounts.freshAddress());
        candidate.logInWithApi(testAccounts.candidate().loginName(), TestAccounts.PASSWORD);
        assertThat(candidate.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(candidate.get("/actuator/env").statusCode()).isIn(403, 404);

        var admin = new Browser(port, TestAccounts.freshAddress());
        admin.logInWithApi(testAccounts.staff(Role.ADMIN).loginName(), TestAccounts.PASSWORD);
        assertThat(admin.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void requestsAreMeasuredButTheSecurityChainsFiltersAreNot() {
        var candidate = new Browser(port, TestAccounts.freshAddress());
        candidate.logInWithApi(testAccounts.candidate().loginName(), TestAccounts.PASSWORD);
        assertThat(candidate.get("/css/qualify.css").statusCode()).isEqualTo(200);

        var metrics = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .header("Authorization", "Bearer test-metrics-token")
                        .GET()
                        .build())
                .body();

        assertThat(metrics).contains("http_server_requests_seconds_count");
        assertThat(metrics)
                .as("an observation of each filter of the security chain costs more than most filters")
                .doesNotContain("spring_security_");
    }

    // ---- sessions ------------------------------------------------------------------------------------------

    @Test
    void aLogInEndsAfterEightHoursHoweverBusyItsSession() {
        var candidate = testAccounts.candidate();
        assertThat(browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(200);
        String session = browser.sessionId();
        assertThat(browser.get("/api/v1/auth/me").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertThat(browser.get("/api/v1/auth/me").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        var expired = browser.get("/api/v1/auth/me");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("最长有效时间");
        // ended on the server: the old cookie is worth nothing
        assertThat(browser.getWithSession("/api/v1/auth/me", session).statusCode())
                .isEqualTo(401);

        // a new log-in starts a new lifetime
        assertThat(browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/api/v1/auth/me").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesPastTheAbsoluteTimeoutGoBackToTheLogInPage() {
        var staff = testAccounts.staff(Role.ADMIN);
        browser.logInWithForm(staff.loginName(), TestAccounts.PASSWORD);
        assertThat(browser.get("/admin/accounts").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(8).plusMinutes(1));
        var answer = browser.get("/admin/accounts");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }

    @Test
    void formLogOutEndsTheSessionOnTheServer() {
        var candidate = testAccounts.candidate();
        browser.logInWithForm(candidate.loginName(), TestAccounts.PASSWORD);
        String session = browser.sessionId();
        assertThat(browser.getWithSession("/api/v1/auth/me", session).statusCode())
                .isEqualTo(200);
        var meta = CSRF_META.matcher(browser.get("/self-check").body());
        assertThat(meta.find()).isTrue();
        String token = meta.group(1);
        var logout = browser.postForm("/logout", Browser.form("_csrf", token));
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.getWithSession("/api/v1/auth/me", session).statusCode())
                .isEqualTo(401);
    }

    // ---- rate limits ---------------------------------------------------------------------------------------

    @Test
    void uploadsPerAccountAreLimitedWithAChineseProblemDetail() {
        var candidate = testAccounts.candidate();
        browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD);
        String token = browser.apiCsrfToken();
        for (int i = 1; i <= 60; i++) {
            var answer = browser.postJson("/api/v1/candidate/materials/ID_PROOF/images", "{}", token);
            assertThat(answer.statusCode()).as("upload " + i).isNotEqualTo(429);
        }
        var refused = browser.postJson("/api/v1/candidate/materials/ID_PROOF/images", "{}", token);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(refused.body()).contains("上传过于频繁，请10分钟后再试");
        assertThat(refused.headers().firstValue("Retry-After")).contains("600");

        // another account is not affected, and the window ends
        var other = new Browser(port, TestAccounts.freshAddress());
        other.logInWithApi(testAccounts.candidate().loginName(), TestAccounts.PASSWORD);
        assertThat(other.postJson("/api/v1/candidate/materials/ID_PROOF/images", "{}", other.apiCsrfToken())
                        .statusCode())
                .isNotEqualTo(429);
        clock.advance(Duration.ofMinutes(10));
        assertThat(browser.postJson("/api/v1/candidate/materials/ID_PROOF/images", "{}", token)
                        .statusCode())
                .isNotEqualTo(429);
    }

    @Test
    void verificationCodesPerAddressAreLimited() {
        String token = browser.apiCsrfToken();
        for (int i = 1; i <= 60; i++) {
            var answer = browser.postJson(
                    "/api/v1/auth/register/code", "{\"phone\":\"" + TestAccounts.freshPhone() + "\"}", token);
            assertThat(answer.statusCode()).as("code " + i).isEqualTo(202);
        }
        var refused = browser.postJson(
                "/api/v1/auth/register/code", "{\"phone\":\"" + TestAccounts.freshPhone() + "\"}", token);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("此网络获取验证码过于频繁");

        var page = browser.postForm(
                "/register/code",
                Browser.form(
                        "phone", TestAccounts.freshPhone(), "_csrf", Browser.csrfFromPage(browser.get("/register"))));
        assertThat(page.statusCode()).isEqualTo(429);

        var elsewhere = new Browser(port, TestAccounts.freshAddress());
        assertThat(elsewhere
                        .postJson(
                                "/api/v1/auth/register/code",
                                "{\"phone\":\"" + TestAccounts.freshPhone() + "\"}",
                                elsewhere.apiCsrfToken())
                        .statusCode())
                .isEqualTo(202);
    }

    // ---- authentication ------------------------------------------------------------------------------------

    /**
     * An unknown name costs the same bcrypt check as a wrong password, so that timing does not tell which names
     * exist: without the dummy check it would answer in a fraction of the time.
     */
    @Test
    void anUnknownNameTakesAsLongAsAWrongPassword() {
        var candidate = testAccounts.candidate();
        // warm up both paths
        new Browser(port, TestAccounts.freshAddress()).logInWithApi(candidate.loginName(), "warm up");
        new Browser(port, TestAccounts.freshAddress()).logInWithApi(TestAccounts.freshIdNumber(), "warm up");
        var known = new ArrayList<Long>();
        var unknown = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            var existing = testAccounts.candidate();
            known.add(timeOfFailedLogIn(existing.loginName()));
            unknown.add(timeOfFailedLogIn(TestAccounts.freshIdNumber()));
        }
        long knownMedian = known.stream().sorted().toList().get(1);
        long unknownMedian = unknown.stream().sorted().toList().get(1);
        assertThat(unknownMedian)
                .as("unknown %d ms vs wrong password %d ms", unknownMedian / 1_000_000, knownMedian / 1_000_000)
                .isGreaterThan(knownMedian / 2);
    }

    private long timeOfFailedLogIn(String loginName) {
        var client = new Browser(port, TestAccounts.freshAddress());
        String token = client.apiCsrfToken();
        long start = System.nanoTime();
        var answer = client.postJson(
                "/api/v1/auth/login", "{\"loginName\":\"" + loginName + "\",\"password\":\"wrong one\"}", token);
        long took = System.nanoTime() - start;
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("用户名或密码错误");
        return took;
    }

    // ---- logging -------------------------------------------------------------------------------------------

    @Test
    void logInsAndDeniedRequestsAreLoggedInUtcWithoutSecrets(CapturedOutput output) {
        var candidate = testAccounts.candidate();
        String wrong = "wrong-" + TestAccounts.freshUserName("pw");
        browser.logInWithApi(candidate.loginName(), wrong);
        browser.logInWithApi(candidate.loginName(), TestAccounts.PASSWORD);
        String session = browser.sessionId();
        assertThat(browser.get("/api/v1/admin/accounts").statusCode()).isEqualTo(403);
        String csrf = browser.apiCsrfToken();
        var anonymous = new Browser(port, TestAccounts.freshAddress());
        assertThat(anonymous.get("/api/v1/candidate/application").statusCode()).isEqualTo(401);

        String masked = AccountAuthenticationProvider.masked(candidate.loginName());
        String log = output.getAll();
        assertThat(log).contains("Log-in failed for " + masked, "Log-in succeeded for " + masked);
        assertThat(log).contains("Access denied (403): GET /api/v1/admin/accounts for " + masked);
        assertThat(log).contains("Access denied (401): GET /api/v1/candidate/application for anonymous");
        assertThat(log)
                .doesNotContain(candidate.loginName())
                .doesNotContain(TestAccounts.PASSWORD)
                .doesNotContain(wrong)
                .doesNotContain(session)
                .doesNotContain(csrf);
        var line = log.lines()
                .filter(l -> l.contains("Access denied (403): GET /api/v1/admin/accounts for " + masked))
                .findFirst()
                .orElseThrow();
        assertThat(line).matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z .*");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
