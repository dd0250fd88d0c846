package cn.qualify.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium (Debian's {@code chromium} and {@code chromium-driver}), headless, started by its own
 * driver binary so that Selenium Manager never looks for or downloads a browser. One instance is one browser with a
 * fresh profile: cookies and storage start empty.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("qualify.browser.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("qualify.browser.chromedriver", "/usr/bin/chromedriver"));

    /** Where screenshots go; Maven's target directory, kept after the run. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** A phone held upright (CSS pixels). */
    static final Size PHONE = new Size("phone", 390, 844, true);
    /** A laptop or desktop screen. */
    static final Size DESKTOP = new Size("desktop", 1440, 900, false);

    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    record Size(String name, int width, int height, boolean mobile) {}

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Chromium(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> missing() {
        if (!Files.isExecutable(BINARY)) {
            return Optional.of("no Chromium at " + BINARY);
        }
        if (!Files.isExecutable(DRIVER)) {
            return Optional.of("no chromedriver at " + DRIVER);
        }
        return Optional.empty();
    }

    static Chromium start(int port) {
        // Selenium's DevTools bindings lag behind Debian's Chromium; these tests use only WebDriver and CDP commands
        // through the driver, so the warning that no matching DevTools version is on the class path says nothing.
        QUIET.forEach(logger -> logger.setLevel(Level.OFF));
        Path profile;
        try {
            profile = Files.createTempDirectory("qualify-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=zh-CN",
                "--window-size=" + DESKTOP.width() + "," + DESKTOP.height(),
                "--user-data-dir=" + profile.resolve("user-data"));
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("FONTCONFIG_FILE", fontConfig(profile).toString()))
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        var chromium = new Chromium(driver, profile, "http://localhost:" + port);
        chromium.resize(DESKTOP);
        return chromium;
    }

    /**
     * A fontconfig file that adds the CJK font the application ships for its PDFs to the machine's fonts, so that
     * Chinese pages render legibly in screenshots even where no CJK font package is installed.
     */
    private static Path fontConfig(Path profile) {
        var fonts = Path.of("src", "main", "resources", "fonts").toAbsolutePath();
        var file = profile.resolve("fonts.conf");
        try {
            Files.writeString(file, """
                    <?xml version="1.0"?>
                    <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                    <fontconfig>
                      <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                      <dir>%s</dir>
                      <cachedir>%s</cachedir>
                    </fontconfig>
                    """.formatted(fonts, profile.resolve("font-cache")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    WebDriver driver() {
        return driver;
    }

    String url(String path) {
        return base + path;
    }

    void open(String path) {
        driver.get(url(path));
        waitForPage();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** The viewport as a device of that size would have it, including the mobile meta viewport. */
    void resize(Size size) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width", size.width(),
                        "height", size.height(),
                        "deviceScaleFactor", 1,
                        "mobile", size.mobile()));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text() {
        return find("body").getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
        // htmx swaps parts of the page while a condition looks at them: look again
        return new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(condition, Duration.ofSeconds(15));
    }

    void waitForPage() {
        waitUntil(d -> "complete".equals(script("return document.readyState")));
    }

    void waitForText(String text) {
        try {
            waitUntil(d -> text().contains(text) ? Boolean.TRUE : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + path().replaceAll("[^A-Za-z0-9]+", "-"), DESKTOP);
            throw new AssertionError("\"" + text + "\" did not appear on " + path() + "; the page says: " + text(), e);
        }
    }

    // ---- keyboard ----

    /** Presses a key where the focus is, as a person at a keyboard would. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Types into whatever has the focus. */
    void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    boolean focusMatches(String css) {
        return Boolean.TRUE.equals(
                script("return !!document.activeElement && document.activeElement.matches(arguments[0])", css));
    }

    String focusDescription() {
        return String.valueOf(
                script("var e = document.activeElement; return e ? e.outerHTML.substring(0, 160) : 'nothing'"));
    }

    /**
     * Presses Tab until the focused element matches {@code css}; fails if it is not reached within {@code maxTabs}
     * presses, that is if the keyboard cannot get there.
     */
    WebElement tabTo(String css, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            if (focusMatches(css)) {
                return driver.switchTo().activeElement();
            }
            press(Keys.TAB);
        }
        if (focusMatches(css)) {
            return driver.switchTo().activeElement();
        }
        throw new AssertionError("Tab did not reach " + css + " in " + maxTabs + " presses on " + path()
                + "; the focus is on " + focusDescription());
    }

    WebElement tabTo(String css) {
        return tabTo(css, 200);
    }

    /** Moves the focus to the start of the page, as after loading it, without touching anything. */
    void focusStart() {
        script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    }

    // ---- page checks ----

    /** How far the page is wider than the viewport, in CSS pixels (0 when it fits). */
    long horizontalOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
    }

    /** The elements wider than the viewport or reaching past its right edge, to say what overflows. */
    @SuppressWarnings("unchecked")
    List<String> overflowingElements() {
        return (List<String>) script("""
                var width = document.documentElement.clientWidth, found = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > width + 1) {
                    var parent = e.parentElement && e.parentElement.getBoundingClientRect();
                    if (!parent || parent.right <= width + 1) {
                      found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                        + ' right=' + Math.round(r.right));
                    }
                  }
                });
                return found.slice(0, 10);
                """);
    }

    /**
     * Form controls without a label: inputs (but hidden ones), selects and textareas need an associated label
     * ({@code <label for>} or around them), {@code aria-label} or {@code aria-labelledby} pointing at text; buttons
     * need text or an {@code aria-label}.
     */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) script("""
                function text(s) { return (s || '').replace(/\\s+/g, ' ').trim(); }
                function named(e) {
                  if (text(e.getAttribute('aria-label'))) { return true; }
                  var by = e.getAttribute('aria-labelledby');
                  if (by && by.split(/\\s+/).some(function (id) {
                    var l = document.getElementById(id); return l && text(l.textContent);
                  })) { return true; }
                  if (e.labels && Array.prototype.some.call(e.labels, function (l) { return text(l.textContent); })) {
                    return true;
                  }
                  if (e.tagName === 'BUTTON') { return !!text(e.textContent); }
                  if (e.tagName === 'INPUT' && /^(submit|reset|button)$/.test(e.type)) { return !!text(e.value); }
                  return false;
                }
                var missing = [];
                document.querySelectorAll('input, select, textarea, button').forEach(function (e) {
                  if (e.type === 'hidden') { return; }
                  if (!named(e)) { missing.push(e.outerHTML.substring(0, 160)); }
                });
                return missing;
                """);
    }

    /** A screenshot of the whole page (not only the viewport) under {@code target/screenshots/}. */
    Path screenshot(String name, Size size) {
        try {
            Files.createDirectories(SCREENSHOTS);
            @SuppressWarnings("unchecked")
            var metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            var content = (Map<String, Object>) metrics.get("cssContentSize");
            double height = Math.min(8000, Math.max(size.height(), ((Number) content.get("height")).doubleValue()));
            var shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", size.width(), "height", height, "scale", 1)));
            var file = SCREENSHOTS.resolve(name + "-" + size.name() + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages the page wrote to the console as errors, e.g. a script refused by the Content-Security-Policy. */
    List<String> consoleErrors() {
        var errors = new ArrayList<String>();
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && !entry.getMessage().contains("favicon.ico")) {
                errors.add(entry.getMessage());
            }
        });
        return errors;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
