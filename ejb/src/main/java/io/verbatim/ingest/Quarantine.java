package io.verbatim.ingest;

import io.verbatim.storage.BlobStore;
import io.verbatim.storage.StagedFile;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;

/** Keeps refused uploads: their bytes in the blob store, a row saying what and why. */
@Stateless
public class Quarantine {

    private static final Logger LOG = Logger.getLogger(Quarantine.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobStore blobs;

    /** Commits on its own: the refusal that follows rolls back the caller's work, never this record. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public QuarantinedCapture keep(String pbx, String fileName, StagedFile staged, String reason) throws IOException {
        String key = blobs.put(staged.path(), staged.sha256());
        QuarantinedCapture q = new QuarantinedCapture(pbx, fileName, Instant.now(), staged.size(), staged.sha256(), key, reason);
        em.persist(q);
        LOG.warning("Quarantined upload " + pbx + "/" + fileName + " (" + staged.size() + " bytes, sha256 "
                + staged.sha256() + "): " + reason);
        return q;
    }
}
