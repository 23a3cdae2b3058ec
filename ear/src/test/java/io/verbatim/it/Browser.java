package io.verbatim.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Selenium, with the flags this closed network needs, and signing in. */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    final WebDriverWait wait;
    // Chromium leaves a folder for its process-singleton socket in the temporary folder at every start (about 50 a
    // suite run); given one of its own, which close removes, it leaves nothing behind on the machine
    private final Path temporary;

    private boolean closed;

    Browser() {
        try {
            temporary = Files.createTempDirectory("verbatim-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("verbatim.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("verbatim.chromedriver", "/usr/bin/chromedriver")).toFile())
                .withEnvironment(Map.of("TMPDIR", temporary.toString()))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // rows are replaced while a table refreshes: reading one mid-swap fails as stale, or (Chromium 156) as a node
        // that "does not belong to the document"; the wait polls again, and a timeout still reports the last cause
        wait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
    }

    /** Signs in through the login form and waits for the page it leads to. */
    void signIn(String username, String password) {
        signIn(VerbatimServer.URL, username, password);
    }

    /** The same on another server than the suite's (one a test started itself). */
    void signIn(String serverUrl, String username, String password) {
        driver.get(serverUrl + "/login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:signIn")).click();
        wait.until(ExpectedConditions.urlContains("/app/"));
    }

    /** Waits until PrimeFaces has no request queued or running: what a click asked for has been shown. */
    void idle() {
        wait.until(d -> (Boolean) driver.executeScript("return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
    }

    /** Types into a picker (PrimeFaces autoComplete) and picks what it offers with that value. */
    void pick(String id, String typed, String value) {
        driver.findElement(By.id(id + "_input")).sendKeys(typed);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id='" + id + "_panel'] li[data-item-value='" + value + "']"))).click();
        idle();
    }

    /** Chooses a value in a menu (PrimeFaces selectOneMenu) and waits until it shows the label. */
    void choose(String id, String value, String label) {
        driver.executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1])", id, value);
        wait.until(ExpectedConditions.textToBe(By.id(id + "_label"), label));
        idle();
    }

    /**
     * What axe-core (Deque's rules for WCAG 2.1 A and AA, and its best practices) finds serious or critical on the page
     * as it stands: one line per rule, with where.
     */
    List<String> accessibilityProblems() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    /** Keeps a screenshot of where the browser ended, for looking at a failure. */
    void screenshot(String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Closes the browser, as a person closes its window; again is nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            try (Stream<Path> left = Files.walk(temporary)) {
                left.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
