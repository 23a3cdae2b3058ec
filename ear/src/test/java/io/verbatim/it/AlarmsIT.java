package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Alarms end to end, on a server of the test's own that looks every 2 s: a failed conversion raises one, mailed to a
 * real SMTP server (GreenMail) started here, shown as a banner and on the Health page, acknowledged there, all in the
 * action log; a dead mail server makes the test mail fail with its reason while alarms are still raised and kept; the
 * alarm mail resumes when the server is back; alarms are the operator's alone. Checked on H2 only: mailing, the banner
 * and acknowledging do not depend on the database, and the PostgreSQL pass raises alarms of its own (DatabaseDownIT's
 * outage, DurabilityIT's failed job, RecoveryIT's abandoned claims, ClusterIT's dead node), which keeps the suite within its time.
 */
@Execution(ExecutionMode.CONCURRENT) // on a server of its own, waiting most of its time (a call record's minute): beside the others
@ResourceLock(DisposableServer.WHOLE_MACHINE)
class AlarmsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void alarmsAreRaisedMailedShownAcknowledgedAndLogged() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "alarm mail and pages do not depend on the database: checked on H2");
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (DisposableServer server = DisposableServer.create("alarms");
             Browser browser = new Browser()) {
            server.start();
            // a PBX that sends call records, and a call whose record never comes: missing once its minute is up
            // (looked at again at the end, the steps between taking that minute)
            assertThat(put(server, "{\"callInformationWaitMinutes\":1}").statusCode()).isEqualTo(200);
            assertThat(send(server, "POST", "/api/v1/call-records", callRecord("0000000000000000000000000000aaaa")).statusCode())
                    .isEqualTo(200);
            String unmatched = "0000000000000000000000000000bbbb";
            assertThat(server.upload("alarms.example.com", unmatched + "-009033aabbcc-1--z.pcap", G711Calls.twoParty(2, 77))
                    .statusCode()).isEqualTo(201);

            // refusals name the setting at fault
            assertThat(put(server, "{\"smtpPort\":70000}").body()).contains("smtpPort must be between 1 and 65535");
            HttpResponse<String> badRecipient = put(server, "{\"smtpHost\":\"127.0.0.1\",\"mailFrom\":\"verbatim@example.com\","
                    + "\"alarmRecipients\":\"ops@example.com, not an address\"}");
            assertThat(badRecipient.statusCode()).isEqualTo(400);
            assertThat(json(badRecipient.body()).getString("message")).startsWith("alarmRecipients must be mail addresses")
                    .contains("not an address");
            assertThat(put(server, "{\"smtpHost\":\"127.0.0.1\"}").body()).contains("mailFrom is required");
            assertThat(post(server, "/api/v1/settings/test-mail").statusCode()).as("no mail server set yet").isEqualTo(409);

            HttpResponse<String> set = put(server, "{\"pbxName\":\"Alarm test\",\"smtpHost\":\"127.0.0.1\",\"smtpPort\":" + smtpPort
                    + ",\"mailFrom\":\"verbatim@example.com\",\"alarmRecipients\":\"ops@example.com; boss@example.com\"}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(json(set.body()).getString("alarmRecipients")).isEqualTo("ops@example.com, boss@example.com");
            HttpResponse<String> test = post(server, "/api/v1/settings/test-mail");
            assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
            MimeMessage testMail = awaitMail(smtp, 2)[0]; // GreenMail keeps a copy per recipient
            assertThat(testMail.getSubject()).isEqualTo("[Verbatim Alarm test] Test mail");
            assertThat(Arrays.stream(testMail.getAllRecipients()).map(Object::toString)).contains("ops@example.com", "boss@example.com");

            // a capture in a codec we do not decode fails its conversion: an alarm, mailed with the alarm's name
            byte[] g723 = Files.readAllBytes(IngestIT.corpusCapture("rtpproxy/tests/rtp_analyze/G723_1.a.rtp.pcap"));
            assertThat(server.upload("alarms.example.com", "00000000000000000000000000000001-009033aabbcc-1--x.pcap", g723)
                    .statusCode()).isEqualTo(201);
            JsonObject alarm = awaitAlarm(server, "CONVERSION_FAILURES");
            assertThat(alarm.getString("area")).isEqualTo("CONVERSION");
            assertThat(alarm.getString("detail")).contains("1 recording received in the last 24 hours could not be converted");
            assertThat(alarm.getBoolean("event")).isFalse();
            MimeMessage raised = withSubjectStarting(awaitMail(smtp, 4), "[Verbatim Alarm test] ALARM");
            assertThat(raised.getSubject()).isEqualTo("[Verbatim Alarm test] ALARM: Conversions failed");
            assertThat((String) raised.getContent()).contains("could not be converted");
            assertThat(actionLog(server, "alarm-raised")).anySatisfy(e ->
                    assertThat(e.getString("detail")).startsWith("Conversions failed: 1 recording received"));

            // a PBX's administrator sees no alarm
            HttpResponse<String> made = send(server, "POST", "/api/v1/users", "{\"username\":\"pbx-admin\",\"password\":\""
                    + VerbatimServer.USER_PASSWORD + "\",\"role\":\"ADMIN\",\"pbx\":\"alarms.example.com\"}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            String pbxAdmin = basic("pbx-admin", VerbatimServer.USER_PASSWORD);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/alarms"))
                    .header("Authorization", pbxAdmin).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            // nor the mail settings: pointing them at a server of theirs would hand them the SMTP account and the alarms
            HttpResponse<String> theirSettings = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/settings"))
                    .header("Authorization", pbxAdmin).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json(theirSettings.body()).getString("smtpHost")).isEmpty();
            assertThat(json(theirSettings.body()).getString("alarmRecipients")).isEmpty();
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/settings")).header("Authorization", pbxAdmin)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"smtpHost\":\"evil.example.com\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            assertThat(json(server.get("/api/v1/settings").body()).getString("smtpHost")).isEqualTo("127.0.0.1");
            assertThat(put(server, "{\"smtpUser\":\"alarms\",\"smtpPassword\":\"secret-1\"}").body())
                    .contains("smtpUser needs smtpStartTls");

            // the operator sees it on every page and acknowledges it on the Health page
            browser.signIn(server.url(), "admin", DisposableServer.ADMIN_PASSWORD);
            assertThat(browser.driver.findElement(By.id("alarm-banner")).getText()).contains("Conversions failed");
            browser.driver.findElement(By.id("nav-health")).click();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("health:active")));
            assertThat(browser.driver.findElement(By.cssSelector("#lamp-Conversion .vb-lamp")).getAttribute("class"))
                    .contains("vb-lamp-alarm");
            assertThat(browser.driver.findElement(By.cssSelector("#lamp-Storage .vb-lamp")).getAttribute("class"))
                    .contains("vb-lamp-ok");
            assertThat(browser.driver.findElement(By.id("health:probes")).getText()).contains("database UP", "storage UP");
            browser.screenshot("health-alarm");
            browser.driver.findElement(By.cssSelector("[id$='acknowledge']")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health:active"), "admin,"));
            assertThat(browser.driver.findElement(By.cssSelector("#lamp-Conversion .vb-lamp")).getAttribute("class"))
                    .contains("vb-lamp-acknowledged");
            JsonObject acknowledged = json(server.get("/api/v1/alarms/" + alarm.getJsonNumber("id").longValue()).body());
            assertThat(acknowledged.getString("acknowledgedBy")).isEqualTo("admin");
            assertThat(acknowledged.getBoolean("active")).as("a condition alarm stays until the condition passes").isTrue();
            assertThat(actionLog(server, "alarm-acknowledged")).hasSize(1);
            assertThat(post(server, "/api/v1/alarms/999999/acknowledgement").statusCode()).isEqualTo(404);

            // the mail server dies: the test mail says why, on the page beside its button and in the API
            smtp.stop();
            HttpResponse<String> dead = post(server, "/api/v1/settings/test-mail");
            assertThat(dead.statusCode()).as(dead.body()).isEqualTo(502);
            assertThat(json(dead.body()).getString("message")).contains("127.0.0.1:" + smtpPort).contains("did not take the mail");
            browser.driver.get(server.url() + "/app/admin/settings.xhtml");
            browser.driver.findElement(By.id("settings:testMail")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings:testMailResult"), "not sent"));
            assertThat(browser.driver.findElement(By.id("settings:testMailResult")).getText()).contains("did not take the mail");

            // an alarm raised meanwhile is kept and shown though its mail failed
            HttpResponse<String> overAssigned = put(server, "{\"licences\":0}");
            assertThat(overAssigned.statusCode()).as(overAssigned.body()).isEqualTo(200);
            HttpResponse<String> licensed = send(server, "POST", "/api/v1/users", "{\"username\":\"licensed\",\"password\":\""
                    + VerbatimServer.USER_PASSWORD + "\",\"role\":\"USER\",\"licensed\":true}");
            assertThat(licensed.statusCode()).as(licensed.body()).isEqualTo(201);
            awaitAlarm(server, "LICENCES_OVER_ASSIGNED");
            awaitLog(server, "Alarm 'Licences over-assigned' not mailed");

            // the mail server is back: the clearing is mailed
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            assertThat(put(server, "{\"licences\":-1}").statusCode()).isEqualTo(200);
            MimeMessage cleared = withSubjectStarting(awaitMail(smtp, 2), "[Verbatim Alarm test] Cleared:");
            assertThat(cleared.getSubject()).isEqualTo("[Verbatim Alarm test] Cleared: Licences over-assigned");
            List<String> history = jsonArray(server.get("/api/v1/alarms?state=all").body()).getValuesAs(JsonObject.class).stream()
                    .map(a -> a.getString("condition") + (a.getBoolean("active") ? "" : " cleared")).toList();
            assertThat(history).contains("LICENCES_OVER_ASSIGNED cleared", "CONVERSION_FAILURES");
            assertThat(actionLog(server, "alarm-cleared")).anySatisfy(e ->
                    assertThat(e.getString("detail")).isEqualTo("Licences over-assigned: the condition has passed"));

            JsonObject missing = awaitAlarm(server, "CALL_INFORMATION_MISSING");
            assertThat(missing.getString("detail")).contains("got no call record within 1 minute:");
            for (String callId : List.of(unmatched, "00000000000000000000000000000001")) { // the calls' records come late
                assertThat(send(server, "POST", "/api/v1/call-records", callRecord(callId)).statusCode()).isEqualTo(200);
            }
            awaitNoAlarm(server, "CALL_INFORMATION_MISSING");
        } finally {
            smtp.stop();
        }
    }

    private static String callRecord(String callId) {
        return "{\"callId\":\"" + callId + "\",\"pbx\":\"alarms.example.com\",\"direction\":\"INBOUND\"}";
    }

    private static HttpResponse<String> put(DisposableServer server, String json) throws Exception {
        return send(server, "PUT", "/api/v1/settings", json);
    }

    private static HttpResponse<String> post(DisposableServer server, String path) throws Exception {
        return send(server, "POST", path, "");
    }

    private static HttpResponse<String> send(DisposableServer server, String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic("admin", DisposableServer.ADMIN_PASSWORD))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject awaitAlarm(DisposableServer server, String condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> active = server.get("/api/v1/alarms");
            assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
            for (JsonObject alarm : jsonArray(active.body()).getValuesAs(JsonObject.class)) {
                if (alarm.getString("condition").equals(condition)) {
                    return alarm;
                }
            }
            assertThat(Instant.now()).as("no %s alarm among %s", condition, active.body()).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    static void awaitNoAlarm(DisposableServer server, String condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String active;
        while ((active = server.get("/api/v1/alarms").body()).contains("\"condition\":\"" + condition + "\"")) {
            assertThat(Instant.now()).as("the %s alarm is still active: %s", condition, active).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    static List<JsonObject> actionLog(DisposableServer server, String action) throws Exception {
        return json(server.get("/api/v1/action-log?action=" + action).body()).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static void awaitLog(DisposableServer server, String text) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.readString(server.log()).contains(text)) {
            assertThat(Instant.now()).as("the server log never said: %s", text).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /** Waits until GreenMail holds {@code count} mails in all (its own wait counts only mails that come after it). */
    static MimeMessage[] awaitMail(GreenMail smtp, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        MimeMessage[] received;
        while ((received = smtp.getReceivedMessages()).length < count) {
            assertThat(Instant.now()).as("%d mails arrive; %d did", count, received.length).isBefore(deadline);
            Thread.sleep(200);
        }
        return received;
    }

    /** The mail whose subject starts so (GreenMail lists mails by mailbox, not in the order they came). */
    static MimeMessage withSubjectStarting(MimeMessage[] mails, String start) throws Exception {
        for (MimeMessage mail : mails) {
            if (mail.getSubject().startsWith(start)) {
                return mail;
            }
        }
        throw new AssertionError("no mail's subject starts with " + start);
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
