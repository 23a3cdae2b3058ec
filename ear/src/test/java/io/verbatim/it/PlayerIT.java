package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Recordings page's one player in a real browser: it plays a call, draws its waveform from the server's peaks,
 * skips, changes speed, answers keys, plays a call's parts one after the other, and links to a moment.
 */
class PlayerIT {

    Browser session;
    ChromeDriver browser;
    WebDriverWait wait;

    /** The player is the page's script over the API (which both databases' runs test): checked on H2 only. */
    @BeforeEach
    void openBrowser() {
        assumeFalse(DisposableServer.onPostgres(), "the player does not depend on the database: checked on H2");
        session = new Browser();
        browser = session.driver;
        wait = session.wait;
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (session != null) {
            session.screenshot("player");
            session.close();
        }
    }

    @Test
    void oneCallPlaysAtATimeWithItsWaveformSkipsSpeedKeysPartsAndALinkToAMoment() throws Exception {
        // two captures of one call (a transfer made the second), recorded one after the other
        String first = captureName("ivy");
        String callId = first.substring(0, 32);
        String second = callId + "-009033aabbcc-2--ivy.pcap";
        long a = idFrom(upload(first, Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        long b = idFrom(upload(second, Files.readAllBytes(IngestIT.corpusCapture(IngestIT.TWO_PARTY_G711))));
        JsonObject ra = awaitConverted(a);
        JsonObject rb = awaitConverted(b);
        boolean aFirst = Instant.parse(ra.getString("start")).isBefore(Instant.parse(rb.getString("start")));
        long partOne = aFirst ? a : b;
        long partTwo = aFirst ? b : a;

        session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.id("recordings:text")));
        text.sendKeys(callId);
        browser.findElement(By.id("recordings:search")).click();
        // the search's answer itself, not the rows shown before it
        wait.until(d -> flag("PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
        wait.until(d -> browser.findElements(By.cssSelector("button.vb-play")).size() == 2);

        // Play in a row: the page's player plays that call, part 1 of 2, with both lanes drawn
        browser.findElement(By.cssSelector("button.vb-play[data-recording='" + partOne + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("player")));
        wait.until(d -> number("audio.currentTime") > 0.3 && !flag("audio.paused"));
        assertThat(browser.findElement(By.id("player-part")).getText()).isEqualTo("Part 1 of 2");
        String title = browser.findElement(By.id("player-title")).getText();
        assertThat(title).matches(".+ · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+"); // when, in the viewer's zone
        assertThat(number("document.querySelectorAll('audio').length")).as("one player for the page").isEqualTo(1);
        wait.until(d -> number("Number(wave.dataset.stretches || 0)") > 0);
        assertThat(number("Number(wave.dataset.stretches)")).isEqualTo(Math.ceil(durationOf(partOne) * 1000 / 50));
        assertThat(number("(() => { const g = wave.getContext('2d').getImageData(0, 0, wave.width, wave.height).data;"
                + " let n = 0; for (let i = 3; i < g.length; i += 4) { if (g[i] > 0) n++; } return n; })()"))
                .as("the waveform is drawn").isGreaterThan(100);

        // pause, then ±5 s from where it stood
        browser.findElement(By.id("player-toggle")).click();
        wait.until(d -> flag("audio.paused"));
        script("audio.currentTime = 1");
        browser.findElement(By.id("player-forward5")).click();
        assertThat(number("audio.currentTime")).isCloseTo(6, Offset.offset(0.05));
        browser.findElement(By.id("player-back5")).click();
        assertThat(number("audio.currentTime")).isCloseTo(1, Offset.offset(0.05));
        browser.findElement(By.id("player-back15")).click();
        assertThat(number("audio.currentTime")).as("not before the start").isZero();

        // speed from the menu, then keys (focus on the page, not in a field)
        new Select(browser.findElement(By.id("player-speed"))).selectByValue("1.5");
        assertThat(number("audio.playbackRate")).isEqualTo(1.5);
        script("document.activeElement.blur()");
        new Actions(browser).sendKeys(">").perform();
        assertThat(number("audio.playbackRate")).isEqualTo(2);
        new Actions(browser).sendKeys("<").sendKeys("<").perform();
        assertThat(number("audio.playbackRate")).isEqualTo(1.25);
        script("audio.currentTime = 6");
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        assertThat(number("audio.currentTime")).isCloseTo(1, Offset.offset(0.05));
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        wait.until(d -> !flag("audio.paused"));
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        wait.until(d -> flag("audio.paused"));

        // a link to this moment opens the call there, ready to play
        script("audio.currentTime = 4");
        wait.until(d -> browser.findElement(By.id("player-link")).getAttribute("href").endsWith("?play=" + partOne + "&t=4"));
        assertThat(browser.findElement(By.id("player-link")).getText()).isEqualTo("Link to 0:04");
        browser.get(browser.findElement(By.id("player-link")).getAttribute("href"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("player")));
        wait.until(d -> Math.abs(number("audio.currentTime") - 4) < 0.05);
        assertThat(flag("audio.paused")).as("waits for the listener's Play").isTrue();
        assertThat(browser.findElement(By.id("player-time")).getText()).startsWith("0:04 / ");
        wait.until(d -> browser.findElement(By.id("player-part")).getText().equals("Part 1 of 2"));
        assertThat(withoutZone(browser.findElement(By.id("player-title")).getText())).as("the same call, the same time")
                .isEqualTo(withoutZone(title));

        // at the end of part 1, part 2 plays
        browser.findElement(By.id("player-toggle")).click();
        wait.until(d -> !flag("audio.paused"));
        script("audio.currentTime = audio.duration - 0.3");
        wait.until(d -> browser.findElement(By.id("player")).getAttribute("data-recording").equals(Long.toString(partTwo)));
        wait.until(d -> !flag("audio.paused") && number("audio.currentTime") > 0.1);
        assertThat(browser.findElement(By.id("player-part")).getText()).isEqualTo("Part 2 of 2");
        assertThat(browser.findElement(By.id("player-audio")).getAttribute("src")).endsWith("/api/v1/recordings/" + partTwo + "/audio");

        // on a phone the player fits the screen, play within reach
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> number("window.innerWidth") <= 400);
        assertThat(flag("document.documentElement.scrollWidth <= window.innerWidth")).as("nothing to scroll sideways").isTrue();
        WebElement toggle = browser.findElement(By.id("player-toggle"));
        assertThat(toggle.getRect().getY() + toggle.getRect().getHeight()).as("play within the screen")
                .isLessThanOrEqualTo(number("window.innerHeight").intValue());
        session.screenshot("player-phone");
    }

    @Test
    void aLinkToARecordingNobodyMayHearSaysSo() {
        session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        browser.get(VerbatimServer.URL + "/app/recordings.xhtml?play=987654321&t=5");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("player-status"), "Cannot be played: no recording 987654321"));
        assertThat(browser.findElement(By.id("player-title")).getText()).isEqualTo("Recording 987654321");
        assertThat(browser.findElement(By.id("player-audio")).getAttribute("src")).as("nothing to play").isNullOrEmpty();
    }

    private static String withoutZone(String title) {
        return title.substring(0, title.lastIndexOf(' '));
    }

    private double durationOf(long id) throws Exception {
        return VerbatimServer.json(VerbatimServer.getText("/api/v1/recordings/" + id, VerbatimServer.admin()).body())
                .getJsonNumber("durationSeconds").doubleValue();
    }

    private static final String ELEMENTS = "const audio = document.getElementById('player-audio');"
            + " const wave = document.getElementById('player-wave');";

    private Object script(String statement) {
        return browser.executeScript(ELEMENTS + statement);
    }

    private Double number(String expression) {
        return ((Number) browser.executeScript(ELEMENTS + "return " + expression + ";")).doubleValue();
    }

    private boolean flag(String expression) {
        return (Boolean) browser.executeScript(ELEMENTS + "return " + expression + ";");
    }
}
