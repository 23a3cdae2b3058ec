package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.jsonArray;
import static io.verbatim.it.VerbatimServer.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.standardwebhooks.Webhook;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Webhooks end to end, against a real HTTP receiver the test starts on a local port, every message checked with the
 * Standard Webhooks specification's own Java verifier: a recording's events (received, ready, its call information,
 * its deletion) reach the receiver signed, with the call's parties and the API's links; a receiver that fails is
 * tried again with the same message id until it answers; a test event; a purge erases what the outbox kept of the
 * recording; bad subscriptions are refused naming the field;
 * an administrator adds one on the Webhooks page, keeps its secret, sends a test event and sees it delivered. Crashes
 * and disabling: {@link WebhookDeliveryIT}.
 */
class WebhooksIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aRecordingsEventsReachTheReceiverSignedAndRetriedUntilAnswered() throws Exception {
        String pbx = "hooks-" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + ".example.com";
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // refusals name what is wrong
            assertRefused(postJson("/api/v1/webhooks?pbx=" + pbx, "{\"url\":\"ftp://example.com/x\",\"events\":[\"recording.ready\"]}", admin()),
                    "url must be an http:// or https:// address");
            assertRefused(postJson("/api/v1/webhooks?pbx=" + pbx, "{\"url\":\"" + receiver.url("/") + "\",\"events\":[\"recording.done\"]}", admin()),
                    "events: unknown event recording.done");
            assertRefused(postJson("/api/v1/webhooks?pbx=" + pbx, "{\"url\":\"" + receiver.url("/") + "\",\"events\":[]}", admin()),
                    "events is required");
            assertRefused(postJson("/api/v1/webhooks?pbx=" + pbx, "{\"url\":\"" + receiver.url("/") + "\",\"events\":[\"alarm.raised\"]}", admin()),
                    "alarm.raised is the operator's");

