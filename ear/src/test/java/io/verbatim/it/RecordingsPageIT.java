package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Recordings page in a real browser (Debian's headless Chromium): sign in, find, filter, play. */
class RecordingsPageIT {

    Browser session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        session = new Browser();
        browser = session.driver;
        wait = session.wait;
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (session != null) {
            session.screenshot("recordings-page");
            session.close();
        }
    }

    @Test
    void aSignedInAdministratorFindsFiltersAndPlaysARecording() throws Exception {
        String name = captureName("ivy");
        String callId = name.substring(0, 32);
        long id = idFrom(upload(name, Files.readAllBytes(IngestIT.corpusCapture(IngestIT.TWO_PARTY_G711))));
        awaitConverted(id);
        // a second recording, recorded on another day, so that filtering has something to leave out
        String olderName = captureName("ivy");
        awaitConverted(idFrom(upload(olderName, Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap")))));

        browser.get(VerbatimServer.URL + "/");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.findElement(By.id("login:username")).sendKeys(VerbatimServer.ADMIN);
        browser.findElement(By.id("login:password")).sendKeys(VerbatimServer.ADMIN_PASSWORD);
        browser.findElement(By.id("login:signIn")).click();

        wait.until(ExpectedConditions.urlContains("/app/recordings.xhtml"));
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo(VerbatimServer.ADMIN);
        assertThat(rowTexts()).hasSizeGreaterThanOrEqualTo(2);

        WebElement text = browser.findElement(By.id("recordings:text"));
        text.clear();
        text.sendKeys(callId);
        browser.findElement(By.id("recordings:search")).click();
        wait.until(d -> rowTexts().size() == 1 && rowTexts().get(0).contains(callId));

        WebElement player = browser.findElement(By.cssSelector("audio.vb-player[data-recording='" + id + "']"));
        String source = player.getAttribute("src");
        assertThat(source).endsWith("/api/v1/recordings/" + id + "/audio");
        // the browser fetches the audio with its session, as the player does
        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = (Map<String, Object>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(async r => { const b = new Uint8Array(await r.arrayBuffer());"
                        + " done({status: r.status, type: r.headers.get('content-type'), magic: String.fromCharCode(...b.slice(0, 4)),"
                        + " format: String.fromCharCode(...b.slice(8, 12)), length: b.length}); })"
                        + ".catch(e => done({status: -1, type: String(e)}));", source);
        assertThat(fetched.get("status")).isEqualTo(200L);
        assertThat(fetched.get("type")).isEqualTo("audio/wav");
        assertThat(fetched.get("magic")).isEqualTo("RIFF");
        assertThat(fetched.get("format")).isEqualTo("WAVE");
        assertThat((Long) fetched.get("length")).isGreaterThan(44L);

        WebElement download = browser.findElement(By.cssSelector("a.vb-download[data-recording='" + id + "']"));
        assertThat(download.getAttribute("href")).endsWith("/api/v1/recordings/" + id + "/audio?download=true");

        // a new search by date range alone, on a freshly loaded page: only the older capture's day (2002-07-26)
        browser.get(VerbatimServer.URL + "/app/recordings.xhtml");
        WebElement dates = wait.until(ExpectedConditions.elementToBeClickable(By.id("recordings:dates_input")));
        dates.sendKeys("2002-07-26 - 2002-07-26");
        browser.findElement(By.id("recordings:search")).click();
        // before the update the unfiltered list holds the older capture too: wait for the filtered list itself
        wait.until(d -> {
            List<String> rows = rowTexts();
            return !rows.isEmpty() && rows.stream().allMatch(row -> row.startsWith("2002-07-26"));
        });
        assertThat(rowTexts()).anySatisfy(row -> assertThat(row).contains(olderName.substring(0, 12)))
                .noneSatisfy(row -> assertThat(row).contains(callId.substring(0, 12)));
    }

    @Test
    void timesAreShownInTheViewersOwnTimeZone() throws Exception {
        String user = "kiri" + System.nanoTime() % 1_000_000;
        HttpResponse<String> created = VerbatimServer.postJson("/api/v1/users", "{\"username\":\"" + user + "\",\"password\":\"correct horse battery\","
                + "\"role\":\"USER\",\"pbx\":\"" + VerbatimServer.PBX + "\",\"licensed\":true,\"timezone\":\"Pacific/Kiritimati\"}", VerbatimServer.admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = idFrom(upload(captureName(user), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        Instant start = Instant.parse(awaitConverted(id).getString("start"));
        ZonedDateTime there = start.atZone(ZoneId.of("Pacific/Kiritimati")); // UTC+14: another day than most servers'

        session.signIn(user, "correct horse battery");
        wait.until(d -> !rowTexts().isEmpty());
        assertThat(rowTexts().get(0)).startsWith(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(there));
    }

    @Test
    void wrongPasswordsAreRefusedOnThePage() {
        browser.get(VerbatimServer.URL + "/login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(VerbatimServer.ADMIN);
        browser.findElement(By.id("login:password")).sendKeys("wrong-password");
        browser.findElement(By.id("login:signIn")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "Wrong username or password"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/app/");
        browser.get(VerbatimServer.URL + "/app/recordings.xhtml");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
    }

    private List<String> rowTexts() {
        return browser.findElements(By.cssSelector("#recordings\\:table_data > tr:not(.ui-datatable-empty-message)"))
                .stream().map(WebElement::getText).toList();
    }
}
