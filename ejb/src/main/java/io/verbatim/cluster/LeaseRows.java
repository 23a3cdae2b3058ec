package io.verbatim.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;

/** Makes a lease's row the first time its name is used, in a transaction of its own. */
@Stateless
public class LeaseRows {

    @PersistenceContext
    EntityManager em;

    /** When two nodes make the same row at once, one insert fails: the row is there either way, which is all we want. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensure(String name) {
        if (em.find(ClusterLease.class, name) != null) {
            return;
        }
        try {
            em.persist(new ClusterLease(name, "", Instant.EPOCH));
            em.flush();
        } catch (PersistenceException madeByAnotherNode) {
            // this transaction is rolled back; the other node's row stays
        }
    }
}
