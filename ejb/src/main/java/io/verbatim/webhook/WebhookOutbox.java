package io.verbatim.webhook;

import io.verbatim.alarm.AlarmChanged;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLogged;
import io.verbatim.audit.Outcome;
import io.verbatim.callinfo.CallRecord;
import io.verbatim.callinfo.CallRecords;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingChanged;
import io.verbatim.recording.RecordingReceived;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * The outbox: each event is written, once per subscription that wants it, in the transaction of the change it tells of
 * (the observers are synchronous), so an event is sent if and only if its change is kept, whatever crashes after;
 * also for a disabled subscription, which gets what waited once it is enabled again.
 * A PBX's subscriptions get its recordings' events; the operator's get every PBX's, and the alarms.
 */
@Stateless
@PermitAll
public class WebhookOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookTimes times;

    @Inject
    CallRecords callRecords;

    public void onReceived(@Observes RecordingReceived received) {
        recording(received.recordingId(), WebhookEvent.RECORDING_RECEIVED, null);
    }

    public void onChanged(@Observes RecordingChanged changed) {
        recording(changed.recordingId(), switch (changed.change()) {
            case READY -> WebhookEvent.RECORDING_READY;
            case FAILED -> WebhookEvent.RECORDING_FAILED;
            case CALL_INFORMATION_MATCHED -> WebhookEvent.CALL_INFORMATION_MATCHED;
        }, null);
    }

    /** Deletions, however they come (a user, the recycle bin's purge, retention), are all in the action log. */
    public void onLogged(@Observes ActionLogged logged) {
        if (logged.outcome() != Outcome.SUCCESS || logged.recordingId() == null) {
            return;
        }
        String how = deletion(logged.action(), logged.detail());
        if (how != null) {
            recording(logged.recordingId(), WebhookEvent.RECORDING_DELETED, how, logged.pbx());
        }
    }

    public void onAlarm(@Observes AlarmChanged alarm) {
        WebhookEvent event = alarm.raised() ? WebhookEvent.ALARM_RAISED : WebhookEvent.ALARM_CLEARED;
        List<WebhookSubscription> wanting = em.createQuery("select s from WebhookSubscription s where s.pbx is null order by s.id",
                WebhookSubscription.class).getResultList();
        write(wanting, event, () -> WebhookPayloads.alarm(alarm));
    }

    /** How a recording left, as receivers are told: {@code null} when this entry is no deletion. */
    static String deletion(Action action, String detail) {
        return switch (action) {
            case DELETE -> detail != null && detail.contains("recycle bin") ? "recycle-bin" : "erased";
            case PURGE -> "purged";
            case TIMEOUT -> "timeout";
            case LICENCE_GRACE -> "licence-grace";
            default -> null;
        };
    }

    private void recording(long id, WebhookEvent event, String how) {
        recording(id, event, how, null);
    }

    private void recording(long id, WebhookEvent event, String how, String pbxIfGone) {
        Recording r = em.find(Recording.class, id);
        String pbx = r != null ? r.getPbx() : pbxIfGone;
        if (pbx == null) {
            return;
        }
        List<WebhookSubscription> wanting = em.createQuery(
                        "select s from WebhookSubscription s where (s.pbx = :pbx or s.pbx is null) order by s.id",
                        WebhookSubscription.class).setParameter("pbx", pbx).getResultList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        write(wanting, event, () -> r == null ? WebhookPayloads.goneRecording(id, pbx, how, now)
                : WebhookPayloads.recording(event, r, callOf(r), how, now));
    }

    /** Its call's record: the recording's own, or (a recording catalogued in this transaction) the one that came first. */
    private CallRecord callOf(Recording r) {
        if (r.getCallRecord() != null || r.getCallId() == null) {
            return r.getCallRecord();
        }
        return callRecords.find(r.getPbx(), r.getCallId()).orElse(null);
    }

    private void write(List<WebhookSubscription> subscriptions, WebhookEvent event, Supplier<String> payload) {
        String body = null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (WebhookSubscription s : subscriptions) {
            if (s.wants(event)) {
                body = body != null ? body : payload.get(); // made once, and only when someone wants it
                em.persist(new WebhookDelivery(s.getId(), Webhooks.messageId(), event.type(), body, now, now.plus(times.retryWindow())));
            }
        }
    }
}
