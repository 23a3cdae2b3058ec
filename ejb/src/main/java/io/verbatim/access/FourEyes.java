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
import java.util.ArrayList;
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
        Instant now = Instant.now();
        for (AppObject a : monitored(user)) {
            if (open(user, a).isEmpty()) {
                em.persist(new FourEyesGrant(a, user, a.getMonitor(), now));
                LOG.info("4-eyes: " + user.getUsername() + " requests access to " + a.getName() + " from " + a.getMonitor().getUsername());
                actionLog.record(Action.FOUR_EYES_REQUEST, "requests access to " + a.getName() + " from " + a.getMonitor().getUsername());
                changed.fire(new FourEyesChanged(user.getUsername(), a.getMonitor().getUsername()));
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
        g.grant(monitorSession, Instant.now());
        LOG.info("4-eyes: " + g.getMonitor().getUsername() + " grants " + g.getUser().getUsername() + " access to " + g.getAppObject().getName());
        actionLog.record(Action.FOUR_EYES_GRANT, "grants " + g.getUser().getUsername() + " access to " + g.getAppObject().getName());
        changed.fire(new FourEyesChanged(g.getUser().getUsername(), g.getMonitor().getUsername()));
    }

    /** The monitor revokes a grant, or declines a request. */
    public void revoke(long id) {
        FourEyesGrant g = mine(id);
        end(g, g.getState() == FourEyesGrant.State.GRANTED ? "revoked by the monitor" : "declined by the monitor", g.getMonitor().getUsername());
    }

    /** The monitor's session has ended: every grant given in it ends too. Called by the web tier, not by people. */
    public int endMonitorSession(String monitorSession, String reason) {
        List<FourEyesGrant> grants = em.createQuery("select g from FourEyesGrant g where g.monitorSession = :session and g.state = :granted",
                        FourEyesGrant.class)
                .setParameter("session", monitorSession).setParameter("granted", FourEyesGrant.State.GRANTED).getResultList();
        grants.forEach(g -> end(g, reason, ActionLog.SERVER));
        return grants.size();
    }

    /** {@code actor}: the monitor, or the server when the monitor's session ended (no one is signed in then). */
    private void end(FourEyesGrant g, String reason, String actor) {
        g.end(reason, Instant.now());
        LOG.info("4-eyes: access of " + g.getUser().getUsername() + " to " + g.getAppObject().getName() + " ended: " + reason);
        actionLog.recordAs(actor, g.getAppObject().getPbx(), Action.FOUR_EYES_REVOKE, Outcome.SUCCESS,
                "access of " + g.getUser().getUsername() + " to " + g.getAppObject().getName() + " ended: " + reason);
        changed.fire(new FourEyesChanged(g.getUser().getUsername(), g.getMonitor().getUsername()));
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
