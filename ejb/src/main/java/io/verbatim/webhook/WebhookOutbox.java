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
        String how = logged.deletion();
        if (how != null && !how.equals("recycle-bin")) {
            // erased: what the outbox kept of it (parties, numbers, file name) goes with it, sent or not
            em.createQuery("delete from WebhookDelivery d where d.recordingId = :id").setParameter("id", logged.recordingId())
                    .executeUpdate();
        }
        if ("recycle-bin".equals(how)) {
            recording(logged.recordingId(), WebhookEvent.RECORDING_DELETED, how, logged.pbx());
        } else if (how != null && logged.pbx() != null) { // gone for good: told with nothing that would keep it
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long id = logged.recordingId();
            write(subscriptionsOf(logged.pbx()), WebhookEvent.RECORDING_DELETED, id,
                    () -> WebhookPayloads.goneRecording(id, logged.pbx(), how, now));
        }
    }

    public void onAlarm(@Observes AlarmChanged alarm) {
        WebhookEvent event = alarm.raised() ? WebhookEvent.ALARM_RAISED : WebhookEvent.ALARM_CLEARED;
        List<WebhookSubscription> wanting = em.createQuery("select s from WebhookSubscription s where s.pbx is null order by s.id",
                WebhookSubscription.class).getResultList();
        write(wanting, event, null, () -> WebhookPayloads.alarm(alarm));
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
        List<WebhookSubscription> wanting = subscriptionsOf(pbx);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        write(wanting, event, id, () -> r == null ? WebhookPayloads.goneRecording(id, pbx, how, now)
                : WebhookPayloads.recording(event, r, callOf(r), how, now));
    }

    /** A PBX's subscriptions and the operator's. */
    private List<WebhookSubscription> subscriptionsOf(String pbx) {
        return em.createQuery("select s from WebhookSubscription s where (s.pbx = :pbx or s.pbx is null) order by s.id",
                WebhookSubscription.class).setParameter("pbx", pbx).getResultList();
    }

    /** Its call's record: the recording's own, or (a recording catalogued in this transaction) the one that came first. */
    private CallRecord callOf(Recording r) {
        if (r.getCallRecord() != null || r.getCallId() == null) {
            return r.getCallRecord();
        }
        return callRecords.find(r.getPbx(), r.getCallId()).orElse(null);
    }

    private void write(List<WebhookSubscription> subscriptions, WebhookEvent event, Long recordingId, Supplier<String> payload) {
        String body = null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (WebhookSubscription s : subscriptions) {
            if (s.wants(event)) {
                body = body != null ? body : payload.get(); // made once, and only when someone wants it
                em.persist(new WebhookDelivery(s.getId(), recordingId, Webhooks.messageId(), event.type(), body, now,
                        now.plus(times.retryWindow())));
            }
        }
    }
}
