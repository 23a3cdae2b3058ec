package io.verbatim.recording;

import io.verbatim.callinfo.CallRecord;
import io.verbatim.callinfo.CallRecordReceived;
import io.verbatim.callinfo.CallRecords;
import io.verbatim.callinfo.OwnerRules;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whose recording a call is, by the owner rules: applied as a recording is catalogued (its call's record may have come
 * first) and as a call's record arrives (its recordings may have come first). An administrator's standing assignment
 * of an unregistered extension comes before the rules.
 */
@Stateless
public class RecordingOwners {

    @Inject
    Event<RecordingChanged> changes;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallRecords callRecords;

    /** Gives a recording being catalogued its owner; whether its call's record is here already (it came first). */
    public boolean assign(Recording recording) {
        if (recording.getCallId() == null) {
            return false;
        }
        CallRecord record = callRecords.find(recording.getPbx(), recording.getCallId()).orElse(null);
        ownerOf(recording, record).ifPresent(recording::assignOwner);
        return record != null;
    }

    /** Gives the recordings of a call whose record just arrived their owner, in the receiving transaction. */
    public void callRecordReceived(@Observes CallRecordReceived received) {
        CallRecord record = received.record();
        List<Recording> recordings = em.createQuery("select r from Recording r where r.pbx = :pbx and r.callId = :callId", Recording.class)
                .setParameter("pbx", record.getPbx()).setParameter("callId", record.getCallId()).getResultList();
        for (Recording r : recordings) {
            ownerOf(r, record).ifPresent(r::assignOwner);
            changes.fire(new RecordingChanged(r.getId(), RecordingChanged.Change.CALL_INFORMATION_MATCHED));
        }
        received.matched(recordings.size());
    }

    private Optional<String> ownerOf(Recording r, CallRecord record) {
        Predicate<String> isUser = username -> isUser(username, r.getPbx());
        if (r.getCaptureUser() != null && !isUser.test(r.getCaptureUser())) {
            // an administrator's standing assignment of this unregistered extension comes before the rules
            CaptureUserOwner standing = em.find(CaptureUserOwner.class, new CaptureUserOwner.Key(r.getPbx(), r.getCaptureUser()));
            if (standing != null) {
                return Optional.of(standing.getUsername());
            }
        }
        return OwnerRules.ownerOf(r.getCaptureUser(), record, isUser, number -> em.createQuery(
                        "select u.username from UserAccount u join u.numbers n where n = :number and u.pbx = :pbx", String.class)
                .setParameter("number", number).setParameter("pbx", r.getPbx()).getResultStream().findFirst());
    }

    private boolean isUser(String username, String pbx) {
        return !em.createQuery("select u.id from UserAccount u where u.username = :username and u.pbx = :pbx", Long.class)
                .setParameter("username", username).setParameter("pbx", pbx).setMaxResults(1).getResultList().isEmpty();
    }
}
