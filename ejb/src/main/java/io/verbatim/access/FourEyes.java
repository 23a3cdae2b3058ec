package io.verbatim.access;

import io.verbatim.audit.Outcome;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Action;
import io.verbatim.directory.Directory;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.directory.UserAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/**
 * 4-eyes access: users of an app object with a monitor see nothing until the monitor, signed in at that moment,
 * grants their request; a grant lives with the monitor's session and ends when it does (sign-out, time-out, the
 * browser closed) or when the monitor revokes it. Requests, grants and their ends are kept and logged.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class FourEyes {

    private static final Logger LOG = Logger.getLogger(FourEyes.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    AppObjects appObjects;

    @Inject
    Event<FourEyesChanged> changed;

    @Inject
    ActionLog actionLog;

    /** A request made, granted or ended at {@code at}: {@code user}'s and {@code monitor}'s pages show it. */
    public record Change(long grant, Instant at, String user, String monitor) {
    }

    /** Where the caller stands: not under 4-eyes, waiting for a grant (requested or not yet), or granted. */
    public enum Standing { NOT_NEEDED, NOT_REQUESTED, WAITING, GRANTED }

    public Standing standing() {
        UserAccount user = directory.caller();
        List<AppObject> monitored = monitored(user);
        if (monitored.isEmpty()) {
            return Standing.NOT_NEEDED;
        }
        boolean allGranted = true;
        boolean anyOpen = false;
        for (AppObject a : monitored) {
            List<FourEyesGrant.State> states = open(user, a).stream().map(FourEyesGrant::getState).toList();
            allGranted &= states.contains(FourEyesGrant.State.GRANTED);
            anyOpen |= !states.isEmpty();
        }
        return allGranted ? Standing.GRANTED : anyOpen ? Standing.WAITING : Standing.NOT_REQUESTED;
    }

    /** Whether a user has the monitor's grant for every monitored app object they are on (none: no grant needed). */
    public boolean granted(UserAccount user) {
        return monitored(user).stream().allMatch(a -> open(user, a).stream().anyMatch(g -> g.getState() == FourEyesGrant.State.GRANTED));
    }

    /** The caller asks the monitors of their app objects for access (once per app object while a request is open). */
    public void request() {
        UserAccount user = directory.caller();
        Instant now = now();
        for (AppObject a : monitored(user)) {
            if (open(user, a).isEmpty()) {
                FourEyesGrant requested = new FourEyesGrant(a, user, a.getMonitor(), now);
                em.persist(requested);
                LOG.info("4-eyes: " + user.getUsername() + " requests access to " + a.getName() + " from " + a.getMonitor().getUsername());
                actionLog.record(Action.FOUR_EYES_REQUEST, "requests access to " + a.getName() + " from " + a.getMonitor().getUsername());
                changed.fire(new FourEyesChanged(user.getUsername(), a.getMonitor().getUsername(), requested.getId(), now));
            }
        }
    }

    /** Requests waiting for the caller's grant, and the grants the caller gave that still hold. */
    public List<FourEyesGrant> monitoring() {
        return em.createQuery("select g from FourEyesGrant g where g.monitor = :me and g.state <> :ended order by g.requestedAt",
                        FourEyesGrant.class)
                .setParameter("me", directory.caller()).setParameter("ended", FourEyesGrant.State.ENDED).getResultList();
    }

    /** The monitor grants a request; it holds while {@code monitorSession} (the monitor's signed-in session) lives. */
    public void grant(long id, String monitorSession) {
        FourEyesGrant g = mine(id);
        if (g.getState() != FourEyesGrant.State.REQUESTED) {
            throw new ActionDeniedException("this request is " + g.getState().name().toLowerCase() + ", not waiting");
        }
        Instant now = now();
        g.grant(monitorSession, now);
        LOG.info("4-eyes: " + g.getMonitor().getUsername() + " grants " + g.getUser().getUsername() + " access to " + g.getAppObject().getName());
        actionLog.record(Action.FOUR_EYES_GRANT, "grants " + g.getUser().getUsername() + " access to " + g.getAppObject().getName());
        changed.fire(new FourEyesChanged(g.getUser().getUsername(), g.getMonitor().getUsername(), g.getId(), now));
    }

    /** The monitor revokes a grant, or declines a request. */
    public void revoke(long id) {
        FourEyesGrant g = mine(id);
        endOnce(g, g.getState() == FourEyesGrant.State.GRANTED ? "revoked by the monitor" : "declined by the monitor",
                g.getMonitor().getUsername(), null);
    }

    /** The monitor's session has ended: every grant given in it ends too. Called by the web tier, not by people. */
    public int endMonitorSession(String monitorSession, String reason) {
        return endMonitorSession(monitorSession, reason, null);
    }

    /**
     * The last page of the monitor's session closed on this node at {@code closedAt}: its grants end, unless a page of
     * the session opened since, on any node (the browser moved to another node, as when its node was lost).
     */
    public int endMonitorSession(String monitorSession, String reason, Instant closedAt) {
        List<FourEyesGrant> grants = em.createQuery("select g from FourEyesGrant g where g.monitorSession = :session and g.state = :granted",
                        FourEyesGrant.class)
                .setParameter("session", monitorSession).setParameter("granted", FourEyesGrant.State.GRANTED).getResultList();
        return endEach(grants, reason, closedAt);
    }

    /**
     * Pages of these sessions are open on this node now: the grants given in them hold. Each node says so every few
     * seconds and whenever a page opens; see {@link #endGrantsOfMonitorsGone}.
     */
    public void monitorSessionsSeen(Collection<String> sessions) {
        if (!sessions.isEmpty()) {
            em.createQuery("update FourEyesGrant g set g.monitorSeenAt = :now where g.state = :granted and g.monitorSession in :sessions")
                    .setParameter("now", now()).setParameter("granted", FourEyesGrant.State.GRANTED)
                    .setParameter("sessions", sessions).executeUpdate();
        }
    }

    /**
     * Ends the grants whose monitor has had no page open on any node since {@code cutoff}: the browser closed while
     * its node was lost, so no node saw it close. Any node may call it; each grant ends once. (The nodes' clocks must
     * agree, as for the cluster's leases.)
     */
    public int endGrantsOfMonitorsGone(Instant cutoff) {
        List<FourEyesGrant> gone = em.createQuery("select g from FourEyesGrant g where g.state = :granted "
                                + "and coalesce(g.monitorSeenAt, g.grantedAt) < :cutoff", FourEyesGrant.class)
                .setParameter("granted", FourEyesGrant.State.GRANTED).setParameter("cutoff", cutoff).getResultList();
        return endEach(gone, "the monitor's browser is gone", cutoff);
    }

    /**
     * The 4-eyes requests made, granted or ended since then, on any node: each node tells its own open pages of them
     * (a change on this node also fires {@link FourEyesChanged} at once).
     */
    public List<Change> changedSince(Instant since) {
        List<Change> changes = new ArrayList<>();
        for (Object[] row : em.createQuery("select g.id, g.changedAt, g.user.username, g.monitor.username from FourEyesGrant g "
                        + "where g.changedAt > :since", Object[].class)
                .setParameter("since", since).getResultList()) {
            changes.add(new Change((Long) row[0], (Instant) row[1], (String) row[2], (String) row[3]));
        }
        return changes;
    }

    /** Ends these grants for the server (no one is signed in then); how many ended here, not meanwhile elsewhere. */
    private int endEach(List<FourEyesGrant> grants, String reason, Instant notSeenSince) {
        int ended = 0;
        for (FourEyesGrant g : grants) {
            if (endOnce(g, reason, ActionLog.SERVER, notSeenSince)) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * Ends a request or grant in one conditional update, so that what two nodes (or the monitor and a node) end at once
     * ends and is logged once; with {@code notSeenSince}, only when no page of the monitor's session was seen after it.
     * {@code actor}: the monitor, or the server when the monitor's session ended (no one is signed in then).
     */
    private boolean endOnce(FourEyesGrant g, String reason, String actor, Instant notSeenSince) {
        Instant now = now();
        var end = em.createQuery("update FourEyesGrant g set g.state = :ended, g.endedAt = :now, g.changedAt = :now, "
                        + "g.endReason = :reason where g.id = :id and g.state = :was"
                        + (notSeenSince == null ? "" : " and (g.monitorSeenAt is null or g.monitorSeenAt <= :seen)"))
                .setParameter("ended", FourEyesGrant.State.ENDED).setParameter("now", now).setParameter("reason", reason)
                .setParameter("id", g.getId()).setParameter("was", g.getState());
        if (notSeenSince != null) {
            end.setParameter("seen", notSeenSince);
        }
        if (end.executeUpdate() == 0) {
            return false;
        }
        em.refresh(g);
        logEnd(g, reason, actor);
        return true;
    }

    /** Now, to the microsecond the databases keep: a change told at once and read back later is the same change. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private void logEnd(FourEyesGrant g, String reason, String actor) {
        LOG.info("4-eyes: access of " + g.getUser().getUsername() + " to " + g.getAppObject().getName() + " ended: " + reason);
        actionLog.recordAs(actor, g.getAppObject().getPbx(), Action.FOUR_EYES_REVOKE, Outcome.SUCCESS,
                "access of " + g.getUser().getUsername() + " to " + g.getAppObject().getName() + " ended: " + reason);
        changed.fire(new FourEyesChanged(g.getUser().getUsername(), g.getMonitor().getUsername(), g.getId(), g.getChangedAt()));
    }

    private FourEyesGrant mine(long id) {
        FourEyesGrant g = em.find(FourEyesGrant.class, id);
        if (g == null || !g.getMonitor().getUsername().equals(directory.caller().getUsername())) {
            throw new NoSuchEntryException("4-eyes request " + id);
        }
        return g;
    }

    private List<AppObject> monitored(UserAccount user) {
        List<AppObject> monitored = new ArrayList<>();
        for (AppObject a : appObjects.assignedTo(user)) {
            if (a.getMonitor() != null) {
                monitored.add(a);
            }
        }
        return monitored;
    }

    private List<FourEyesGrant> open(UserAccount user, AppObject a) {
        return em.createQuery("select g from FourEyesGrant g where g.user = :user and g.appObject = :a and g.state <> :ended",
                        FourEyesGrant.class)
                .setParameter("user", user).setParameter("a", a).setParameter("ended", FourEyesGrant.State.ENDED).getResultList();
    }

}
