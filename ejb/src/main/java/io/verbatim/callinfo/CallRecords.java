package io.verbatim.callinfo;

import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Call information from the PBX or a CTI system: stored per PBX and call id, replaced when sent again, and announced
 * ({@link CallRecordReceived}) so that the call's recordings get their owner, whichever of the two comes first.
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

    @Inject
    Event<CallRecordReceived> callRecordReceived;

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
            Stored stored = store(pbx, data, now);
            created += stored.created() ? 1 : 0;
            replaced += stored.created() ? 0 : 1;
            matched += stored.recordingsMatched();
        }
        return new Received(created, replaced, matched);
    }

    /** What storing one record did. */
    public record Stored(boolean created, int recordingsMatched) {
    }

    /**
     * Stores the record of a call on {@code pbx} (checked by the caller: an administrator's tenant, or the PBX a
     * device sent it for), replacing an earlier one, and announces it so the call's recordings get their owner.
     */
    public Stored store(String pbx, CallRecordData data, Instant now) {
        String callId = data.callId().toLowerCase(Locale.ROOT);
        Optional<CallRecord> existing = find(pbx, callId);
        CallRecord record = existing.orElseGet(() -> new CallRecord(pbx, callId));
        record.update(data, now);
        if (existing.isEmpty()) {
            em.persist(record);
        }
        CallRecordReceived received = new CallRecordReceived(record);
        callRecordReceived.fire(received);
        return new Stored(existing.isEmpty(), received.recordingsMatched());
    }

    /** The record of a call, if it came. */
    public Optional<CallRecord> find(String pbx, String callId) {
        return em.createQuery("select c from CallRecord c where c.pbx = :pbx and c.callId = :callId", CallRecord.class)
                .setParameter("pbx", pbx).setParameter("callId", callId).getResultStream().findFirst();
    }
}
