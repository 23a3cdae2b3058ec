package io.verbatim.lifecycle;

import io.verbatim.access.AccessPolicy;
import io.verbatim.access.AppObjects;
import io.verbatim.access.Viewer;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.directory.Directory;
import io.verbatim.access.ActionDeniedException;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A recording's life after conversion, as people steer it: protection against deletion, deletion by the rule of the
 * deleting user's app object (recycle bin, for good, or not at all), and the recycle bin's restore and purge. Each
 * step acts on a recording the caller may read, never while an administrator views as someone, and is logged.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class RecordingLifecycle {

    @Inject
    RecordingCatalog catalog;

    @Inject
    AccessPolicy access;

    @Inject
    AppObjects appObjects;

    @Inject
    Directory directory;

    @Inject
    ActionLog actionLog;

    @Inject
    Erasure erasure;

    /** Exempts a recording from deletion and retention (innovaphone: "permanent"). */
    public Recording protect(long id) {
        Recording r = catalog.find(id);
        Viewer viewer = access.actingViewer();
        if (!r.isProtected()) {
            r.protect(viewer.username(), now());
            actionLog.record(Action.PERMANENT, r, null);
        }
        return r;
    }

    /** Lifts the protection (innovaphone: "volatile"): retention and deletion apply again. */
    public Recording unprotect(long id) {
        Recording r = catalog.find(id);
        access.actingViewer();
        if (r.isProtected()) {
            r.unprotect();
            actionLog.record(Action.VOLATILE, r, null);
        }
        return r;
    }

    /**
     * Deletes as the caller's app object says: into the recycle bin (recoverable, and the default), for good
     * (permanent), or not at all (denied: refused, and the refusal logged).
     *
     * @throws RecordingProtectedException when the recording is protected
     * @throws ActionDeniedException when the app object does not allow deletion
     */
    public Deletion delete(long id) {
        Recording r = catalog.find(id);
        Viewer viewer = access.actingViewer();
        if (r.isProtected()) {
            actionLog.recordRefusal(Action.DELETE, r, "protected");
            throw new RecordingProtectedException(id);
        }
        AppObjects.DeletionRule rule = deletionRule();
        switch (rule.mode()) {
            case DENIED -> {
                String reason = "deletion is not allowed for " + rule.appObject();
                actionLog.recordRefusal(Action.DELETE, r, reason);
                throw new ActionDeniedException(reason);
            }
            case PERMANENT -> {
                actionLog.record(Action.DELETE, r, "permanently, as " + rule.appObject() + " says");
                erasure.erase(r);
                return Deletion.ERASED;
            }
            default -> {
                r.moveToRecycleBin(viewer.username(), now());
                actionLog.record(Action.DELETE, r, "to the recycle bin");
                return Deletion.RECYCLE_BIN;
            }
        }
    }

    /** What deleting does for the caller (their app object's rule): what a confirmation says before it is done. */
    public AppObjects.DeletionRule deletionRule() {
        return appObjects.deletionRuleFor(directory.caller());
    }

    /** Takes a recording back out of the recycle bin of the administrator's tenant. */
    @RolesAllowed("ADMIN")
    public Recording restore(long id) {
        Recording r = catalog.findInRecycleBin(id);
        access.actingViewer();
        actionLog.record(Action.RESTORE, r, "deleted by " + r.getDeletedBy() + " at " + r.getDeletedAt());
        r.restore();
        return r;
    }

    /** Erases a recording in the recycle bin for good: row, notes, audio and original. */
    @RolesAllowed("ADMIN")
    public void purge(long id) {
        Recording r = catalog.findInRecycleBin(id);
        access.actingViewer();
        actionLog.record(Action.PURGE, r, "deleted by " + r.getDeletedBy() + " at " + r.getDeletedAt());
        erasure.erase(r);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
