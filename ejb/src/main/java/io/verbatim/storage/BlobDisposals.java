package io.verbatim.storage;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removing blobs from the store once the rows that named them are gone. The wish is written in the transaction that
 * removes the rows and carried out once it has committed, so a rolled-back deletion never loses bytes. What a crash,
 * a failing disk or a new upload of the same bytes leaves undone is tried again at start and every ten minutes. A
 * blob that a row of any kind ({@link BlobUsers}) still names stays: the store is content-addressed.
 */
@Stateless
public class BlobDisposals {

    private static final Logger LOG = Logger.getLogger(BlobDisposals.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobRemoval removal;

    @Inject
    Event<Requested> requested;

    /** Disposals written by a transaction, to carry out once it commits. */
    public record Requested(List<Long> ids) {
    }

    /** In the caller's transaction: these blobs leave the store once it commits, unless other rows still name them. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void dispose(Collection<String> blobKeys, String reason) {
        Instant now = Instant.now();
        List<BlobDisposal> disposals = new ArrayList<>();
        for (String key : blobKeys) {
            BlobDisposal disposal = new BlobDisposal(key, reason, now);
            em.persist(disposal);
            disposals.add(disposal);
        }
        em.flush(); // once for all: the ids are known from here
        requested.fire(new Requested(disposals.stream().map(BlobDisposal::getId).toList()));
    }

    /** Right after the commit; each in a transaction of its own (the committed one is still tied to this thread). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested committed) {
        carryOutEach(committed.ids());
    }

    /**
     * What is left: by a crash after a commit, by a disk that refused, or while the same bytes were put again
     * ({@link BlobDisposalRounds}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void retry() {
        carryOutEach(em.createQuery("select d.id from BlobDisposal d order by d.id", Long.class).getResultList());
    }

    /** One that fails unexpectedly stays for the next round and does not hold up the others. */
    private void carryOutEach(List<Long> ids) {
        for (long id : ids) {
            try {
                removal.carryOut(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Blob disposal " + id + " failed; tried again in ten minutes", e);
            }
        }
    }
}
