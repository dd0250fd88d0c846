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
import cn.qualify.identity.Role;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
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
        String idNumber = Steps.freshIdNumber();
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

        Steps.logIn(candidate, idNumber, PASSWORD);
        assertThat(candidate.path()).startsWith("/candidate");

        candidate.open("/candidate/registration/edit");
        Steps.fillInRegistration(candidate);
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

        Steps.upload(candidate, "ID_PROOF", bigPhoto, 1);
        var compressed = current(account, "ID_PROOF").get(0);
        var stored = decode(documents.get(StorageKey.of(compressed.storageKey())));
        assertThat(compressed.sizeBytes()).as("bytes stored").isLessThanOrEqualTo(LIMIT);
        assertThat(Math.max(stored.getWidth(), stored.getHeight()))
                .as("long side kept for legible text")
                .isGreaterThanOrEqualTo(1600);
        assertThat(stored.getHeight())
                .as("EXIF orientation 6 applied: the upright photo is portrait")
                .isGreaterThan(stored.getWidth());
        int stamp = stored.getRGB((int) (stored.getWidth() * 0.787), (int) (stored.getHeight() * 0.84));
        assertThat((stamp >> 16) & 0xFF)
                .as("the red stamp is bottom right, where it is on the upright page")
                .isGreaterThan(150)
                .isGreaterThan(((stamp >> 8) & 0xFF) + 60);

        Steps.upload(candidate, "ID_PROOF", smallPhoto, 2);
        // delete the second one with the "−" button and upload it again
        assertThat(candidate.findAll("#material-ID_PROOF form[action$='/delete'] button"))
                .hasSize(2);
        candidate.focusStart();
        candidate.tabTo("#material-ID_PROOF .thumb:nth-child(2) form[action$='/delete'] button");
        candidate.press(Keys.ENTER);
        candidate.waitForPage();
        Steps.waitForCount(candidate, "ID_PROOF", 1);
        Steps.upload(candidate, "ID_PROOF", smallPhoto, 2);
        Steps.upload(candidate, "ID_PROOF", smallPhoto, 3);
        assertThat(candidate.findAll("#material-ID_PROOF form.upload"))
                .as("a fixed count of three: no fourth")
                .isEmpty();

        // the diploma with the keyboard alone, turned once to the right before sending
        candidate.open("/candidate/materials");
        Steps.uploadWithKeyboard(candidate, "DIPLOMA", bigPhoto, true, 1);
        var diploma = current(account, "DIPLOMA").get(0);
        assertThat(diploma.width())
                .as("the portrait photo turned a quarter is landscape")
                .isGreaterThan(diploma.height());
        assertThat(diploma.sizeBytes()).isLessThanOrEqualTo(LIMIT);

        // a photo that cannot be made small enough (here: a limit of 3 KB put into the form) is not sent, and the
        // page says to take it again rather than to retry
        candidate.open("/candidate/materials");
        String probation = "#material-PROBATION_ASSESSMENT form.upload";
        candidate.script("document.querySelector(arguments[0]).dataset.maxBytes = '3000';", probation);
        candidate
                .find(probation + " input[type=file]")
                .sendKeys(smallPhoto.toAbsolutePath().toString());
        candidate.waitUntil(d -> candidate.find(probation + " .upload-preview").isDisplayed() ? Boolean.TRUE : null);
        candidate.find(probation + " button[type=submit]").click();
        candidate.waitUntil(
                d -> candidate.find(probation + " .upload-status").getText().contains("请重新拍摄") ? Boolean.TRUE : null,
                Duration.ofSeconds(60));
        assertThat(current(account, "PROBATION_ASSESSMENT")).isEmpty();
        candidate.open("/candidate/materials");
        Steps.upload(candidate, "PROBATION_ASSESSMENT", smallPhoto, 1);
        Steps.upload(candidate, "INSTITUTION_LICENSE", smallPhoto, 1);
        Steps.upload(candidate, "INSTITUTION_LICENSE", smallPhoto, 2);

        // the materials outside the checklist: their list comes when the section is opened, a card when asked for
        candidate.open("/candidate/materials");
        assertThat(candidate.findAll("#material-STUDENT_ID")).isEmpty();
        candidate.find("#other-materials summary").click();
        candidate.waitUntil(d -> candidate.findAll("#material-STUDENT_ID a").isEmpty() ? null : Boolean.TRUE);
        assertThat(candidate.findAll("#material-STUDENT_ID form.upload")).isEmpty();
        candidate.find("#material-STUDENT_ID a").click();
        candidate.waitUntil(
                d -> candidate.findAll("#material-STUDENT_ID form.upload").isEmpty() ? null : Boolean.TRUE);

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
        Steps.logIn(reviewer, pointReviewer.loginName(), IdentityFixtures.PASSWORD);
        String number = application(account).number();
        Steps.openFromQueue(reviewer, idNumber, number);
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
        reviewer.resize(Chromium.PHONE);
        assertThat(reviewer.horizontalOverflow()).as("the viewer fits a phone").isZero();
        reviewer.screenshot("review-viewer", Chromium.PHONE);
        reviewer.resize(Chromium.DESKTOP);
        reviewer.press(Keys.ESCAPE);
        reviewer.waitUntil(d -> reviewer.find("#image-viewer").getAttribute("open") == null ? Boolean.TRUE : null);

        Steps.acceptWithKeyboard(reviewer, "ID_PROOF");
        Steps.acceptWithKeyboard(reviewer, "PROBATION_ASSESSMENT");
        Steps.acceptWithKeyboard(reviewer, "INSTITUTION_LICENSE");
        Steps.requestReplacementWithKeyboard(reviewer, "DIPLOMA", "UNCLEAR", "钢印看不清，请在光线充足处重新拍摄", "复印件嫌疑");

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
        Steps.waitForCount(candidate, "DIPLOMA", 0);
        Steps.upload(candidate, "DIPLOMA", smallPhoto, 1);
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
        Steps.acceptWithKeyboard(reviewer, "DIPLOMA");
        reviewer.focusStart();
        reviewer.tabTo("form[action$='/recommendation'] button[value=PASS]");
        reviewer.press(Keys.ENTER);
        reviewer.waitForPage();
        reviewer.waitUntil(d -> application(account).state() == ApplicationState.POINT_PASSED ? Boolean.TRUE : null);
        reviewer.close();

        var districtReviewer = IdentityFixtures.aStaffMember(context, Role.DISTRICT_REVIEWER);
        reviewer = Chromium.start(port);
        Steps.logIn(reviewer, districtReviewer.loginName(), IdentityFixtures.PASSWORD);
        Steps.openFromQueue(reviewer, idNumber, number);
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
}
