package io.verbatim.access;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.directory.Directory;
import io.verbatim.directory.UserAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** An administrator looking at the recordings as one of their users sees, read-only; every start and stop is logged. */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class ViewAs {

    private static final Logger LOG = Logger.getLogger(ViewAs.class.getName());

    @Inject
    Directory directory;

    @Inject
    AccessPolicy access;

    @Inject
    ActionLog actionLog;

    /** @return the user's name, once checked that the caller may view as them */
    @RolesAllowed("ADMIN")
    public String start(String username) {
        UserAccount administrator = directory.caller();
        UserAccount seen = access.viewableAs(administrator, username);
        LOG.info("viewAs: " + administrator.getUsername() + " views the recordings as " + seen.getUsername() + " (read-only)");
        actionLog.record(Action.VIEW_AS, "starts viewing the recordings as " + seen.getUsername() + " (read-only)");
        return seen.getUsername();
    }

    @RolesAllowed("ADMIN")
    public void stop(String username) {
        LOG.info("viewAs: " + directory.caller().getUsername() + " stops viewing as " + username);
        actionLog.record(Action.VIEW_AS, "stops viewing as " + username);
    }
}
