package cn.qualify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.TestExamSetup;
import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialImage;
import cn.qualify.identity.Account;
import cn.qualify.identity.Accounts;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.ResidentIdCard;
import cn.qualify.identity.Role;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole journey in a real browser: a new candidate registers, fills in the registration info, uploads a 12 MP
 * phone photo that the page itself shrinks under the limit, rotates, deletes and re-uploads, submits; the exam
 * point's reviewer works through the queue and the review screen with the keyboard and returns the application; the
 * candidate reads the reason, replaces the image and resubmits; the exam point recommends and the district approves.
 */
@BrowserTest
class JourneyBrowserIntegrationTests {

    static final String PASSWORD = "Qualify-Browser-2025";
    static final long LIMIT = 204_800;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    Applications applications;

    @Autowired
    DocumentStore documents;

    @TempDir
    Path files;

    Chromium candidate;
    Chromium reviewer;
    SmsCodes sms;

    @BeforeEach
    void setUp() {
        TestExamSetup.ensure(jdbc, clock);
        sms = new SmsCodes();
        candidate = Chromium.start(port);
    }

    @AfterEach
    void tearDown() {
        sms.close();
        candidate.close();
        if (reviewer != null) {
            reviewer.close();
        }
    }

    @Test
    void aCandidateAndTheReviewersGoThroughTheWholeJourney() throws Exception {
        String idNumber = freshIdNumber();
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));

        // ---- 1. account, log-in, registration info, checklist ----
        candidate.open("/register");
        candidate.find("#idNumber").sendKeys(idNumber);
        candidate.find("#name").sendKeys("李明");
        candidate.find("#phone").sendKeys(phone);
        candidate.find("button[formaction$='/register/code']").click();
        candidate.waitForText("验证码已发送");
        candidate.find("#code").sendKeys(sms.lastCodeFor(phone));
        candidate.find("#password").sendKeys(PASSWORD);
        candidate.find("#passwordConfirmation").sendKeys(PASSWORD);
        candidate
                .find("form[action$='/register'] .actions:last-of-type button[type=submit]")
                .click();
        candidate.waitForText("注册成功");
        assertThat(candidate.path()).startsWith("/login");

        logIn(candidate, idNumber, PASSWORD);
        assertThat(candidate.path()).startsWith("/candidate");

        candidate.open("/candidate/registration/edit");
        fillInRegistration(candidate);
        candidate.waitForText("报名信息已保存");
        assertThat(candidate.findAll("#requirement-ID_PROOF")).hasSize(1);
        assertThat(candidate.findAll("#requirement-DIPLOMA")).hasSize(1);
        assertThat(candidate.text()).contains("李明", "沈阳考点");
        Account account = accounts.byLoginName(idNumber).orElseThrow();

        // ---- 2. uploads: the 12 MP photo, compressed by the page ----
        candidate.open("/candidate/materials");
        assertThat(candidate.text()).contains("有效身份证明", "毕业证书", "0/3");
        byte[] phonePhoto = PhonePhotos.aTwelveMegapixelPhoto();
        assertThat(phonePhoto.length).as("the phone photo").isGreaterThan(4 * 1024 * 1024);
        var bigPhoto = PhonePhotos.write(files, "IMG_20250314_093000.jpg", phonePhoto);
        var smallPhoto = PhonePhotos.write(files, "IMG_small.jpg", PhonePhotos.aSmallPhoto());

        upload(candidate, "ID_PROOF", bigPhoto, 1);
        var compressed = current(account, "ID_PROOF").get(0);
        var stored = decode(documents.get(StorageKey.of(compressed.storageKey())));
        assertThat(compressed.sizeBytes()).as("bytes stored").isLessThanOrEqualTo(LIMIT);
        assertThat(Math.max(stored.getWidth(), stored.getHeight()))
                .as("long side kept for legible text")
                .isGreaterThanOrEqualTo(1600);
        assertThat(stored.getHeight())
                .as("EXIF orientation 6 applied: the upright photo is portrait")
                .isGreaterThan(stored.getWidth());

        upload(candidate, "ID_PROOF", smallPhoto, 2);
        // delete the second one with the "−" button and upload it again
        var minus = candidate.findAll("#material-ID_PROOF form[action$='/delete'] button");
        assertThat(minus).hasSize(2);
        minus.get(1).click();
        candidate.waitForPage();
        waitForCount(candidate, "ID_PROOF", 1);
        upload(candidate, "ID_PROOF", smallPhoto, 2);
        upload(candidate, "ID_PROOF", smallPhoto, 3);
        assertThat(candidate.findAll("#material-ID_PROOF form.upload"))
                .as("a fixed count of three: no fourth")
                .isEmpty();

        // the diploma with the keyboard alone, turned once to the right before sending
        candidate.open("/candidate/materials");
        uploadWithKeyboard(candidate, "DIPLOMA", bigPhoto, true, 1);
        var diploma = current(account, "DIPLOMA").get(0);
        assertThat(diploma.width())
                .as("the portrait photo turned a quarter is landscape")
                .isGreaterThan(diploma.height());
        assertThat(diploma.sizeBytes()).isLessThanOrEqualTo(LIMIT);

        upload(candidate, "PROBATION_ASSESSMENT", smallPhoto, 1);
        upload(candidate, "INSTITUTION_LICENSE", smallPhoto, 1);
        upload(candidate, "INSTITUTION_LICENSE", smallPhoto, 2);

        // submit with the keyboard
        candidate.open("/candidate/materials");
        candidate.focusStart();
        candidate.tabTo("form[action$='/candidate/submit'] button[type=submit]");
        candidate.press(Keys.ENTER);
        candidate.waitForText("上报完成，内容已锁定");
        assertThat(application(account).state()).isEqualTo(ApplicationState.SUBMITTED);
        candidate.open("/candidate/materials");
        assertThat(candidate.text()).contains("上报完成，内容已锁定", "已锁定");
        assertThat(candidate.findAll("form.upload")).isEmpty();

        // ---- 3. the exam point: queue, claim, viewer, decisions with the keyboard, return ----
        var pointReviewer = IdentityFixtures.aStaffMember(context, Role.POINT_REVIEWER, "2101");
        reviewer = Chromium.start(port);
        logIn(reviewer, pointReviewer.loginName(), IdentityFixtures.PASSWORD);
        String number = application(account).number();
        openFromQueue(reviewer, idNumber, number);
        assertThat(reviewer.text()).contains("李明", number);
        assertThat(reviewer.find(".lease").getText()).as("opening claims it").contains("您");

        // zoom and rotate in the viewer, by keyboard
        reviewer.focusStart();
        reviewer.tabTo("#material-ID_PROOF a.review-image");
        reviewer.press(Keys.ENTER);
        reviewer.waitUntil(d -> reviewer.find("#image-viewer").getAttribute("open") != null ? Boolean.TRUE : null);
        reviewer.press("+");
        reviewer.press("+");
        reviewer.press("r");
        String transform = reviewer.find("[data-viewer-image]").getAttribute("style");
        assertThat(transform).contains("scale(1.5625)", "rotate(90deg)");
        reviewer.waitUntil(d -> (Boolean) reviewer.script(
                "var i = document.querySelector('[data-viewer-image]'); return i.complete && i.naturalWidth > 0;"));
        reviewer.screenshot("review-viewer", Chromium.DESKTOP);
        reviewer.press(Keys.ESCAPE);
        reviewer.waitUntil(d -> reviewer.find("#image-viewer").getAttribute("open") == null ? Boolean.TRUE : null);

        acceptWithKeyboard(reviewer, "ID_PROOF");
        acceptWithKeyboard(reviewer, "PROBATION_ASSESSMENT");
        acceptWithKeyboard(reviewer, "INSTITUTION_LICENSE");
        requestReplacementWithKeyboard(reviewer, "DIPLOMA", "UNCLEAR", "钢印看不清，请在光线充足处重新拍摄", "复印件嫌疑");

        reviewer.focusStart();
        reviewer.tabTo("form[action$='/return'] button[type=submit]");
        reviewer.press(Keys.ENTER);
        reviewer.waitForPage();
        reviewer.waitUntil(d -> application(account).state() == ApplicationState.RETURNED ? Boolean.TRUE : null);

        // ---- 4. the candidate reads the reason, replaces the diploma, resubmits ----
        candidate.open("/candidate");
        assertThat(candidate.text()).contains("退回");
        candidate.open("/candidate/materials");
        var card = candidate.find("#material-DIPLOMA").getText();
        assertThat(card).contains("需更换", "不清晰", "钢印看不清，请在光线充足处重新拍摄");
        assertThat(candidate.text()).doesNotContain("复印件嫌疑");
        assertThat(candidate.findAll("#material-ID_PROOF form[action$='/delete']"))
                .as("accepted materials stay locked")
                .isEmpty();
        candidate.find("#material-DIPLOMA form[action$='/delete'] button").click();
        candidate.waitForPage();
        waitForCount(candidate, "DIPLOMA", 0);
        upload(candidate, "DIPLOMA", smallPhoto, 1);
        candidate.open("/candidate/materials");
        candidate.focusStart();
        candidate.tabTo("form[action$='/candidate/submit'] button[type=submit]");
        candidate.press(Keys.ENTER);
        candidate.waitForText("上报完成，内容已锁定");
        var resubmitted = application(account);
        assertThat(resubmitted.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(resubmitted.allImages())
                .as("the replaced diploma is kept as an earlier version")
                .anyMatch(image -> image.id().equals(diploma.id()) && !image.isCurrent());

        // ---- 5. the exam point accepts and recommends; the district approves ----
        reviewer.open("/review/applications/" + resubmitted.id());
        assertThat(reviewer.text()).contains("李明");
        acceptWithKeyboard(reviewer, "DIPLOMA");
        reviewer.focusStart();
        reviewer.tabTo("form[action$='/recommendation'] button[value=PASS]");
        reviewer.press(Keys.ENTER);
        reviewer.waitForPage();
        reviewer.waitUntil(d -> application(account).state() == ApplicationState.POINT_PASSED ? Boolean.TRUE : null);
        reviewer.close();

        var districtReviewer = IdentityFixtures.aStaffMember(context, Role.DISTRICT_REVIEWER);
        reviewer = Chromium.start(port);
        logIn(reviewer, districtReviewer.loginName(), IdentityFixtures.PASSWORD);
        openFromQueue(reviewer, idNumber, number);
        reviewer.focusStart();
        reviewer.tabTo("#final-reason");
        reviewer.type("材料齐全，同意");
        reviewer.tabTo("form[action$='/final-decision'] button[value=APPROVE]");
        reviewer.press(Keys.ENTER);
        reviewer.waitForPage();
        reviewer.waitUntil(d -> application(account).state() == ApplicationState.APPROVED ? Boolean.TRUE : null);

        candidate.open("/candidate");
        assertThat(candidate.text()).contains(number);
        assertThat(candidate.consoleErrors())
                .as("no script errors on the candidate's pages")
                .isEmpty();
        assertThat(reviewer.consoleErrors())
                .as("no script errors on the review pages")
                .isEmpty();
    }

    // ---- the candidate's steps ----

    static void logIn(Chromium browser, String username, String password) {
        browser.open("/login");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("#password").sendKeys(Keys.ENTER);
        browser.waitUntil(d -> browser.path().startsWith("/login") ? null : Boolean.TRUE);
        browser.waitForPage();
    }

    /** A bachelor for the physician exam, probation at a general hospital in Shenyang. */
    static void fillInRegistration(Chromium browser) {
        browser.find("#phone").clear();
        browser.find("#phone").sendKeys("13800001234");
        browser.find("#email").sendKeys("li.ming@example.com");
        browser.find("#school").sendKeys("中国医科大学");
        browser.find("#major").sendKeys("临床医学");
        choose(browser, "examPointCode", "2101");
        choose(browser, "facts.examLevel", "PHYSICIAN");
        choose(browser, "facts.category", "CLINICAL");
        choose(browser, "facts.education", "BACHELOR");
        date(browser, "facts.graduationDate", LocalDate.of(2023, 7, 1));
        choose(browser, "facts.shortageExam", "NONE");
        choose(browser, "facts.probationPost", "GENERAL");
        browser.driver().findElement(By.id("facts.institution.name")).sendKeys("沈阳市第四人民医院");
        choose(browser, "facts.institution.type", "GENERAL");
        browser.driver().findElement(By.id("facts.workUnits0.name")).sendKeys("沈阳市第四人民医院");
        choose(browser, "facts.workUnits0.type", "GENERAL");
        date(browser, "facts.workUnits0.from", LocalDate.of(2023, 8, 1));
        browser.find("form.registration-form .actions button[type=submit]").click();
        browser.waitForPage();
    }

    static void choose(Chromium browser, String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    /** Sets a date input as a date picker would; typing into it depends on the browser's locale. */
    static void date(Chromium browser, String id, LocalDate date) {
        browser.script(
                "var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                        + " e.dispatchEvent(new Event('change', {bubbles: true}));",
                id,
                date.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }

    /** Picks a file in the material's form, waits for the preview and sends it; the card then shows the count. */
    static void upload(Chromium browser, String material, Path file, int expectedCount) {
        if (browser.findAll("#material-" + material + " form.upload").isEmpty()) {
            browser.open("/candidate/materials");
        }
        String form = "#material-" + material + " form.upload";
        browser.find(form + " input[type=file]").sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil(d -> browser.find(form + " .upload-preview").isDisplayed() ? Boolean.TRUE : null);
        browser.find(form + " button[type=submit]").click();
        waitForCount(browser, material, expectedCount);
    }

    /**
     * The same with the keyboard: Tab to the file field, choose the file (WebDriver stands in for the system's file
     * dialog), Tab to "rotate right" and press Enter, Tab to "upload" and press Space.
     */
    static void uploadWithKeyboard(Chromium browser, String material, Path file, boolean rotate, int expectedCount) {
        String form = "#material-" + material + " form.upload";
        browser.focusStart();
        var input = browser.tabTo(form + " input[type=file]");
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil(d -> browser.find(form + " .upload-preview").isDisplayed() ? Boolean.TRUE : null);
        if (rotate) {
            browser.tabTo(form + " .rotate-right", 10);
            browser.press(Keys.ENTER);
        }
        browser.tabTo(form + " button[type=submit]", 10);
        browser.press(Keys.SPACE);
        waitForCount(browser, material, expectedCount);
    }

    static void waitForCount(Chromium browser, String material, int count) {
        try {
            browser.waitUntil(
                    d -> {
                        var cards = browser.findAll("#material-" + material + " h2");
                        return !cards.isEmpty() && cards.get(0).getText().contains(count + "/") ? Boolean.TRUE : null;
                    },
                    Duration.ofSeconds(60));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("failed-upload-" + material, Chromium.DESKTOP);
            var status = browser.findAll("#material-" + material + " .upload-status");
            throw new AssertionError(
                    "The " + material + " card did not reach " + count + " images; status: "
                            + (status.isEmpty() ? "none" : status.get(0).getText()) + "; console: "
                            + browser.consoleErrors() + "; requests: "
                            + browser.script(
                                    "return performance.getEntriesByType('resource').map(function (r) {"
                                            + " return r.name + ' ' + r.responseStatus + ' ' + r.encodedBodySize; }).join(', ')"),
                    e);
        }
    }

    // ---- the reviewers' steps ----

    static void openFromQueue(Chromium browser, String idNumber, String number) {
        browser.open("/review");
        browser.focusStart();
        browser.tabTo("#q");
        browser.type(idNumber);
        browser.press(Keys.ENTER);
        browser.waitUntil(d -> browser.findAll("#queue-results a").stream()
                        .anyMatch(a -> a.getText().equals(number))
                ? Boolean.TRUE
                : null);
        browser.focusStart();
        browser.tabTo("#queue-results a[href*='/review/applications/']");
        browser.press(Keys.ENTER);
        browser.waitUntil(d -> browser.path().startsWith("/review/applications/") ? Boolean.TRUE : null);
        browser.waitForPage();
    }

    static void acceptWithKeyboard(Chromium browser, String material) {
        browser.focusStart();
        browser.tabTo("#material-" + material + " form.material-decision button[value=ACCEPTED]");
        browser.press(Keys.ENTER);
        browser.waitForPage();
        browser.waitUntil(
                d -> browser.find("#material-" + material + " h3").getText().contains("合格") ? Boolean.TRUE : null);
    }

    static void requestReplacementWithKeyboard(
            Chromium browser, String material, String reason, String message, String note) {
        String form = "#material-" + material + " form.material-decision";
        browser.focusStart();
        browser.tabTo(form + " details > summary");
        browser.press(Keys.ENTER);
        browser.tabTo(form + " input[name=reasons][value=" + reason + "]", 20);
        browser.press(Keys.SPACE);
        browser.tabTo("#message-" + material, 30);
        browser.type(message);
        browser.tabTo("#note-" + material, 5);
        browser.type(note);
        browser.tabTo(form + " button[value=REPLACEMENT_REQUESTED]", 5);
        browser.press(Keys.ENTER);
        browser.waitForPage();
        browser.waitUntil(
                d -> browser.find("#material-" + material + " h3").getText().contains("要求更换") ? Boolean.TRUE : null);
    }

    // ---- fixtures ----

    Application application(Account account) {
        return applications.ofCandidate(String.valueOf(account.id()), 2025).orElseThrow();
    }

    List<MaterialImage> current(Account account, String material) {
        return application(account).currentImages(material);
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    static String freshIdNumber() {
        var random = ThreadLocalRandom.current();
        var birth = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(365 * 10));
        String first17 =
                "210102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdCard.checkDigit(first17);
    }
}