            HttpResponse<String> made = postJson("/api/v1/webhooks?pbx=" + pbx, "{\"url\":\"" + receiver.url("/crm") + "\",\"events\":["
                    + "\"recording.received\",\"recording.ready\",\"call-information.matched\",\"recording.deleted\"],"
                    + "\"description\":\"CRM\"}", admin());
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            JsonObject subscription = json(made.body());
            long hook = subscription.getJsonNumber("id").longValue();
            String secret = subscription.getString("secret");
            assertThat(secret).startsWith("whsec_");
            assertThat(made.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/webhooks/" + hook));
            JsonObject shown = json(getText("/api/v1/webhooks/" + hook, admin()).body());
            assertThat(shown.containsKey("secret")).as("the secret is shown once").isFalse();
            assertThat(shown.getJsonArray("events").getValuesAs(jakarta.json.JsonString.class)).extracting(jakarta.json.JsonString::getString)
                    .containsExactly("call-information.matched", "recording.deleted", "recording.ready", "recording.received");
            Webhook verifier = new Webhook(secret);

            // a call: received, then ready, each signed, with the API's links
            String name = VerbatimServer.captureName("hooks");
            String callId = name.substring(0, 32);
            HttpResponse<String> stored = VerbatimServer.put("/" + pbx + "/recordings/Files/" + name, G711Calls.twoParty(3, 4242), null);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            long id = idFrom(stored);
            WebhookReceiver.Received received = receiver.awaitType("recording.received", PATIENCE);
            WebhookReceiver.Received ready = receiver.awaitType("recording.ready", PATIENCE);
            for (WebhookReceiver.Received r : List.of(received, ready)) {
                verifier.verify(r.body(), r.headers()); // throws unless signed with the secret, now
                assertThat(r.header("webhook-id")).startsWith("msg_");
                assertThat(r.header("content-type")).isEqualTo("application/json");
                JsonObject data = json(r.body()).getJsonObject("data");
                assertThat(data.getJsonNumber("id").longValue()).isEqualTo(id);
                assertThat(data.getString("pbx")).isEqualTo(pbx);
                assertThat(data.getString("callId")).isEqualToIgnoringCase(callId);
                assertThat(data.getJsonObject("links").getString("recording")).endsWith("/api/v1/recordings/" + id);
            }
            assertThat(received.header("webhook-id")).isNotEqualTo(ready.header("webhook-id"));
            JsonObject readyData = json(ready.body()).getJsonObject("data");
            assertThat(readyData.getString("state")).isEqualTo("READY");
            assertThat(readyData.getJsonObject("links").getString("audio")).endsWith("/api/v1/recordings/" + id + "/audio");
            assertThat(readyData.getJsonNumber("durationSeconds").doubleValue()).isGreaterThan(2.5);

            // the call's record arrives: who called whom
            HttpResponse<String> record = postJson("/api/v1/call-records", "{\"callId\":\"" + callId + "\",\"pbx\":\"" + pbx
                    + "\",\"direction\":\"OUTBOUND\",\"localNumber\":\"201\",\"localName\":\"Sales\",\"remoteNumber\":\"+4989123456\","
                    + "\"remoteName\":\"Acme GmbH\",\"start\":\"2026-12-03T14:35:00Z\",\"end\":\"2026-12-03T14:38:00Z\",\"events\":[]}", admin());
            assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
            WebhookReceiver.Received matched = receiver.awaitType("call-information.matched", PATIENCE);
            verifier.verify(matched.body(), matched.headers());
            JsonObject call = json(matched.body()).getJsonObject("data");
            assertThat(call.getString("direction")).isEqualTo("OUTBOUND");
            assertThat(call.getString("from")).isEqualTo("Sales (201)");
            assertThat(call.getString("to")).isEqualTo("Acme GmbH (+4989123456)");

            // the receiver fails twice: the deletion is sent again, with its message id, until it is answered
            receiver.answerNext(500, 503);
            assertThat(VerbatimServer.delete("/api/v1/recordings/" + id, admin()).statusCode()).isEqualTo(200);
            List<WebhookReceiver.Received> deletions = receiver.await(r -> r.type().equals("recording.deleted"), 3, PATIENCE);
            assertThat(deletions).extracting(WebhookReceiver.Received::answered).containsExactly(500, 503, 200);
            assertThat(deletions).extracting(r -> r.header("webhook-id")).containsOnly(deletions.get(0).header("webhook-id"));
            for (WebhookReceiver.Received r : deletions) {
                verifier.verify(r.body(), r.headers()); // each attempt signed anew
            }
            assertThat(json(deletions.get(2).body()).getJsonObject("data").getString("deleted")).isEqualTo("recycle-bin");

            // its delivery log: the attempts and the answers
            JsonObject deletion = awaitDelivery(hook, "recording.deleted", "DELIVERED");
            assertThat(deletion.getInt("attempts")).isEqualTo(3);
            assertThat(deletion.getInt("lastStatus")).isEqualTo(200);
            assertThat(deletion.getString("lastAnswer")).isEqualTo("thanks");
            assertThat(deletion.getString("messageId")).isEqualTo(deletions.get(0).header("webhook-id"));

            // a replay sends the same message again; a test event reaches the receiver whatever was subscribed to
            long deletionId = deletion.getJsonNumber("id").longValue();
            assertThat(VerbatimServer.send("POST", "/api/v1/webhooks/" + hook + "/deliveries/" + deletionId + "/replay", "",
                    "application/json", admin()).statusCode()).isEqualTo(202);
            assertThat(receiver.await(r -> r.type().equals("recording.deleted"), 4, PATIENCE)).hasSize(4);
            assertThat(VerbatimServer.send("POST", "/api/v1/webhooks/" + hook + "/test", "", "application/json", admin()).statusCode())
                    .isEqualTo(202);
            WebhookReceiver.Received test = receiver.awaitType("webhook.test", PATIENCE);
            verifier.verify(test.body(), test.headers());

            // purged from the recycle bin: told with nothing but its id, and what the outbox kept of it is gone
            assertThat(VerbatimServer.delete("/api/v1/recycle-bin/" + id, admin()).statusCode()).isEqualTo(204);
            WebhookReceiver.Received purged = receiver.await(r -> r.type().equals("recording.deleted")
                    && json(r.body()).getJsonObject("data").getString("deleted").equals("purged"), 1, PATIENCE).get(0);
            verifier.verify(purged.body(), purged.headers());
            assertThat(json(purged.body()).getJsonObject("data").keySet()).containsExactlyInAnyOrder("id", "pbx", "deleted");
            String log = getText("/api/v1/webhooks/" + hook + "/deliveries", admin()).body();
            assertThat(log).contains("purged").doesNotContainIgnoringCase(callId).doesNotContain("Acme GmbH");

            // unsubscribed: nothing waits for it any more
            assertThat(VerbatimServer.delete("/api/v1/webhooks/" + hook, admin()).statusCode()).isEqualTo(204);
            assertThat(getText("/api/v1/webhooks/" + hook, admin()).statusCode()).isEqualTo(404);
            assertThat(jsonArray(getText("/api/v1/webhooks?pbx=" + pbx, admin()).body())).isEmpty();
        }
    }

    @Test
    void anAdministratorAddsAWebhookOnItsPageAndSeesItsDeliveries() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the page does not depend on the database: clicked through on H2");
        try (WebhookReceiver receiver = new WebhookReceiver(); Browser browser = new Browser()) {
            browser.signIn("admin", VerbatimServer.ADMIN_PASSWORD);
            browser.driver.findElement(By.id("nav-webhooks")).click();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("webhooks:url")));
            assertThat(browser.driver.findElement(By.id("webhooks:events")).getText()).as("the operator's own get the alarms").contains("alarm.raised");
            // the operator adds this one for the PBX: its recordings' events, not the alarms
            browser.driver.findElement(By.id("webhooks:pbx")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#webhooks\\:pbx_items li[data-label='"
                    + VerbatimServer.PBX + "']"))).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".vb-hint"), "the PBX’s recordings"));
            assertThat(browser.driver.findElement(By.id("webhooks:events")).getText()).doesNotContain("alarm.raised");
            // a bad address is refused next to its field
            browser.driver.findElement(By.id("webhooks:url")).sendKeys("crm.example.com/hooks");
            browser.driver.findElement(By.id("webhooks:add")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks:urlError"), "http:// or https://"));
            WebElement url = browser.driver.findElement(By.id("webhooks:url"));
            url.clear();
            url.sendKeys(receiver.url("/page"));
            browser.driver.findElement(By.id("webhooks:description")).sendKeys("Page test");
            browser.driver.findElement(By.id("webhooks:add")).click();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("webhooks:secret")));
            String secret = browser.driver.findElement(By.id("webhooks:secret")).getAttribute("value");
            assertThat(secret).startsWith("whsec_");
            browser.screenshot("webhooks-added");
            assertThat(getText("/api/v1/webhooks?pbx=" + VerbatimServer.PBX, admin()).body()).as("the PBX's").contains(receiver.url("/page"));
            assertThat(getText("/api/v1/webhooks", admin()).body()).as("not the operator's own").doesNotContain(receiver.url("/page"));
            browser.driver.findElement(By.id("webhooks:secretKept")).click();
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("webhooks:secret")));
            // its row: a test event, verified by the receiver with the secret the page showed, and its delivery listed
            WebElement row = browser.driver.findElements(By.cssSelector("#webhooks\\:table tbody tr")).stream()
                    .filter(r -> r.getText().contains(receiver.url("/page"))).findFirst().orElseThrow();
            row.findElement(By.cssSelector("[id$=':test']")).click();
            WebhookReceiver.Received test = receiver.awaitType("webhook.test", PATIENCE);
            new Webhook(secret).verify(test.body(), test.headers());
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("webhooks:deliveryTable")));
            browser.wait.until(d -> {
                d.findElement(By.id("webhooks:refresh")).click();
                return d.findElement(By.id("webhooks:deliveryTable")).getText().contains("Delivered");
            });
            assertThat(browser.driver.findElement(By.id("webhooks:deliveryTable")).getText()).contains("webhook.test", "HTTP 200");
            browser.screenshot("webhooks-deliveries");
            // removed, after the question
            browser.driver.findElements(By.cssSelector("#webhooks\\:table tbody tr")).stream()
                    .filter(r -> r.getText().contains(receiver.url("/page"))).findFirst().orElseThrow()
                    .findElement(By.cssSelector("[id$=':remove']")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            browser.wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks:table"),
                    receiver.url("/page"))));
        }
    }

    private static JsonObject awaitDelivery(long hook, String type, String state) throws Exception {
        for (Instant deadline = Instant.now().plus(PATIENCE); Instant.now().isBefore(deadline); Thread.sleep(200)) {
            for (var v : jsonArray(getText("/api/v1/webhooks/" + hook + "/deliveries", admin()).body())) {
                JsonObject d = v.asJsonObject();
                if (d.getString("type").equals(type) && d.getString("state").equals(state)) {
                    return d;
                }
            }
        }
        throw new AssertionError("no " + state + " " + type + " delivery of webhook " + hook);
    }

    private static void assertRefused(HttpResponse<String> answer, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer.body()).getString("message")).contains(message);
    }
}
