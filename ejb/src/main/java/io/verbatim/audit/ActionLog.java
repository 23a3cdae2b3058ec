package io.verbatim.audit;

import io.verbatim.caller.Caller;
import io.verbatim.metrics.Meters;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The one place every action a compliance officer may ask about is written: append-only and hash-chained
 * ({@link ActionLogEntry}). An entry is written in the caller's transaction, so it exists exactly when the action
 * it records took effect; a refusal is written in a transaction of its own (the refused action's rolls back).
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class ActionLog {

    private static final Logger LOG = Logger.getLogger(ActionLog.class.getName());
    /** The actor of what the server does by itself (retention, purges). */
    public static final String SERVER = "server";
    private static final int VERIFY_BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Meters meters;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<ChainBroken> chainBroken;

    @Inject
    Event<ActionLogged> logged;

    /** The caller did {@code action} to a recording. */
    public void record(Action action, LoggedRecording recording, String detail) {
        append(caller.name(), action, Outcome.SUCCESS, recording.getPbx(), recording.getId(), detail);
    }

    /** The caller did {@code action}, not to one recording (a setting, a grant); the entry belongs to the caller's tenant. */
    public void record(Action action, String detail) {
        String actor = caller.name();
        append(actor, action, Outcome.SUCCESS, caller.tenant(), null, detail);
    }

    /**
     * Someone not (yet) signed in, or the server itself ({@link #SERVER}), did {@code action}, not to one recording;
     * {@code pbx} is the tenant the entry belongs to ({@code null}: the operator's).
     */
    public void recordAs(String actor, String pbx, Action action, Outcome outcome, String detail) {
        append(actor, action, outcome, pbx, null, detail);
    }

    /** The server itself (a job) did {@code action} to a recording. */
    public void recordAs(String actor, Action action, LoggedRecording recording, String detail) {
        append(actor, action, Outcome.SUCCESS, recording.getPbx(), recording.getId(), detail);
    }

    /** The caller was refused {@code action}; written even though the refused action's transaction rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(Action action, LoggedRecording recording, String reason) {
        append(caller.name(), action, Outcome.DENIED, recording.getPbx(), recording.getId(), reason);
    }

    private void append(String actor, Action action, Outcome outcome, String pbx, Long recordingId, String detail) {
        // the head first, always: it serialises appends, so a chain's end is never raced for (nor created twice)
        ActionLogHead head = em.find(ActionLogHead.class, ActionLogHead.ID, LockModeType.PESSIMISTIC_WRITE);
        String chain = pbx == null ? ActionLogEntry.DEPLOYMENT_CHAIN : pbx;
        ActionLogChainEnd end = em.find(ActionLogChainEnd.class, chain, LockModeType.PESSIMISTIC_WRITE);
        if (end == null) {
            end = new ActionLogChainEnd(chain);
            em.persist(end);
            em.flush(); // in the database now: a second entry in this transaction locks it as it does any other
        }
        ActionLogEntry entry = new ActionLogEntry(head.getLastPosition() + 1, chain, end.getLastPosition() + 1,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), actor, origin(), action, outcome, pbx, recordingId, detail,
                end.getLastHash());
        em.persist(entry);
        head.advance(entry);
        end.advance(entry);
        logged.fire(new ActionLogged(action, outcome, pbx, recordingId, detail));
        transactions.registerInterposedSynchronization(new Synchronization() { // counted once it is kept
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    meters.actionLogAppended(action.name());
                }
            }
        });
    }

    /** Entries matching the query, newest first: the caller's tenant (the operator and deployment-wide officers: all). */
    @RolesAllowed({"ADMIN", "COMPLIANCE"})
    public ActionLogPage search(ActionLogQuery query) {
        String tenant = caller.signedInTenant();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<ActionLogEntry> select = cb.createQuery(ActionLogEntry.class);
        Root<ActionLogEntry> e = select.from(ActionLogEntry.class);
        select.where(conditions(cb, e, query, tenant)).orderBy(cb.desc(e.get("sequenceNumber")));
        List<ActionLogEntry> items = em.createQuery(select).setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<ActionLogEntry> c = count.from(ActionLogEntry.class);
        count.select(cb.count(c)).where(conditions(cb, c, query, tenant));
        return new ActionLogPage(items, em.createQuery(count).getSingleResult());
    }

    /** The activity protocol of a recording the caller has read through the catalog, oldest first. */
    public List<ActionLogEntry> of(LoggedRecording recording) {
        return em.createQuery("select e from ActionLogEntry e where e.recordingId = :id order by e.sequenceNumber", ActionLogEntry.class)
                .setParameter("id", recording.getId()).getResultList();
    }

    /**
     * Checks the caller's chains (a PBX's administrator or officer: their PBX's; the operator: every chain), in batches
     * so memory stays flat however long the log, and logs that it was checked.
     */
    @RolesAllowed({"ADMIN", "COMPLIANCE"})
    public ChainVerification verify() {
        String tenant = caller.signedInTenant();
        ChainVerification result = tenant == null ? checkChains() : checkChain(tenant);
        record(Action.VERIFY, result.valid() ? "action log: " + result.scope() + " intact, " + result.entriesChecked() + " entries"
                : "action log: " + result.problem());
        if (!result.valid()) {
            LOG.severe("Action log chain broken: " + result.problem());
            chainBroken.fire(new ChainBroken(result.problem()));
        }
        return result;
    }

    /** Checks every chain without logging it; the first broken one is reported. */
    public ChainVerification checkChains() {
        // the chains entries name too: one whose end was removed is checked (and found broken), not skipped
        SortedSet<String> chains = new TreeSet<>(
                em.createQuery("select c.chain from ActionLogChainEnd c", String.class).getResultList());
        chains.addAll(em.createQuery("select distinct e.chain from ActionLogEntry e", String.class).getResultList());
        long checked = 0;
        for (String chain : chains) {
            ChainVerification one = check(chain);
            if (!one.valid()) {
                return one;
            }
            checked += one.entriesChecked();
        }
        // all entries are numbered 1..n across chains without gaps: a chain removed whole (entries and end) shows here
        ActionLogHead head = em.find(ActionLogHead.class, ActionLogHead.ID);
        long numbered = head.getLastPosition();
        em.flush(); // what this transaction appended so far is written before its rows are let go
        em.detach(head); // an append in this transaction reads it again, under its lock
        Object[] seen = em.createQuery("select count(e), coalesce(max(e.sequenceNumber), 0) from ActionLogEntry e"
                + " where e.sequenceNumber <= :last", Object[].class).setParameter("last", numbered).getSingleResult();
        if (((Number) seen[0]).longValue() != numbered || ((Number) seen[1]).longValue() != numbered) {
            return new ChainVerification(false, ChainVerification.ALL_CHAINS, checked, null, "every chain: the log numbers "
                    + numbered + " entries but holds " + seen[0] + " of them (entries removed with their chain, or renumbered)");
        }
        return ChainVerification.intact(ChainVerification.ALL_CHAINS, checked);
    }

    /**
     * Checks one PBX's chain ({@code null}: the deployment's) without logging it (an export states the result in its
     * header, and its request is logged).
     */
    public ChainVerification checkChain(String pbx) {
        return check(pbx == null ? ActionLogEntry.DEPLOYMENT_CHAIN : pbx);
    }

    private ChainVerification check(String chain) {
        ActionLogChainEnd end = em.find(ActionLogChainEnd.class, chain);
        String name = ActionLogEntry.DEPLOYMENT_CHAIN.equals(chain) ? null : chain;
        if (end == null) { // nothing written for it yet, or its end removed: then no entry may claim to be in it
            Long claiming = em.createQuery("select count(e) from ActionLogEntry e where e.chain = :chain", Long.class)
                    .setParameter("chain", chain).getSingleResult();
            return claiming == 0 ? ChainVerification.intact(name, 0) : ChainVerification.broken(name, 0, 1,
                    "its end is missing, yet " + claiming + " entries are in it (the end was removed)");
        }
        em.flush(); // what this transaction appended so far is written before its rows are let go
        em.detach(end); // an append in this transaction (the check's own entry) reads it again, under its lock
        ChainVerifier verifier = new ChainVerifier(name);
        long after = 0;
        boolean more = true;
        while (more) {
            // up to the end as read: entries appended while the check runs are the next check's
            List<ActionLogEntry> batch = em.createQuery("select e from ActionLogEntry e where e.chain = :chain"
                            + " and e.position > :after and e.position <= :last order by e.position", ActionLogEntry.class)
                    .setParameter("chain", chain).setParameter("after", after).setParameter("last", end.getLastPosition())
                    .setMaxResults(VERIFY_BATCH).getResultList();
            for (ActionLogEntry e : batch) {
                if (!verifier.accept(e)) {
                    return verifier.result(end.getLastPosition(), end.getLastHash());
                }
                after = e.getPosition();
            }
            more = batch.size() == VERIFY_BATCH;
            batch.forEach(em::detach);
        }
        return verifier.result(end.getLastPosition(), end.getLastHash());
    }

    private Predicate[] conditions(CriteriaBuilder cb, Root<ActionLogEntry> e, ActionLogQuery q, String tenant) {
        List<Predicate> where = new ArrayList<>();
        if (tenant != null) {
            where.add(cb.equal(e.get("pbx"), tenant));
        }
        if (q.recordingId() != null) {
            where.add(cb.equal(e.get("recordingId"), q.recordingId()));
        }
        if (q.user() != null && !q.user().isBlank()) {
            where.add(cb.equal(e.get("actor"), q.user().trim()));
        }
        if (q.action() != null) {
            where.add(cb.equal(e.get("action"), q.action()));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(e.get("occurredAt"), q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThan(e.get("occurredAt"), q.to()));
        }
        return where.toArray(Predicate[]::new);
    }

    /** The client's address, and whom an administrator is viewing as, if so (they act read-only, but their reads count). */
    private String origin() {
        try {
            return caller.origin();
        } catch (ContextNotActiveException noRequest) {
            return Caller.SERVER;
        }
    }
}
