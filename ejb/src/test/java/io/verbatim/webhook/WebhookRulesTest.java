package io.verbatim.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLogged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The rules of sending: the back-off, how a deletion is named, event names, and the signature receivers check. */
class WebhookRulesTest {

    @Test
    void failedAttemptsWaitLongerEachTimeUpToFourHours() {
        Duration first = Duration.ofSeconds(5);
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8).stream().map(n -> WebhookTimes.waitAfter(first, n)).toList())
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(80), Duration.ofSeconds(320),
                        Duration.ofSeconds(1280), Duration.ofSeconds(5120), Duration.ofHours(4), Duration.ofHours(4));
        assertThat(WebhookTimes.waitAfter(first, 1000)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void deletionsAreNamedAsReceiversSeeThem() {
        assertThat(ActionLogged.deletion(Action.DELETE, "to the recycle bin")).isEqualTo("recycle-bin");
        assertThat(ActionLogged.deletion(Action.DELETE, "permanently, as default says")).isEqualTo("erased");
        assertThat(ActionLogged.deletion(Action.PURGE, "deleted by x at y")).isEqualTo("purged");
        assertThat(ActionLogged.deletion(Action.TIMEOUT, null)).isEqualTo("timeout");
        assertThat(ActionLogged.deletion(Action.LICENCE_GRACE, null)).isEqualTo("licence-grace");
        assertThat(ActionLogged.deletion(Action.PLAY, null)).isNull();
    }

    @Test
    void eventsAreKnownByTheirNamesAndTheTestEventIsNotSubscribedTo() {
        assertThat(WebhookEvent.named("recording.ready")).contains(WebhookEvent.RECORDING_READY);
        assertThat(WebhookEvent.named("call-information.matched")).contains(WebhookEvent.CALL_INFORMATION_MATCHED);
        assertThat(WebhookEvent.named("webhook.test")).isEmpty();
        assertThat(WebhookEvent.ALARM_RAISED.forPbx()).isFalse();
        assertThat(WebhookEvent.RECORDING_DELETED.forPbx()).isTrue();
    }

    /** The specification: base64 of HMAC-SHA256 over "id.timestamp.body", keyed with the secret after whsec_, as "v1,…". */
    @Test
    void theSignatureIsTheSpecificationsAndItsVerifierAcceptsIt() throws Exception {
        String secret = Webhooks.SECRET_PREFIX + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String id = "msg_2b6d1c0e";
        long at = 1_765_000_000L;
        String body = "{\"type\":\"recording.ready\",\"data\":{\"id\":5,\"from\":\"Zoë (+49 89 123)\"}}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + at + "." + body).getBytes(StandardCharsets.UTF_8)));

        String signed = new Webhook(secret).sign(id, at, body);

        assertThat(signed).isEqualTo(expected);
        long now = System.currentTimeMillis() / 1000;
        new Webhook(secret).verify(body, Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(new Webhook(secret).sign(id, now, body))));
    }
}
