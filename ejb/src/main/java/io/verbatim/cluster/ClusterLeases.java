package io.verbatim.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases on cluster-wide work, kept in the shared database so that nodes need nothing else to agree: the node that
 * holds a lease does the work until its time runs out; the holder renews it while it goes on; a holder that dies
 * lets it run out and another node takes it. Times are the nodes' clocks, which a cluster keeps in step (NTP): a
 * lease is much longer than they may drift apart.
 */
@Stateless
public class ClusterLeases {

    @PersistenceContext
    EntityManager em;

    @Inject
    LeaseRows rows;

    @Inject
    NodeIdentity node;

    /**
     * Takes or renews the lease for this node.
     * @return whether this node holds it now, until {@code now + length}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean hold(String name, Duration length) {
        rows.ensure(name);
        String holder = node.holder();
        Instant now = Instant.now();
        return em.createQuery("update ClusterLease l set l.holder = :holder, l.heldUntil = :until"
                        + " where l.name = :name and (l.holder = :holder or l.heldUntil < :now)")
                .setParameter("holder", holder).setParameter("until", now.plus(length)).setParameter("name", name)
                .setParameter("now", now).executeUpdate() == 1;
    }

    /**
     * Takes the lease only when nobody holds it, this node included: work to be done once per lease length (a
     * night's jobs), however often the nodes ask.
     * @return whether this node took it, until {@code now + length}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean take(String name, Duration length) {
        rows.ensure(name);
        Instant now = Instant.now();
        return em.createQuery("update ClusterLease l set l.holder = :holder, l.heldUntil = :until"
                        + " where l.name = :name and l.heldUntil < :now")
                .setParameter("holder", node.holder()).setParameter("until", now.plus(length)).setParameter("name", name)
                .setParameter("now", now).executeUpdate() == 1;
    }

    /** Lets another node take it at once (a node stopping cleanly). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String name) {
        em.createQuery("update ClusterLease l set l.heldUntil = :past where l.name = :name and l.holder = :holder")
                .setParameter("past", Instant.EPOCH).setParameter("name", name).setParameter("holder", node.holder()).executeUpdate();
    }

    /** Who holds it, while someone does. */
    public Optional<ClusterLease> heldBy(String name) {
        ClusterLease lease = em.find(ClusterLease.class, name);
        return lease == null || lease.getHeldUntil().isBefore(Instant.now()) ? Optional.empty() : Optional.of(lease);
    }
}
