package io.verbatim.ingest;

import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingOwners;
import io.verbatim.recording.RecordingChanged;
import io.verbatim.recording.RecordingReceived;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The catalog row of a stored original, each in a transaction of its own. A bean apart from {@link IngestService}:
 * an upload holds an instance of that bean's pool while it streams, and asking the same pool for a second one to
 * open the transaction deadlocked a burst of uploads on a freshly started server.
 */
@Stateless
public class CaptureCatalogue {

    @Inject
    RecordingOwners owners;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<RecordingReceived> received;

    @Inject
    Event<RecordingChanged> changes;

    /** Commits the row when it returns; conversion is asked for once it has. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long add(String pbx, String fileName, long size, String sha256, String blobKey, Instant receivedAt) {
        CaptureName name = CaptureName.parse(fileName);
        Recording r = new Recording(pbx, fileName, name.callId(), name.device(), name.serial(), name.owner(),
                receivedAt, blobKey, size, sha256);
        boolean matched = owners.assign(r); // its call's record may have come first
        em.persist(r);
        em.flush();
        received.fire(new RecordingReceived(r.getId()));
        if (matched) {
            changes.fire(new RecordingChanged(r.getId(), RecordingChanged.Change.CALL_INFORMATION_MATCHED));
        }
        return r.getId();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Recording> findByName(String pbx, String fileName) {
        return em.createQuery("select r from Recording r where r.pbx = :pbx and r.fileName = :name", Recording.class)
                .setParameter("pbx", pbx).setParameter("name", fileName)
                .getResultStream().findFirst();
    }
}
