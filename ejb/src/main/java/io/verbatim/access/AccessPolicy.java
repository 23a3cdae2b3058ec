package io.verbatim.access;

import io.verbatim.directory.Role;
import io.verbatim.recording.Recording;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The one rule deciding who may see which recording, used by every read (REST, pages, downloads), both as a
 * query condition and as a check on a single recording so that the two can never disagree.
 *
 * <p>Now: admins see every recording; everybody else sees the recordings they own.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
@DeclareRoles({"ADMIN", "SUPERVISOR", "USER", "COMPLIANCE"})
public class AccessPolicy {

    @Resource
    SessionContext context;

    /** The authenticated caller; unauthenticated calls are refused here, not left to see nothing by accident. */
    public Viewer currentViewer() {
        String name = context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
        if (name == null || name.equals("anonymous")) {
            throw new EJBAccessException("not authenticated");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (context.isCallerInRole(role.name())) {
                roles.add(role);
            }
        }
        return new Viewer(name, roles);
    }

    public Predicate visibleTo(Viewer viewer, CriteriaBuilder cb, Root<Recording> recording) {
        if (viewer.is(Role.ADMIN)) {
            return cb.conjunction();
        }
        return cb.equal(recording.get("owner"), viewer.username());
    }

    public boolean mayRead(Viewer viewer, Recording recording) {
        return viewer.is(Role.ADMIN) || Objects.equals(recording.getOwner(), viewer.username());
    }
}
