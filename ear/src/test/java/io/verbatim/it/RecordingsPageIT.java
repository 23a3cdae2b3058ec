package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Recordings page in a real browser (Debian's headless Chromium): sign in, find, filter, play. On H2 only: the
 * page does not depend on the database, and its searches are the API's, which run on both (RecordingApiIT).
 */
class RecordingsPageIT {

    Browser session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void onH2() {
        assumeFalse(DisposableServer.onPostgres(), "the page does not depend on the database: on H2");
    }

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

        browser.findElement(By.cssSelector("button.vb-play[data-recording='" + id + "']")).click();
        WebElement player = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("player")));
        String source = player.findElement(By.id("player-audio")).getAttribute("src");
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

        // a new search by days alone, on a freshly loaded page: only the older capture's day (2002-07-26)
        browser.get(VerbatimServer.URL + "/app/recordings.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("recordings:from_input")));
        type("recordings:from_input", "2002-07-25"); // typed, days around the capture's
        type("recordings:to_input", "2002-07-27");
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
    void whoCalledWhomIsShownAndFoundByNameOrNumberHoweverTyped() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String maria = "maria" + suffix;
        HttpResponse<String> created = VerbatimServer.postJson("/api/v1/users", "{\"username\":\"" + maria + "\",\"displayName\":\"Maria López\","
                + "\"password\":\"correct horse battery\",\"role\":\"USER\",\"pbx\":\"" + VerbatimServer.PBX + "\",\"licensed\":true}",
                VerbatimServer.admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String name = captureName(maria);
        long id = idFrom(upload(name, Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        String customer = "Acme " + suffix + " GmbH";
        String national = "30" + String.format("%06d", Integer.parseInt(suffix)); // Berlin, as the PBX dials it: 0049 30 …
        VerbatimServer.sendInboundCall("Maria López", "204", maria, "0049" + national, customer, name.substring(0, 32));

        session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        search("+49 (" + national.substring(0, 2) + ") " + national.substring(2)); // typed with country code, the PBX's has 0049
        wait.until(d -> rowTexts().size() == 1 && rowTexts().get(0).contains(customer));
        assertThat(browser.findElement(By.cssSelector("#recordings\\:table .ui-paginator-current")).getText()).as("the total, shown")
                .isEqualTo("1 found");
        WebElement row = browser.findElement(By.cssSelector("#recordings\\:table_data > tr"));
        assertThat(row.findElement(By.cssSelector(".vb-from")).getText()).isEqualTo(customer + " (0049" + national + ")");
        assertThat(row.findElement(By.cssSelector(".vb-to")).getText()).isEqualTo("Maria López (204)");
        assertThat(row.findElement(By.cssSelector(".vb-direction")).getAttribute("title")).isEqualTo("Inbound");
        assertThat(row.findElement(By.cssSelector("td.vb-owner")).getText()).as("the owner by name, not username").isEqualTo("Maria López");

        row.findElement(By.cssSelector("button[id$=':details']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-flow")));
        assertThat(browser.findElement(By.id("details-from")).getText()).isEqualTo(customer + " (0049" + national + ")");
        assertThat(browser.findElement(By.id("details-flow")).getText()).as("the call flow, step by step")
                .contains("Placed by " + customer, "Answered by Maria López (204) · " + maria, "Ended");
        assertThat(browser.findElement(By.id("details")).getText()).contains("Talk time", "0:57", name);
        assertThat(browser.findElement(By.id("details:activity")).getAttribute("href")).endsWith("/app/compliance/action-log.xhtml?recording=" + id);
        browser.findElement(By.cssSelector("#detailsDialog .ui-dialog-titlebar-close")).click();

        search(customer.substring(0, 4).toLowerCase() + "*" + suffix + "*"); // a wildcard matches the whole name
        wait.until(d -> rowTexts().size() == 1 && rowTexts().get(0).contains(customer));

        browser.findElement(By.id("recordings:direction")).click();
        By outbound = By.cssSelector("#recordings\\:direction_items li[data-label='Outbound']");
        wait.until(ExpectedConditions.elementToBeClickable(outbound)).click();
        try {
            new WebDriverWait(browser, java.time.Duration.ofSeconds(3))
                    .until(d -> d.findElement(By.id("recordings:direction_label")).getText().equals("Outbound"));
        } catch (org.openqa.selenium.TimeoutException lost) { // a click while the panel still opened was lost, in CI
            browser.executeScript("const menu = PrimeFaces.getWidgetById('recordings:direction'); menu.selectValue('OUTBOUND'); menu.hide();");
        }
        wait.until(d -> d.findElement(By.id("recordings:direction_label")).getText().equals("Outbound"));
        browser.findElement(By.id("recordings:search")).click();
        wait.until(d -> rowTexts().isEmpty());

        HttpResponse<String> api = VerbatimServer.getText("/api/v1/recordings?direction=inbound&sort=-duration&number="
                + java.net.URLEncoder.encode("0" + national, java.nio.charset.StandardCharsets.UTF_8), VerbatimServer.admin());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(VerbatimServer.json(api.body()).getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(VerbatimServer.json(api.body()).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(id);
        HttpResponse<String> badSort = VerbatimServer.getText("/api/v1/recordings?sort=colour", VerbatimServer.admin());
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(VerbatimServer.json(badSort.body()).getString("message")).startsWith("sort must be one of start, duration, owner, state");
        assertThat(VerbatimServer.getText("/api/v1/recordings?number=Acme", VerbatimServer.admin()).statusCode()).isEqualTo(400);

        // Maria's second call is longer: sorted by duration either way
        long longer = idFrom(upload(captureName(maria), Files.readAllBytes(IngestIT.corpusCapture(IngestIT.TWO_PARTY_G711))));
        awaitConverted(longer);
        awaitConverted(id);
        assertThat(ids("/api/v1/recordings?owner=" + maria + "&sort=duration")).containsExactly(id, longer);
        assertThat(ids("/api/v1/recordings?owner=" + maria + "&sort=-duration")).containsExactly(longer, id);
    }

    /**
     * The owner picked by name, the flags, the state, the duration, typed dates and the date presets each narrow the list;
     * what is typed wrong is said next to its field.
     */
    @Test
    void filtersNarrowByOwnerFlagsStateAndDatePresets() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String owner = "fil" + suffix;
        HttpResponse<String> created = VerbatimServer.postJson("/api/v1/users", "{\"username\":\"" + owner + "\",\"displayName\":\"Filippa "
                + suffix + "\",\"password\":\"correct horse battery\",\"role\":\"USER\",\"pbx\":\"" + VerbatimServer.PBX + "\",\"licensed\":true}",
                VerbatimServer.admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long old = idFrom(upload(captureName(owner), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap")))); // 2002
        long failed = idFrom(upload(captureName(owner), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/dtmf_2833_1.pcap"))));
        awaitConverted(old);
        assertThat(awaitConverted(failed).getString("state")).isEqualTo("FAILED"); // no start: it counts from its arrival, today
        assertThat(VerbatimServer.putJson("/api/v1/recordings/" + old + "/protection", "", VerbatimServer.admin()).statusCode()).isEqualTo(200);
        assertThat(VerbatimServer.postJson("/api/v1/recordings/" + failed + "/notes", "{\"text\":\"call back\"}", VerbatimServer.admin())
                .statusCode()).isEqualTo(201);

        session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        browser.findElement(By.id("recordings:owner_input")).sendKeys("Filippa " + suffix);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#recordings\\:owner_panel li[data-item-value='" + owner + "']"))).click();
        idle();
        assertThat(filtered()).containsExactlyInAnyOrder(old, failed);

        // the operator's PBX filter offers the PBXs by name
        browser.executeScript("PrimeFaces.getWidgetById('recordings:pbx').selectValue('" + VerbatimServer.PBX + "')");
        wait.until(ExpectedConditions.textToBe(By.id("recordings:pbx_label"), VerbatimServer.PBX));
        assertThat(filtered()).containsExactlyInAnyOrder(old, failed);
        browser.executeScript("PrimeFaces.getWidgetById('recordings:pbx').selectValue('')");
        wait.until(ExpectedConditions.textToBe(By.id("recordings:pbx_label"), "Any PBX"));

        browser.findElement(By.cssSelector("#recordings\\:protectedOnly .ui-chkbox-box")).click();
        assertThat(filtered()).containsExactly(old);
        browser.findElement(By.cssSelector("#recordings\\:protectedOnly .ui-chkbox-box")).click();
        browser.findElement(By.cssSelector("#recordings\\:withNotes .ui-chkbox-box")).click();
        assertThat(filtered()).containsExactly(failed);
        browser.findElement(By.cssSelector("#recordings\\:withNotes .ui-chkbox-box")).click();

        browser.executeScript("PrimeFaces.getWidgetById('recordings:state').selectValue('READY')");
        wait.until(ExpectedConditions.textToBe(By.id("recordings:state_label"), "Ready"));
        assertThat(filtered()).containsExactly(old);
        browser.executeScript("PrimeFaces.getWidgetById('recordings:state').selectValue('')");
        wait.until(ExpectedConditions.textToBe(By.id("recordings:state_label"), "Any state"));

        // a duration as people type it, shown back as understood; one that is none is said next to its field
        type("recordings:longerThan", "5s");
        assertThat(filtered()).as("the failed one has no duration").containsExactly(old);
        assertThat(browser.findElement(By.id("recordings:longerThan")).getAttribute("value")).isEqualTo("0:05");
        type("recordings:longerThan", "five");
        browser.findElement(By.id("recordings:search")).click();
        idle();
        assertThat(browser.findElement(By.id("recordings:longerThanMessage")).getText()).contains("'five' is no duration").contains("m:ss");
        assertThat(shown()).as("the list stays as it was").containsExactly(old);
        type("recordings:longerThan", "1:00");
        type("recordings:shorterThan", "30s");
        browser.findElement(By.id("recordings:search")).click();
        idle();
        assertThat(browser.findElement(By.id("recordings:shorterThanMessage")).getText()).isEqualTo("At most 0:30 is shorter than at least 1:00");
        type("recordings:longerThan", "");
        assertThat(filtered()).containsExactly(old);
        assertThat(browser.findElement(By.id("recordings:shorterThanMessage")).getText()).as("gone once right").isEmpty();
        type("recordings:shorterThan", "");
        assertThat(filtered()).containsExactlyInAnyOrder(old, failed);

        // the notes count on its row; the details show the notes
        WebElement notes = browser.findElement(By.cssSelector("tr[data-rk='" + failed + "'] button[id$=':notes']"));
        assertThat(notes.getText()).isEqualTo("1");
        assertThat(notes.getAttribute("aria-label")).isEqualTo("1 note");
        assertThat(browser.findElement(By.cssSelector("tr[data-rk='" + old + "'] button[id$=':notes']")).getAttribute("aria-label")).isEqualTo("Notes");
        browser.findElement(By.cssSelector("tr[data-rk='" + failed + "'] button[id$=':details']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-notes")));
        assertThat(browser.findElement(By.id("details-notes-heading")).getText()).isEqualTo("Notes (1)");
        assertThat(browser.findElement(By.id("details-notes")).getText()).contains("call back");
        browser.findElement(By.cssSelector("#detailsDialog .ui-dialog-titlebar-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("detailsDialog")));

        // a day typed wrong stays as typed, with why; days backwards too; a preset replaces them
        type("recordings:from_input", "2016-13-01");
        browser.findElement(By.id("recordings:search")).click();
        idle();
        assertThat(browser.findElement(By.id("recordings:fromMessage")).getText()).isEqualTo("A day is yyyy-MM-dd, like 2016-12-01");
        assertThat(browser.findElement(By.id("recordings:from_input")).getAttribute("value")).isEqualTo("2016-13-01");
        type("recordings:from_input", "2002-07-27");
        type("recordings:to_input", "2002-07-25");
        browser.findElement(By.id("recordings:search")).click();
        idle();
        assertThat(browser.findElement(By.id("recordings:fromMessage")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("recordings:toMessage")).getText()).isEqualTo("The last day (2002-07-25) comes before the first (2002-07-27)");
        assertThat(shown()).containsExactlyInAnyOrder(old, failed);

        browser.findElement(By.id("recordings:today")).click();
        idle();
        wait.until(d -> shown().equals(List.of(failed)));
        assertThat(browser.findElement(By.id("recordings:toMessage")).getText()).isEmpty();
        String today = browser.findElement(By.id("recordings:from_input")).getAttribute("value");
        assertThat(today).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(browser.findElement(By.id("recordings:to_input")).getAttribute("value")).isEqualTo(today);
        browser.findElement(By.id("recordings:yesterday")).click();
        idle();
        wait.until(d -> shown().isEmpty());
    }

    /** Replaces a field's text (select all, then type: clear() alone does not tell PrimeFaces' widgets). */
    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        field.sendKeys(text, org.openqa.selenium.Keys.ESCAPE); // Escape: a date picker's panel closes
    }

    /** Searches with the filters as set and answers the ids shown. */
    private List<Long> filtered() {
        browser.findElement(By.id("recordings:search")).click();
        idle();
        return shown();
    }

    private List<Long> shown() {
        return browser.findElements(By.cssSelector("#recordings\\:table_data > tr[data-rk]")).stream()
                .map(row -> Long.parseLong(row.getAttribute("data-rk"))).toList();
    }

    private void idle() {
        wait.until(d -> (Boolean) ((ChromeDriver) d).executeScript("return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
    }

    /** Where the PBX allows it, the owner hides a call from everyone but themselves and administrators, and shows it again. */
    @Test
    void theOwnerHidesACallWithOnlyMeAndShowsItAgain() throws Exception {
        String owner = "hide" + System.nanoTime() % 1_000_000;
        VerbatimServer.createUser(owner, "USER", true);
        long id = idFrom(upload(captureName(owner), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        awaitConverted(id);
        VerbatimServer.putJson("/api/v1/settings", "{\"onlyMeAllowed\":true}", VerbatimServer.admin());
        try {
            session.signIn(owner, VerbatimServer.USER_PASSWORD);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[id$=':onlyMe']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recordings:messages"),
                    "Recording " + id + " is hidden from everyone but you and administrators"));
            assertThat(onlyMe(id)).isTrue();
            WebElement hidden = wait.until(d -> d.findElement(By.cssSelector("button[id$=':onlyMe'].vb-only-me")));
            hidden.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recordings:messages"), "is shown again"));
            assertThat(onlyMe(id)).isFalse();
        } finally {
            VerbatimServer.putJson("/api/v1/settings", "{\"onlyMeAllowed\":false}", VerbatimServer.admin());
        }
    }

    private static boolean onlyMe(long id) throws Exception {
        return VerbatimServer.json(VerbatimServer.getText("/api/v1/recordings/" + id, VerbatimServer.admin()).body()).getBoolean("onlyMe");
    }

    @Test
    void onAPhoneTheMenuFoldsAndEachRecordingIsACardWithPlayFirst() throws Exception {
        awaitConverted(idFrom(upload(captureName("ivy"), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap")))));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
        wait.until(d -> !rowTexts().isEmpty());
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).as("the menu folds").isFalse();
        assertThat(browser.findElement(By.id("session:signOut")).isDisplayed()).isFalse();
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing to scroll sideways").isTrue();
        WebElement firstRow = browser.findElement(By.cssSelector("#recordings\\:table_data > tr"));
        int listenTop = firstRow.findElement(By.cssSelector("td.vb-listen")).getRect().getY();
        int startedTop = firstRow.findElement(By.cssSelector("td.vb-started")).getRect().getY();
        assertThat(listenTop).as("play comes first in a recording's card").isLessThan(startedTop);
        session.screenshot("recordings-phone");

        browser.findElement(By.id("menu-toggle")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session:signOut")));
        assertThat(browser.findElement(By.id("nav-users")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("menu-toggle")).getAttribute("aria-expanded")).isEqualTo("true");
        session.screenshot("recordings-phone-menu");
    }

    private static List<Long> ids(String path) throws Exception {
        HttpResponse<String> found = VerbatimServer.getText(path, VerbatimServer.admin());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return VerbatimServer.json(found.body()).getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    /** Searches and waits for the answer: the rows shown before must not pass for the new search's. */
    private void search(String text) {
        WebElement field = browser.findElement(By.id("recordings:text"));
        field.clear();
        field.sendKeys(text);
        browser.findElement(By.id("recordings:search")).click();
        wait.until(d -> (Boolean) ((ChromeDriver) d).executeScript("return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
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
