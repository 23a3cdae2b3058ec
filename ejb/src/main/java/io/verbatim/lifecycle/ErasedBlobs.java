package io.verbatim.lifecycle;

import io.verbatim.storage.BlobStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Removes an erased recording's audio and original from the store, after its row is gone for good (so a rolled-back
 * deletion never loses bytes). Blobs are content-addressed: one that another recording or a quarantined upload
 * still names (the same bytes) stays.
 */
@Stateless
public class ErasedBlobs {

    private static final Logger LOG = Logger.getLogger(ErasedBlobs.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobStore blobs;

    /** In a transaction of its own: the one that erased the row has completed, but is still tied to this thread. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingErased erased) {
        int removed = 0;
        for (String key : erased.blobKeys()) {
            long recordings = em.createQuery("select count(r) from Recording r where r.originalKey = :key or r.audioKey = :key", Long.class)
                    .setParameter("key", key).getSingleResult();
            long quarantined = em.createQuery("select count(q) from QuarantinedCapture q where q.blobKey = :key", Long.class)
                    .setParameter("key", key).getSingleResult();
            if (recordings + quarantined > 0) {
                continue;
            }
            try {
                blobs.delete(key);
                removed++;
            } catch (IOException e) {
                LOG.warning("Recording " + erased.recordingId() + " is erased but its blob " + key + " could not be removed: " + e);
            }
        }
        LOG.info("Recording " + erased.recordingId() + " erased; " + removed + " of its " + erased.blobKeys().size()
                + " stored files removed (the others hold bytes other rows still name)");
    }
}
