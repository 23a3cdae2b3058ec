package io.verbatim.storage;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One blob disposal carried out, in a transaction of its own. A bean apart from {@link BlobDisposals}, which calls
 * it in a loop: a bean asking its own pool for a second instance can wait for ever once the pool is exhausted.
 */
@Stateless
public class BlobRemoval {

    private static final Logger LOG = Logger.getLogger(BlobRemoval.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobStore blobs;

    @Inject
    @Any
    Instance<BlobUsers> users;

    /** Removes the blob unless a row names it; the disposal is done either way, unless the store keeps it for now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void carryOut(long id) {
        BlobDisposal disposal = em.find(BlobDisposal.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (disposal == null) {
            return; // carried out meanwhile, by the commit's own call or the round
        }
        String key = disposal.getBlobKey();
        long naming = users.stream().mapToLong(kind -> kind.naming(key)).sum();
        if (naming > 0) {
            LOG.info("Blob " + key + " stays (" + disposal.getReason() + "): " + naming + " other rows name the same bytes");
            em.remove(disposal);
            return;
        }
        try {
            if (!blobs.delete(key)) {
                LOG.info("Blob " + key + " stays for now (" + disposal.getReason() + "): the same bytes were just stored"
                        + " again; asked again in ten minutes");
                return;
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Blob " + key + " could not be removed (" + disposal.getReason() + "); tried again in"
                    + " ten minutes", e);
            return;
        }
        LOG.fine(() -> "Blob " + key + " removed: " + disposal.getReason());
        em.remove(disposal);
    }
}
