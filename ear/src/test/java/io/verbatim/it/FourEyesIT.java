package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 4-eyes end to end with two real browsers: the user waits, the monitor grants, the user sees the recordings; the
 * monitor closes the browser and the user's access ends within seconds. Checked on H2 only: the push channel and the
 * grants' lifetime do not depend on the database (the REST access rule runs in both passes).
 */
@ResourceLock(DisposableServer.WHOLE_MACHINE)
class FourEyesIT {

    static final String PASSWORD = VerbatimServer.USER_PASSWORD;
    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    static void createUser(String username, String role) throws Exception {
        VerbatimServer.createUser(username, role, true);
    }

    static int asUser(String username, long recording) throws Exception {
        return getText("/api/v1/recordings/" + recording, basic(username, PASSWORD)).statusCode();
    }

    /** A monitor, a user on an app object the monitor watches, and a recording of someone on its access list. */
    record Watched(String monitor, String user, long recording, String callId) {
    }

    static Watched watched(String tag) throws Exception {
        String monitor = "mon" + tag + SUFFIX;
        String user = "wat" + tag + SUFFIX;
        String owner = "own" + tag + SUFFIX;
        createUser(monitor, "SUPERVISOR");
        createUser(user, "USER");
        createUser(owner, "USER");
        HttpResponse<String> appObject = putJson("/api/v1/app-objects/watched" + tag + SUFFIX, "{\"pbx\":\"" + VerbatimServer.PBX
                + "\",\"members\":[\"" + user + "\"],\"accessList\":[\"" + owner + "\"],\"monitor\":\"" + monitor + "\"}", admin());
        assertThat(appObject.statusCode()).as(appObject.body()).isEqualTo(200);
        String name = captureName(owner);
        long recording = idFrom(upload(name, Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        VerbatimServer.awaitConverted(recording);
        return new Watched(monitor, user, recording, name.substring(0, 32));
    }

    /** The user asks, the monitor grants on the 4-eyes page. */
    static void requestAndGrant(Browser userBrowser, Browser monitorBrowser, Watched w) {
        userBrowser.signIn(w.user(), PASSWORD);
        userBrowser.driver.findElement(By.id("fourEyes:requestAccess")).click();
        userBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fourEyes:fourEyesState"), "Waiting for the monitor"));
        monitorBrowser.signIn(w.monitor(), PASSWORD);
        monitorBrowser.driver.get(VerbatimServer.URL + "/app/monitor.xhtml");
        monitorBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor:requests"), w.user()));
        monitorBrowser.driver.findElement(By.cssSelector("#monitor\\:requests .vb-grant")).click();
        monitorBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor:requests"), "GRANTED"));
    }

    @BeforeEach
    void onH2() {
        assumeFalse(DisposableServer.onPostgres(), "the push channel and grants do not depend on the database: checked on H2");
    }

    @Test
    void signingOutEndsTheMonitorsGrantsAtOnce() throws Exception {
        Watched w = watched("s");
        try (Browser userBrowser = new Browser(); Browser monitorBrowser = new Browser()) {
            requestAndGrant(userBrowser, monitorBrowser, w);
            userBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recordings:table"), w.callId().substring(0, 12)));
            assertThat(asUser(w.user(), w.recording())).isEqualTo(200);
            monitorBrowser.driver.findElement(By.id("session:signOut")).click();
            monitorBrowser.wait.until(ExpectedConditions.urlContains("/login.xhtml"));
            assertThat(asUser(w.user(), w.recording())).as("ended with the monitor's session").isEqualTo(404);

            // the action log: both signed in through the page, the request, the grant, and its end
            assertThat(logged("login", w.user())).isNotEmpty();
            assertThat(logged("login", w.monitor())).isNotEmpty();
            assertThat(logged("four-eyes-request", w.user())).anyMatch(d -> d.startsWith("requests access to watcheds" + SUFFIX));
            assertThat(logged("four-eyes-grant", w.monitor())).containsExactly("grants " + w.user() + " access to watcheds" + SUFFIX);
            assertThat(logged("four-eyes-revoke", "server")).anyMatch(d -> d.startsWith("access of " + w.user() + " to watcheds" + SUFFIX + " ended"));
        }
    }

    /**
     * A user waiting for the monitor sees nothing, and a recording whose name gave no owner is nobody's: asked for one,
     * they are told there is no such recording, as for any other (the rule asked its empty list about nobody and the
     * answer was 500 before).
     */
    @Test
    void aUserWaitingForTheMonitorIsToldThereIsNoRecordingWithoutOwner() throws Exception {
        Watched w = watched("o");
        long ownerless = idFrom(upload("no-owner-" + SUFFIX + ".pcap", Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        var shown = VerbatimServer.json(getText("/api/v1/recordings/" + ownerless, admin()).body());
        assertThat(!shown.containsKey("owner") || shown.isNull("owner")).as("no owner: " + shown).isTrue();
        assertThat(asUser(w.user(), ownerless)).isEqualTo(404);
        assertThat(asUser(w.user(), w.recording())).isEqualTo(404);
    }

    /** The details of the action-log entries of one action by one user. */
    static java.util.List<String> logged(String action, String user) throws Exception {
        return VerbatimServer.json(VerbatimServer.getText("/api/v1/action-log?action=" + action + "&user=" + user + "&limit=1000", admin()).body())
                .getJsonArray("items").stream().map(e -> e.asJsonObject().getString("detail")).toList();
    }

    @Test
    void theMonitorGrantsWhileSignedInAndTheGrantEndsWithTheMonitorsBrowser() throws Exception {
        Watched w = watched("c");
        String user = w.user();
        long recording = w.recording();
        String callId = w.callId();

        try (Browser userBrowser = new Browser()) {
            assertThat(asUser(user, recording)).as("nothing before the grant").isEqualTo(404);
            Browser monitorBrowser = new Browser();
            try {
                requestAndGrant(userBrowser, monitorBrowser, w);

                // the user's page learns of the grant through its push channel and opens, without the user doing anything
                userBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recordings:table"), callId.substring(0, 12)));
                assertThat(userBrowser.driver.findElements(By.id("fourEyes:fourEyesState"))).isEmpty();
                assertThat(asUser(user, recording)).as("granted").isEqualTo(200);
                monitorBrowser.screenshot("four-eyes-monitor");
                userBrowser.screenshot("four-eyes-user-granted");
            } finally {
                monitorBrowser.close(); // the monitor closes the browser: no sign-out, the session lives on
            }

            Instant closed = Instant.now();
            while (asUser(user, recording) == 200) {
                assertThat(Duration.between(closed, Instant.now())).as("access ends within seconds").isLessThan(Duration.ofSeconds(20));
                Thread.sleep(250);
            }
            assertThat(asUser(user, recording)).isEqualTo(404);
            userBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fourEyes:requestAccess")));
            userBrowser.screenshot("four-eyes-user-ended");
        }
    }
}
