package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Protect, annotate and delete on the Recordings page; restore from the recycle bin; search and verify the action log.
 * In the H2 pass only: the lifecycle itself runs on both databases in LifecycleIT, LifecycleJobsIT and BulkActionsIT.
 */
class LifecyclePagesIT {

    static final String PASSWORD = VerbatimServer.USER_PASSWORD;

    Browser session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assumeFalse(DisposableServer.onPostgres(), "the page does not depend on the database (its services are checked on both by the REST tests): checked on H2");
        session = new Browser();
        browser = session.driver;
        wait = session.wait;
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (session != null) {
            session.screenshot("lifecycle-pages-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            session.close();
        }
    }

    /** The text direction the browser gives an element: "ltr" or "rtl". */
    Object direction(WebElement element) {
        return browser.executeScript("return getComputedStyle(arguments[0]).direction", element);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    @Test
    void anOwnerProtectsAnnotatesAndDeletesARecording() throws Exception {
        String owner = "pageowner" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        VerbatimServer.createUser(owner, "USER", true);
        long id = LifecycleIT.recordingOf(owner);
        session.signIn(owner, PASSWORD);
        wait.until(d -> rows().size() == 1);

        click("recordings:table:0:protect");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recordings:table:0:unprotect")));
        assertThat(json(getText("/api/v1/recordings/" + id, basic(owner, PASSWORD)).body()).getBoolean("protected")).isTrue();
        assertThat(browser.findElement(By.id("recordings:table:0:delete")).isEnabled()).as("no deleting while protected").isFalse();
        click("recordings:table:0:unprotect");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recordings:table:0:protect")));

        click("recordings:table:0:notes");
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notes:text")));
        text.sendKeys("Called back on Tuesday");
        click("notes:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#notes .vb-note-text"), "Called back on Tuesday"));
        assertThat(VerbatimServer.jsonArray(getText("/api/v1/recordings/" + id + "/notes", admin()).body()).getJsonObject(0).getString("author")).isEqualTo(owner);
        // a note in Arabic is typed and shown right to left, beside one in English shown left to right
        String arabic = "تم الاتصال يوم الثلاثاء."; // "called on Tuesday."
        browser.findElement(By.id("notes:text")).sendKeys(arabic);
        assertThat(direction(browser.findElement(By.id("notes:text")))).as("while typing").isEqualTo("rtl");
        click("notes:save");
        wait.until(d -> d.findElements(By.cssSelector("#notes .vb-note-text")).size() == 2);
        List<WebElement> notes = browser.findElements(By.cssSelector("#notes .vb-note-text"));
        assertThat(notes).extracting(WebElement::getText).containsExactlyInAnyOrder("Called back on Tuesday", arabic);
        for (WebElement note : notes) {
            assertThat(direction(note)).as(note.getText()).isEqualTo(note.getText().equals(arabic) ? "rtl" : "ltr");
        }
        browser.findElement(By.id("notes:text")).sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("notes:text")));

        click("recordings:table:0:delete");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recordings:messages"), "moved to the recycle bin"));
        wait.until(d -> rows().isEmpty());
        assertThat(getText("/api/v1/recordings/" + id, admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void anAdministratorRestoresFromTheRecycleBinAndChecksTheActionLog() throws Exception {
        long id = LifecycleIT.recordingOf("binned" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        assertThat(VerbatimServer.delete("/api/v1/recordings/" + id, admin()).statusCode()).isEqualTo(200);
        session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);

        browser.get(VerbatimServer.URL + "/app/admin/recycle-bin.xhtml");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#bin\\:table_data > tr")).stream()
                .filter(tr -> tr.findElements(By.tagName("td")).size() > 1
                        && tr.findElements(By.tagName("td")).get(0).getText().equals(Long.toString(id)))
                .findFirst().orElse(null));
        assertThat(row.getText()).contains(VerbatimServer.ADMIN);
        row.findElement(By.cssSelector("button[id$=':restore']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bin:messages"), "Recording " + id + " restored"));
        assertThat(getText("/api/v1/recordings/" + id, admin()).statusCode()).isEqualTo(200);

        browser.get(VerbatimServer.URL + "/app/compliance/action-log.xhtml");
        WebElement recording = wait.until(ExpectedConditions.elementToBeClickable(By.id("log:recording_input")));
        recording.sendKeys(Long.toString(id));
        click("log:search");
        wait.until(d -> logRows().size() == 2);
        assertThat(logRows().get(0)).contains("restore").contains(VerbatimServer.ADMIN).contains("deleted by " + VerbatimServer.ADMIN + " at ");
        assertThat(logRows().get(1)).contains("delete").contains("to the recycle bin");
        click("log:verify");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log:messages"), "Intact: every chain, "));
        click("log:export");
        WebElement download = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("log:download")));
        assertThat(download.getText()).contains("(2 entries)");
        assertThat(download.getAttribute("href")).contains("/api/v1/action-log/exports/").endsWith("/file");
    }

    @Test
    void anAdministratorStartsAJobAndWatchesItFinish() {
        session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        browser.get(VerbatimServer.URL + "/app/admin/jobs.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.vb-start-recycle-purge"))).click();
        // asked first, saying what it would delete now
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        assertThat(browser.findElement(By.cssSelector(".ui-confirm-dialog-message")).getText())
                .matches("Nothing is due: it deletes no recording now\\.|It deletes \\d+ recordings? for good, now\\.|Its policy is off: it deletes nothing\\.");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs:messages"), "recycle-purge started (run "));
        String message = browser.findElement(By.id("jobs:messages")).getText();
        String run = message.replaceAll("(?s).*\\(run (\\d+)\\).*", "$1");
        // the table polls: the run shows up and reaches COMPLETED without reloading the page
        wait.until(d -> d.findElements(By.cssSelector("#jobs\\:table_data > tr")).stream()
                .map(WebElement::getText).anyMatch(row -> row.matches("(?s)" + run + "\\s+recycle-purge\\s+COMPLETED\\s.*")));
    }

    private List<String> rows() {
        return browser.findElements(By.cssSelector("#recordings\\:table_data > tr:not(.ui-datatable-empty-message)"))
                .stream().map(WebElement::getText).toList();
    }

    private List<String> logRows() {
        return browser.findElements(By.cssSelector("#log\\:table_data > tr:not(.ui-datatable-empty-message)"))
                .stream().map(WebElement::getText).toList();
    }
}
