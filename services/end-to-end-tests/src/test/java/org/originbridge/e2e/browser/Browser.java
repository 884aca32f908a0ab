package org.originbridge.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium driven through chromedriver (Selenium): Debian's {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver} unless {@code -Dbrowser.chromium=...} / {@code -Dbrowser.chromedriver=...}
 * point elsewhere. Nothing is downloaded: both binaries are given to Selenium, so Selenium Manager
 * never runs. {@code deploy/runtime/ensure-browser.sh} installs them ({@code bin/originbridge test} runs it).
 * <p>
 * Browser tests use it through {@link BrowserTier}, which fails a test class when Chromium is
 * missing (or skips it with {@code -Dbrowser.skip=true}) and hands each test a fresh browser.
 * Waits are generous (the build machine is a loaded 2-core box); no assertion depends on a duration.
 */
public final class Browser implements AutoCloseable {

    /** Whether pages may run JavaScript (a page must work without it, too). */
    public enum Scripts { ENABLED, DISABLED }

    public static final String SKIP_PROPERTY = "browser.skip";
    public static final Duration WAIT = Duration.ofSeconds(60);

    private static final Dimension DESKTOP = new Dimension(1280, 900);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** JavaScript on, English first in Accept-Language. */
    public static Browser open() {
        return open(Scripts.ENABLED, "en");
    }

    /**
     * Starts a headless browser.
     *
     * @param acceptLanguage the browser's preferred languages, e.g. {@code "vi"} or {@code "zh-CN,zh"}
     */
    public static Browser open(Scripts scripts, String acceptLanguage) {
        String missing = missingBinaries();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--password-store=basic", "--use-mock-keychain", "--hide-scrollbars",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(), "--lang=" + acceptLanguage.split(",")[0]);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", acceptLanguage);
        if (scripts == Scripts.DISABLED) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver);
    }

    /** null when Chromium and chromedriver are both there, else what is missing and how to get it. */
    public static String missingBinaries() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium())) {
            missing.add(chromium() + " (-Dbrowser.chromium)");
        }
        if (!Files.isExecutable(chromedriver())) {
            missing.add(chromedriver() + " (-Dbrowser.chromedriver)");
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "the browser tests need Chromium and chromedriver; missing: " + String.join(", ", missing)
                + ". Install them with deploy/runtime/ensure-browser.sh (bin/originbridge test runs it), "
                + "or skip the browser tests with -D" + SKIP_PROPERTY + "=true";
    }

    static Path chromium() {
        return Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    }

    static Path chromedriver() {
        return Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a URL and waits for the document to be complete. */
    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    /** The first element matching, waiting for it to appear. */
    public WebElement await(By by) {
        return await(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Waits until the condition answers non-null / true (ignoring exceptions meanwhile), at most {@link #WAIT}. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchShadowRootException.class)
                .until(condition::apply);
    }

    /**
     * An element inside the shadow root of the first element matching {@code hostCss} (a web
     * component), waiting for both.
     */
    public WebElement inShadow(String hostCss, String innerCss) {
        return await(d -> {
            SearchContext root = d.findElement(By.cssSelector(hostCss)).getShadowRoot();
            return root.findElement(By.cssSelector(innerCss));
        });
    }

    /** Runs JavaScript in the page (only when scripts are enabled). */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Runs asynchronous JavaScript: the last argument is the callback to call with the result. */
    public Object asyncScript(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    /** Resizes the window, e.g. to a phone's 390 x 844 for a responsive layout. */
    public Browser size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /**
     * Browser console messages since the last call (errors, CSP violations, failed loads), each
     * as "LEVEL message".
     */
    public List<String> console() {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            lines.add(entry.getLevel() + " " + entry.getMessage());
        }
        return lines;
    }

    /** Console messages at level SEVERE since the last call to {@link #console()}. */
    public List<String> consoleErrors() {
        return console().stream().filter(l -> l.startsWith(Level.SEVERE.getName())).toList();
    }

    /**
     * Saves a PNG of the current view: always under {@code target/browser-screenshots/NAME.png}
     * (to look at after a run), and also as {@code docs/screenshots/NAME.png} when the run is given
     * {@code -Dscreenshots.update=true} (the pictures the README shows). Returns the target copy.
     */
    public Path screenshot(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]{0,60}")) {
            throw new IllegalArgumentException("screenshot names are lower-case kebab: " + name);
        }
        try {
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Path local = Path.of("target", "browser-screenshots", name + ".png");
            Files.createDirectories(local.getParent());
            Files.copy(shot, local, StandardCopyOption.REPLACE_EXISTING);
            // a failed test's picture stays in target/ only, never in docs/
            if (Boolean.getBoolean("screenshots.update") && !name.startsWith("failed-")) {
                Path docs = Path.of(System.getProperty("e2e.screenshots.dir", "../../docs/screenshots"));
                Files.createDirectories(docs);
                Path target = docs.resolve(name + ".png");
                Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
                readableByAll(target);
            }
            Files.deleteIfExists(shot);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screenshots are files of the repository: rw-r--r-- (the driver writes them owner-only). */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
