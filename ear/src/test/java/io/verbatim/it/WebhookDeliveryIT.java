package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.standardwebhooks.Webhook;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Webhook delivery through faults, on a server of the test's own (H2: the outbox's rows do not depend on the
 * database) and a real receiver: deliveries pending when the server is killed are sent after its restart, with their
 * message ids; a subscription whose receiver fails for its whole retry window is disabled, raises the operator's
 * alarm, is logged, and once enabled gets what waited (that alarm's raising) and the alarm's clearing.
 */
@Execution(ExecutionMode.CONCURRENT) // on a server of its own, waiting out retries most of its time: beside the others
@ResourceLock(DisposableServer.WHOLE_MACHINE)
class WebhookDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void pendingDeliveriesSurviveACrashAndAFailingReceiverIsDisabledWithAnAlarm() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the outbox's rows do not depend on the database: checked on H2");
        try (WebhookReceiver receiver = new WebhookReceiver();
             DisposableServer server = DisposableServer.create("webhooks")) {
            server.start();
            receiver.answerAlways(503);
            HttpResponse<String> made = server.postJson("/api/v1/webhooks", "{\"url\":\"" + receiver.url("/ops") + "\",\"events\":["
                    + "\"alarm.raised\",\"alarm.cleared\"]}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            long hook = json(made.body()).getJsonNumber("id").longValue();
            Webhook verifier = new Webhook(json(made.body()).getString("secret"));
            assertThat(server.post("/api/v1/webhooks/" + hook + "/test").statusCode()).isEqualTo(202);
            // failing: tried again and again (1 s, 4 s apart here)
            List<WebhookReceiver.Received> failed = receiver.await(r -> r.type().equals("webhook.test"), 2, PATIENCE);
            assertThat(failed).hasSize(2).extracting(WebhookReceiver.Received::answered).containsOnly(503);

            // the server dies in the middle of the retries; the receiver recovers meanwhile; the next start sends it
            server.kill();
            receiver.answerAlways(200);
            server.start();
            List<WebhookReceiver.Received> after = receiver.await(r -> r.type().equals("webhook.test") && r.answered() == 200, 1, PATIENCE);
            assertThat(after).as("the pending test event, sent after the restart").hasSize(1);
            assertThat(after.get(0).header("webhook-id")).isEqualTo(failed.get(0).header("webhook-id"));
            verifier.verify(after.get(0).body(), after.get(0).headers());

            // a receiver that fails for the whole retry window (10 s here) is disabled, with an alarm and an entry
            server.kill();
            server.with("VERBATIM_WEBHOOK_RETRY_WINDOW", "PT10S").start();
            receiver.answerAlways(500).failingWith("receiver failed on purpose: " + "an error page, long. ".repeat(30));
            assertThat(server.post("/api/v1/webhooks/" + hook + "/test").statusCode()).isEqualTo(202);
            JsonObject disabled = null;
            for (Instant deadline = Instant.now().plus(PATIENCE); Instant.now().isBefore(deadline); Thread.sleep(500)) {
                disabled = json(server.get("/api/v1/webhooks/" + hook).body());
                if (!disabled.getBoolean("enabled")) {
                    break;
                }
            }
            assertThat(disabled.getBoolean("enabled")).as(disabled.toString()).isFalse();
            assertThat(disabled.getString("disabledReason")).contains("HTTP 500: receiver failed on purpose").endsWith("…").hasSizeLessThanOrEqualTo(500);
            JsonObject alarm = null; // raised once the disabling has committed
            for (Instant deadline = Instant.now().plus(PATIENCE); alarm == null && Instant.now().isBefore(deadline); Thread.sleep(200)) {
                alarm = jsonArray(server.get("/api/v1/alarms").body()).stream().map(v -> v.asJsonObject())
                        .filter(a -> a.getString("condition").equals("WEBHOOK_DISABLED")).findFirst().orElse(null);
            }
            assertThat(alarm).as("the Webhook disabled alarm").isNotNull();
            assertThat(alarm.getString("detail")).contains("webhook " + hook).contains("disabled");
            assertThat(server.get("/api/v1/action-log?action=setting-change").body()).contains("webhook " + hook + " to " + receiver.url("/ops") + " disabled");

            // enabled again once the receiver answers: the alarm clears, and its own clearing is told to it
            receiver.answerAlways(200);
            assertThat(server.post("/api/v1/webhooks/" + hook + "/enable").statusCode()).isEqualTo(200);
            List<WebhookReceiver.Received> clearings = receiver.await(r -> r.type().equals("alarm.cleared")
                    && json(r.body()).getJsonObject("data").getString("condition").equals("WEBHOOK_DISABLED"), 1, PATIENCE);
            assertThat(clearings).as("its own alarm's clearing").hasSize(1);
            // and what happened while it was disabled waited for it: its own alarm's raising
            assertThat(receiver.await(r -> r.type().equals("alarm.raised") && r.answered() == 200
                    && json(r.body()).getJsonObject("data").getString("condition").equals("WEBHOOK_DISABLED"), 1, PATIENCE))
                    .as("the alarm raised while it was disabled, sent once it was enabled").hasSize(1);
            WebhookReceiver.Received cleared = clearings.get(0);
            verifier.verify(cleared.body(), cleared.headers());
            assertThat(json(cleared.body()).getJsonObject("data").getString("condition")).isEqualTo("WEBHOOK_DISABLED");
        }
    }
}
