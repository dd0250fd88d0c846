package cn.qualify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.TestExamSetup;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialReview;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every main page, as a visitor, a candidate, both kinds of reviewer and an administrator see it, at phone and at
 * desktop size: a screenshot of each under {@code target/screenshots/}, no page wider than a phone's screen, and a
 * label for every form control.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserIntegrationTests {

    static final String EXAM_POINT = "2180";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Applications applications;

    /** Page name → how far it is wider than the phone's screen, in CSS pixels, and what sticks out. */
    final Map<String, String> overflowAtPhoneSize = new LinkedHashMap<>();
    /** Page name → its form controls without a label. */
    final Map<String, List<String>> unlabelled = new LinkedHashMap<>();

    /** Page name → what it logged as an error (a script refused by the Content-Security-Policy, a failed request). */
    final Map<String, List<String>> consoleErrors = new LinkedHashMap<>();

    final List<Path> screenshots = new ArrayList<>();
    final List<String> visited = new ArrayList<>();
    boolean gridAcceptedWithOneKey;

    @BeforeAll
    void visitEveryMainPage() throws Exception {
        TestExamSetup.ensure(jdbc, clock);
        anExamPointOfTheirOwn();
        try (var browser = Chromium.start(port)) {
            visit(browser, "home", "/");
            visit(browser, "self-check", "/self-check");
            visit(browser, "login", "/login");
            visit(browser, "register", "/register");
            visit(browser, "login-en", "/login?lang=en");
            checksCanFail(browser);
        }

        Account candidate = IdentityFixtures.aCandidate(context);
        String applicationId;
        try (var browser = Chromium.start(port)) {
            Steps.logIn(browser, candidate.loginName(), IdentityFixtures.PASSWORD);
            visit(browser, "candidate-home-empty", "/candidate");
            visit(browser, "candidate-registration-empty", "/candidate/registration");
            browser.open("/candidate/registration/edit");
            Steps.fillInRegistration(browser, EXAM_POINT);
            visit(browser, "candidate-registration-edit", "/candidate/registration/edit");
            visit(browser, "candidate-registration", "/candidate/registration");
            var photo = PhonePhotos.write(
                    Files.createTempDirectory("qualify-pages-"), "photo.jpg", PhonePhotos.aSmallPhoto());
            for (int i = 1; i <= 3; i++) {
                Steps.upload(browser, "ID_PROOF", photo, i);
            }
            Steps.upload(browser, "DIPLOMA", photo, 1);
            Steps.upload(browser, "PROBATION_ASSESSMENT", photo, 1);
            Steps.upload(browser, "INSTITUTION_LICENSE", photo, 1);
            visit(browser, "candidate-materials", "/candidate/materials");
            Steps.upload(browser, "INSTITUTION_LICENSE", photo, 2);
            visit(browser, "candidate-forms", "/candidate/forms");
            browser.open("/candidate/materials");
            browser.find("form[action$='/candidate/submit'] button[type=submit]")
                    .sendKeys(Keys.ENTER);
            browser.waitForText("上报完成，内容已锁定");
            visit(browser, "candidate-home-submitted", "/candidate");
            visit(browser, "candidate-materials-locked", "/candidate/materials");
            visit(browser, "candidate-history", "/candidate/history");
            visit(browser, "candidate-inbox", "/candidate/inbox");
            visit(browser, "candidate-notifications", "/candidate/notifications");
            visit(browser, "candidate-personal-data", "/candidate/personal-data");
            applicationId = applications
                    .ofCandidate(String.valueOf(candidate.id()), 2025)
                    .orElseThrow()
                    .id()
                    .toString();
        }

        var pointReviewer = IdentityFixtures.aStaffMember(context, Role.POINT_REVIEWER, EXAM_POINT);
        try (var browser = Chromium.start(port)) {
            Steps.logIn(browser, pointReviewer.loginName(), IdentityFixtures.PASSWORD);
            visit(browser, "review-queue", "/review");
            visit(browser, "review-grid", "/review/grid");
            visit(browser, "review-application", "/review/applications/" + applicationId);
            visit(browser, "review-history", "/review/applications/" + applicationId + "/history");
            visit(browser, "review-dashboard", "/review/dashboard");
            // grid mode: one key per accept
            browser.open("/review/grid");
            browser.waitUntil(d -> browser.focusMatches("[data-grid-cell]") ? Boolean.TRUE : null);
            browser.press("a");
            browser.waitUntil(d -> {
                var review = applications
                        .byId(java.util.UUID.fromString(applicationId))
                        .orElseThrow()
                        .latestReviews()
                        .get("ID_PROOF");
                return review != null && review.verdict() == MaterialReview.Verdict.ACCEPTED ? Boolean.TRUE : null;
            });
            gridAcceptedWithOneKey = true;
        }

        var districtReviewer = IdentityFixtures.aStaffMember(context, Role.DISTRICT_REVIEWER);
        try (var browser = Chromium.start(port)) {
            Steps.logIn(browser, districtReviewer.loginName(), IdentityFixtures.PASSWORD);
            visit(browser, "review-queue-district", "/review?state=ALL");
            visit(browser, "review-dashboard-district", "/review/dashboard");
        }

        var admin = IdentityFixtures.aStaffMember(context, Role.ADMIN);
        try (var browser = Chromium.start(port)) {
            Steps.logIn(browser, admin.loginName(), IdentityFixtures.PASSWORD);
            visit(browser, "admin", "/admin");
            visit(browser, "admin-exam-years", "/admin/exam-years");
            visit(browser, "admin-exam-year-new", "/admin/exam-years/new");
            visit(browser, "admin-exam-points", "/admin/exam-points");
            visit(browser, "admin-exam-point-new", "/admin/exam-points/new");
            visit(browser, "admin-exam-district", "/admin/exam-district");
            visit(browser, "admin-accounts", "/admin/accounts");
            visit(browser, "admin-account-new", "/admin/accounts/new");
            visit(browser, "admin-registration-import", "/admin/registrations/import");
            visit(browser, "admin-policy", "/admin/policy");
            visit(browser, "admin-policy-preview", "/admin/policy/preview");
            visit(browser, "admin-deadlines", "/admin/deadlines");
            visit(browser, "admin-dead-letters", "/admin/notifications/dead-letters");
        }
    }

    /**
     * An exam point for these tests alone, so that its reviewer's queue and grid show exactly this candidate, whatever
     * other tests left in the shared database.
     */
    private void anExamPointOfTheirOwn() {
        if (jdbc.sql("SELECT COUNT(*) FROM exam_point WHERE code = :code")
                        .param("code", EXAM_POINT)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("INSERT INTO exam_point (code, name, district_code, active, created_at, updated_at)"
                            + " VALUES (:code, '铁西考点', '21', TRUE, :now, :now)")
                    .param("code", EXAM_POINT)
                    .param("now", java.time.OffsetDateTime.now(clock))
                    .update();
        }
    }

    /** The checks see what they are for: a box wider than the phone, a field nobody labelled. */
    private static void checksCanFail(Chromium browser) {
        browser.resize(Chromium.PHONE);
        browser.open("/");
        browser.script("var wide = document.createElement('div'); wide.style.width = '600px'; wide.textContent = 'x';"
                + " document.querySelector('main').appendChild(wide);"
                + " var field = document.createElement('input'); field.type = 'text'; field.id = 'nobody';"
                + " document.querySelector('main').appendChild(field);");
        assertThat(browser.horizontalOverflow()).isGreaterThan(0);
        assertThat(browser.overflowingElements()).anyMatch(element -> element.startsWith("div"));
        assertThat(browser.unlabelledControls()).singleElement().asString().contains("nobody");
        browser.resize(Chromium.DESKTOP);
    }

    /** The page at phone size (overflow, labels, screenshot), then at desktop size (screenshot). */
    private void visit(Chromium browser, String name, String path) {
        browser.resize(Chromium.PHONE);
        browser.open(path);
        assertThat(browser.path())
                .as(name + " opens without being sent elsewhere")
                .startsWith(path.split("\\?")[0]);
        visited.add(name);
        long overflow = browser.horizontalOverflow();
        if (overflow > 0) {
            overflowAtPhoneSize.put(name, overflow + " px too wide: " + browser.overflowingElements());
        }
        var missing = browser.unlabelledControls();
        if (!missing.isEmpty()) {
            unlabelled.put(name, missing);
        }
        screenshots.add(browser.screenshot(name, Chromium.PHONE));
        browser.resize(Chromium.DESKTOP);
        browser.open(path);
        screenshots.add(browser.screenshot(name, Chromium.DESKTOP));
        var errors = browser.consoleErrors();
        if (!errors.isEmpty()) {
            consoleErrors.put(name, errors);
        }
    }

    @Test
    void noPageIsWiderThanAPhoneScreen() {
        assertThat(visited).hasSizeGreaterThan(25);
        assertThat(overflowAtPhoneSize)
                .as("pages that scroll sideways at 390×844 (document.documentElement.scrollWidth > clientWidth)")
                .isEmpty();
    }

    @Test
    void everyFormControlHasALabel() {
        assertThat(visited)
                .contains("register", "candidate-registration-edit", "review-application", "admin-account-new");
        assertThat(unlabelled)
                .as("controls without <label for>, an enclosing label, aria-label or aria-labelledby")
                .isEmpty();
    }

    @Test
    void theGridAcceptsWithOneKey() {
        assertThat(gridAcceptedWithOneKey).isTrue();
    }

    @Test
    void noPageLogsAnError() {
        assertThat(consoleErrors).as("errors in the browser's console").isEmpty();
    }

    @Test
    void everyPageHasAScreenshotAtBothSizes() {
        assertThat(screenshots).hasSize(visited.size() * 2);
        assertThat(screenshots).allSatisfy(file -> assertThat(Files.size(file)).isGreaterThan(1000));
    }

    @AfterAll
    void listTheScreenshots() {
        System.out.println("Screenshots of " + visited.size() + " pages at phone and desktop size in "
                + Chromium.SCREENSHOTS.toAbsolutePath());
    }
}
