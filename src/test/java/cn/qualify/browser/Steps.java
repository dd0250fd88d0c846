package cn.qualify.browser;

import cn.qualify.identity.ResidentIdCard;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/** What candidates and reviewers do in the browser, step by step, for the browser tests. */
final class Steps {

    private Steps() {}

    // ---- the candidate's steps ----

    static void logIn(Chromium browser, String username, String password) {
        browser.open("/login");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("#password").sendKeys(Keys.ENTER);
        browser.waitUntil(d -> browser.path().startsWith("/login") ? null : Boolean.TRUE);
        browser.waitForPage();
    }

    /** A bachelor for the physician exam, probation at a general hospital in Shenyang, at 沈阳考点. */
    static void fillInRegistration(Chromium browser) {
        fillInRegistration(browser, "2101");
    }

    /** The same bachelor at the given exam point. */
    static void fillInRegistration(Chromium browser, String examPoint) {
        browser.find("#phone").clear();
        browser.find("#phone").sendKeys("13800001234");
        browser.find("#email").sendKeys("li.ming@example.com");
        browser.find("#school").sendKeys("中国医科大学");
        browser.find("#major").sendKeys("临床医学");
        choose(browser, "examPointCode", examPoint);
        choose(browser, "facts.examLevel", "PHYSICIAN");
        choose(browser, "facts.category", "CLINICAL");
        choose(browser, "facts.education", "BACHELOR");
        date(browser, "facts.graduationDate", LocalDate.of(2023, 7, 1));
        choose(browser, "facts.shortageExam", "NONE");
        choose(browser, "facts.probationPost", "GENERAL");
        browser.driver().findElement(By.id("facts.institutionName")).sendKeys("沈阳市第四人民医院");
        choose(browser, "facts.institutionType", "GENERAL");
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

    static String freshIdNumber() {
        var random = ThreadLocalRandom.current();
        var birth = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(365 * 10));
        String first17 =
                "210102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdCard.checkDigit(first17);
    }
}
