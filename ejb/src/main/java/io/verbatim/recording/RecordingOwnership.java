package io.verbatim.recording;

import io.verbatim.access.ActionDeniedException;
import io.verbatim.access.AccessPolicy;
import io.verbatim.access.Viewer;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.directory.Directory;
import io.verbatim.directory.UserAccount;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.settings.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;
import java.util.Optional;

/** Whose a recording is, and who besides them sees it: the owner's "only me", an administrator's assignment. */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class RecordingOwnership {

    @PersistenceContext
    EntityManager em;

    @Inject
    RecordingCatalog catalog;

    @Inject
    AccessPolicy access;

    @Inject
    Settings settings;

    @Inject
    Directory directory;

    @Inject
    ActionLog actionLog;

    /** The owner hides a recording from everyone but themselves and administrators (when administrators allow it), or shows it again. */
    public Recording markOnlyMe(long id, boolean onlyMe) {
        Recording r = catalog.find(id); // the read rule first: unseen is 404 (managed: the catalog joins this transaction)
        Viewer viewer = access.actingViewer();
        boolean owner = Objects.equals(r.getOwner(), viewer.username());
        if (!owner && !(viewer.administers() && !onlyMe)) {
            throw new ActionDeniedException("only the owner marks a recording 'only me' (administrators may lift it)");
        }
        if (onlyMe && !settings.get(r.getPbx(), RecordingSettings.ONLY_ME_ALLOWED)) {
            throw new ActionDeniedException("'only me' is not allowed here; an administrator can allow it in the settings");
        }
        r.markOnlyMe(onlyMe);
        actionLog.record(Action.ONLY_ME, r, onlyMe ? "hidden from everyone but the owner and administrators" : "shown again");
        return r;
    }

    /**
     * Gives a recording to a user of its PBX; with {@code sameCaptureUser}, also every recording (now and to come)
     * from the same capture user — an extension no user is registered for.
     *
     * @return how many recordings changed owner
     */
    @RolesAllowed("ADMIN")
    public int assign(long id, String username, boolean sameCaptureUser) {
        Recording r = catalog.find(id);
        UserAccount user = directory.findByUsername(username)
                .filter(u -> Objects.equals(u.getPbx(), r.getPbx()))
                .orElseThrow(() -> new InvalidEntryException("no user " + username + " on PBX " + r.getPbx()));
        actionLog.record(Action.OWNER_CHANGE, r, "from " + r.getOwner() + " to " + user.getUsername()
                + (sameCaptureUser && r.getCaptureUser() != null ? ", with every recording from " + r.getCaptureUser() + " now and to come" : ""));
        if (!sameCaptureUser || r.getCaptureUser() == null) {
            r.assignOwner(user.getUsername());
            return 1;
        }
        CaptureUserOwner.Key key = new CaptureUserOwner.Key(r.getPbx(), r.getCaptureUser());
        CaptureUserOwner standing = em.find(CaptureUserOwner.class, key);
        if (standing == null) {
            em.persist(new CaptureUserOwner(r.getPbx(), r.getCaptureUser(), user.getUsername()));
        } else {
            standing.setUsername(user.getUsername());
        }
        // versioned: a conversion that read one of them before this commits must not write the old owner back over it;
        // its version has moved on, so the conversion stores its outcome again on what is there now
        return em.createQuery("update versioned Recording r set r.owner = :owner where r.pbx = :pbx and r.captureUser = :captureUser")
                .setParameter("owner", user.getUsername()).setParameter("pbx", r.getPbx())
                .setParameter("captureUser", r.getCaptureUser()).executeUpdate();
    }

    /** An administrator's standing assignment for a capture user, if any. */
    public Optional<String> standingOwner(String pbx, String captureUser) {
        CaptureUserOwner standing = captureUser == null ? null : em.find(CaptureUserOwner.class, new CaptureUserOwner.Key(pbx, captureUser));
        return standing == null ? Optional.empty() : Optional.of(standing.getUsername());
    }
}
