package io.verbatim.webhook;

import io.verbatim.alarm.AlarmChanged;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingState;
import io.verbatim.settings.PublicUrl;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * The bodies receivers get: {@code {"type", "timestamp", "data"}} as the Standard Webhooks specification shapes them.
 * A recording's data is what a CRM needs to show the call (parties, direction, times, state) and links to fetch the
 * rest through the API, never audio. The links are absolute when {@code VERBATIM_PUBLIC_URL} says where Verbatim is
 * reached, otherwise paths.
 */
final class WebhookPayloads {

    private WebhookPayloads() {
    }

    static String recording(WebhookEvent event, Recording r, CallRecord call, String how, Instant at) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("id", r.getId()).add("pbx", r.getPbx());
        put(data, "callId", r.getCallId());
        put(data, "fileName", r.getFileName());
        put(data, "owner", r.getOwner());
        data.add("state", r.getState().name());
        if (call != null) {
            put(data, "direction", call.getDirection() == null ? null : call.getDirection().name());
            put(data, "from", call.from().label());
            put(data, "to", call.to().label());
            put(data, "localNumber", call.getLocalNumber());
            put(data, "localName", call.getLocalName());
            put(data, "remoteNumber", call.getRemoteNumber());
            put(data, "remoteName", call.getRemoteName());
            put(data, "callStart", call.getStart());
            put(data, "callEnd", call.getEnd());
        }
        put(data, "receivedAt", r.getReceivedAt());
        put(data, "start", r.getStartedAt());
        if (r.getDurationSeconds() != null) {
            data.add("durationSeconds", r.getDurationSeconds());
        }
        put(data, "failureReason", r.getState() == RecordingState.FAILED ? r.getFailureReason() : null);
        put(data, "deleted", how);
        if (how == null) {
            String self = link("/api/v1/recordings/" + r.getId());
            JsonObjectBuilder links = Json.createObjectBuilder().add("recording", self);
            if (r.getState() == RecordingState.READY) {
                links.add("audio", self + "/audio");
            }
            data.add("links", links);
        }
        return envelope(event, at, data);
    }

    /** A recording no longer in the catalog (erased in the transaction that tells of it): what is known of it. */
    static String goneRecording(long id, String pbx, String how, Instant at) {
        return envelope(WebhookEvent.RECORDING_DELETED, at, Json.createObjectBuilder().add("id", id).add("pbx", pbx)
                .add("deleted", how));
    }

    static String alarm(AlarmChanged alarm) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("id", alarm.id()).add("condition", alarm.condition().name())
                .add("title", alarm.title());
        put(data, "detail", alarm.detail());
        return envelope(alarm.raised() ? WebhookEvent.ALARM_RAISED : WebhookEvent.ALARM_CLEARED, alarm.at(), data);
    }

    static String test(long subscriptionId, String by, Instant at) {
        return envelope(WebhookEvent.TEST, at, Json.createObjectBuilder().add("subscription", subscriptionId)
                .add("sentBy", by).add("message", "A test event from Verbatim: this subscription's receiver is reached."));
    }

    private static String envelope(WebhookEvent event, Instant at, JsonObjectBuilder data) {
        return Json.createObjectBuilder().add("type", event.type()).add("timestamp", at.toString()).add("data", data)
                .build().toString();
    }

    private static void put(JsonObjectBuilder data, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            data.add(name, value.toString());
        }
    }

    /** Absolute where Verbatim says where it is reached from outside; else relative to the server. */
    private static String link(String path) {
        return PublicUrl.of(path).orElse(path);
    }
}
