package io.verbatim.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a subscription can be told of, by the name receivers see in {@code type}: innovaphone's recorder told other
 * applications of a recording's "first" (received) and "last" (converted) events; these add failure, deletion, a call's
 * information arriving, and the alarms (the operator's subscriptions only: alarms are the deployment's).
 */
public enum WebhookEvent {
    RECORDING_RECEIVED("recording.received"),
    RECORDING_READY("recording.ready"),
    RECORDING_FAILED("recording.failed"),
    RECORDING_DELETED("recording.deleted"),
    CALL_INFORMATION_MATCHED("call-information.matched"),
    ALARM_RAISED("alarm.raised"),
    ALARM_CLEARED("alarm.cleared"),
    /** Sent on request only ("send test event"), to every subscription asked, whatever it subscribed to. */
    TEST("webhook.test");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    /** The name receivers see in the payload's {@code type} and subscriptions list. */
    public String type() {
        return type;
    }

    /** Whether a PBX's administrators may subscribe to it (alarms are the operator's). */
    public boolean forPbx() {
        return this != ALARM_RAISED && this != ALARM_CLEARED;
    }

    static Optional<WebhookEvent> named(String type) {
        return Arrays.stream(values()).filter(e -> e != TEST && e.type.equals(type)).findFirst();
    }
}
