package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page, with its dialogs and the player open, as the operator and as a user, on a desktop; on a phone, the
 * pages whose layout it changes most and the player; checked by axe-core (Deque's rules for WCAG 2.1 A and AA, and best practices): nothing serious or critical.
 */
class AccessibilityIT {

    static final String USER = "axel" + System.nanoTime() % 1_000_000;
    static long recording;

    /** The pages whose layout a phone changes most: the folded menu, cards for rows, forms taking the width. */
    static final List<String> ON_A_PHONE = List.of("/app/recordings.xhtml", "/app/admin/users.xhtml", "/app/admin/settings.xhtml",
            "/app/compliance/action-log.xhtml");

    Browser session;

    @BeforeAll
    static void aRecordingAndAUser() throws Exception {
        if (DisposableServer.onPostgres()) {
            return;
        }
        VerbatimServer.createUser(USER, "USER", true);
        recording = idFrom(upload(captureName(USER), Files.readAllBytes(IngestIT.corpusCapture(IngestIT.TWO_PARTY_G711))));
        awaitConverted(recording);
    }

    /** The pages' markup is the same on either database: checked once, on H2 (counted as skipped on PostgreSQL). */
    @BeforeEach
    void openBrowser() {
        assumeFalse(DisposableServer.onPostgres(), "markup does not depend on the database: checked on H2");
        session = new Browser();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (session != null) {
            session.screenshot("accessibility");
            session.close();
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1440, 900", "390, 844"})
    void everyPageHasNothingSeriousOrCritical(int width, int height) throws Exception {
        session.driver.manage().window().setSize(new Dimension(width, height));
        List<String> problems = new ArrayList<>();

        session.driver.get(VerbatimServer.URL + "/login.xhtml");
        check("login", problems);

        session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        for (String page : List.of("/app/recordings.xhtml", "/app/monitor.xhtml", "/app/mail.xhtml", "/app/admin/users.xhtml", "/app/admin/groups.xhtml",
                "/app/admin/app-objects.xhtml", "/app/admin/settings.xhtml", "/app/admin/jobs.xhtml", "/app/admin/health.xhtml",
                "/app/admin/recycle-bin.xhtml", "/app/admin/tenants.xhtml", "/app/admin/unassigned.xhtml",
                "/app/compliance/action-log.xhtml", "/app/no-such-page.xhtml")) {
            if (width < 500 && !ON_A_PHONE.contains(page)) {
                continue; // what a phone's layout changes is checked on these; the rest once, on the desktop (each takes seconds)
            }
            session.driver.get(VerbatimServer.URL + page);
            check(page, problems);
        }

        // the Recordings page's dialogs, then the player open (on a phone the player only: the dialogs' markup is the
        // desktop's, checked there)
        if (width >= 500) {
            recordingDialogs(problems);
        }
        session.driver.get(VerbatimServer.URL + "/app/recordings.xhtml?play=" + recording + "&t=1");
        session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("player")));
        session.wait.until(d -> !session.driver.findElement(By.id("player-title")).getText().isEmpty());
        check("recordings with the player", problems);

        if (width >= 500) { // a user's pages: the same markup as the operator's, fewer columns and buttons
            session.driver.manage().deleteAllCookies(); // signed out
            session.signIn(USER, VerbatimServer.USER_PASSWORD);
            check("a user's recordings", problems);
            session.driver.get(VerbatimServer.URL + "/app/admin/users.xhtml"); // not theirs: the 403 page
            check("forbidden", problems);
        }

        assertThat(problems).as("axe-core at %d×%d", width, height).isEmpty();
    }

    private void recordingDialogs(List<String> problems) {
        session.driver.get(VerbatimServer.URL + "/app/recordings.xhtml");
        session.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[id$=':details']"))).click();
        session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detailsDialog")));
        check("call details", problems);
        session.driver.findElement(By.cssSelector("#detailsDialog .ui-dialog-titlebar-close")).click();
        session.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("detailsDialog")));
        session.driver.findElement(By.cssSelector("button[id$=':notes']")).click();
        session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notesDialog")));
        check("notes", problems);
    }

    private void check(String page, List<String> problems) {
        session.wait.until(d -> "complete".equals(session.driver.executeScript("return document.readyState")));
        session.accessibilityProblems().forEach(problem -> problems.add(page + ": " + problem));
    }
}
