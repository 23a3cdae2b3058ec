package io.verbatim.callinfo;

import io.verbatim.recording.CaptureUserOwner;
import io.verbatim.recording.Recording;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Call information from the PBX or a CTI system: stored per PBX and call id, replaced when sent again, and matched
 * to the call's recordings whichever comes first — here when the record comes, at ingest when the recording does.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class CallRecords {

    private static final Logger LOG = Logger.getLogger(CallRecords.class.getName());

    private static final Pattern CALL_ID = Pattern.compile("[0-9a-zA-Z-]{1,64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    /** What a batch did: records new to us, and records that replaced an earlier version. */
    public record Received(int created, int replaced, int recordingsMatched) {
    }

    /**
     * Recordings still inside the waiting window for their call record (the join is by PBX and call id, no key); a
     * recording whose name carries no call id waits for none.
     */
    public long waitingRecordings(Duration wait) {
        return em.createQuery("select count(r) from Recording r left join r.callRecord c where c.id is null and r.callId is not null"
                        + " and r.receivedAt >= :since", Long.class)
                .setParameter("since", Instant.now().minus(wait)).getSingleResult();
    }

    /**
     * Recordings received since {@code since} whose call record did not come within the waiting window; none while no
     * call record was ever received (a PBX that sends none is a choice, not a fault).
     */
    public long missingSince(Instant since, Duration wait) {
        if (em.createQuery("select c.id from CallRecord c", Long.class).setMaxResults(1).getResultList().isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(r) from Recording r left join r.callRecord c where c.id is null and r.callId is not null"
                        + " and r.receivedAt >= :since"
                        + " and r.receivedAt < :windowClosed", Long.class)
                .setParameter("since", since).setParameter("windowClosed", Instant.now().minus(wait)).getSingleResult();
    }

    @RolesAllowed("ADMIN")
    public Received receive(List<CallRecordData> batch) {
        LOG.fine(() -> "Receiving " + batch.size() + " call records");
        if (batch.isEmpty()) {
            throw new InvalidEntryException("no call records in the request");
        }
        int created = 0;
        int replaced = 0;
        int matched = 0;
        Instant now = Instant.now();
        for (int i = 0; i < batch.size(); i++) {
            CallRecordData data = batch.get(i);
            String where = batch.size() == 1 ? "" : "record " + (i + 1) + ": ";
            if (data == null || data.callId() == null || !CALL_ID.matcher(data.callId()).matches()) {
                throw new InvalidEntryException(where + "callId is required: up to 64 letters, digits or -");
            }
            if (data.direction() == null) {
                throw new InvalidEntryException(where + "direction is required: INBOUND, OUTBOUND or INTERNAL");
            }
            if (data.events() != null && data.events().stream().anyMatch(e -> e == null || e.type() == null)) {
                throw new InvalidEntryException(where + "every event needs a type: " + List.of(CallEventType.values()));
            }
            String pbx = tenants.tenantForNew(data.pbx());
            if (pbx == null) {
                throw new InvalidEntryException(where + "pbx is required (the PBX the call was on)");
            }
            String callId = data.callId().toLowerCase(Locale.ROOT);
            Optional<CallRecord> existing = find(pbx, callId);
            CallRecord record = existing.orElseGet(() -> new CallRecord(pbx, callId));
            record.update(data, now);
            if (existing.isEmpty()) {
                em.persist(record);
                created++;
            } else {
                replaced++;
            }
            matched += assignOwners(record);
        }
        return new Received(created, replaced, matched);
    }

    /** Applies the owner rules to a recording as it is catalogued, its call's record having come first or not. */
    public void assignOwner(Recording recording) {
        if (recording.getCallId() == null) {
            return;
        }
        CallRecord record = find(recording.getPbx(), recording.getCallId()).orElse(null);
        ownerOf(recording, record).ifPresent(recording::assignOwner);
    }

    private int assignOwners(CallRecord record) {
        List<Recording> recordings = em.createQuery("select r from Recording r where r.pbx = :pbx and r.callId = :callId", Recording.class)
                .setParameter("pbx", record.getPbx()).setParameter("callId", record.getCallId()).getResultList();
        for (Recording r : recordings) {
            ownerOf(r, record).ifPresent(r::assignOwner);
        }
        return recordings.size();
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

    private Optional<CallRecord> find(String pbx, String callId) {
        return em.createQuery("select c from CallRecord c where c.pbx = :pbx and c.callId = :callId", CallRecord.class)
                .setParameter("pbx", pbx).setParameter("callId", callId).getResultStream().findFirst();
    }
}
