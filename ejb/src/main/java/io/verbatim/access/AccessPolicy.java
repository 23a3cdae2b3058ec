package io.verbatim.access;

import io.verbatim.caller.Caller;
import io.verbatim.directory.Directory;
import io.verbatim.directory.Licences;
import io.verbatim.directory.Role;
import io.verbatim.directory.UserAccount;
import io.verbatim.directory.UserGroup;
import io.verbatim.refusal.NoSuchEntryException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one rule deciding who may see which recording, used by every read (REST, pages, downloads), both as a
 * query condition and as a check on a single recording so that the two can never disagree.
 *
 * <p>Administrators see all recordings of their tenant (the operator, in none, sees all). Users, supervisors and
 * compliance officers see their own recordings, those of the users and numbers on the access lists of the app
 * objects they are assigned to (directly or through a group), and supervisors those of the members of the groups
 * they manage. Only recordings of licensed owners are shown to them; a recording marked "only me" only to its
 * owner. Users of an app object with a monitor (4-eyes) see nothing until the monitor grants it, and only while
 * the monitor stays signed in ({@link FourEyes}).
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
@DeclareRoles({"ADMIN", "SUPERVISOR", "USER", "COMPLIANCE"})
public class AccessPolicy {

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    AppObjects appObjects;

    @Inject
    Licences licences;

    @Inject
    FourEyes fourEyes;

    @Inject
    Caller caller;

    /**
     * The authenticated caller and what they may see; unauthenticated calls are refused here. An administrator viewing
     * as a user of theirs ({@link Caller#viewingAs()}) sees what that user sees.
     */
    public Viewer currentViewer() {
        String name = caller.name();
        UserAccount user = directory.findByUsername(name).orElseThrow(() -> new EJBAccessException("not in the directory"));
        if (caller.viewingAs() != null) {
            return viewerOf(viewableAs(user, caller.viewingAs()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (caller.inRole(role.name())) {
                roles.add(role);
            }
        }
        Set<String> owners = roles.contains(Role.ADMIN) ? Set.of() : visibleOwners(user, roles, true);
        return new Viewer(name, roles, user.getPbx(), owners);
    }

    /** What {@code user} sees by their own role, as an administrator viewing as them sees it (4-eyes grants as they stand). */
    public Viewer viewerOf(UserAccount user) {
        Set<Role> roles = EnumSet.of(user.getRole());
        return new Viewer(user.getUsername(), roles, user.getPbx(), roles.contains(Role.ADMIN) ? Set.of() : visibleOwners(user, roles, true));
    }

    /**
     * What may leave the server on {@code user}'s behalf, when they are not there to ask: a mail to them, a share they
     * made. The same rule, except that users under 4-eyes get nothing: a monitor's grant lasts while the monitor stays
     * signed in, and a mailed or shared copy would outlast it.
     */
    public Viewer viewerInAbsence(UserAccount user) {
        Set<Role> roles = EnumSet.of(user.getRole());
        return new Viewer(user.getUsername(), roles, user.getPbx(), roles.contains(Role.ADMIN) ? Set.of() : visibleOwners(user, roles, false));
    }

    /**
     * The caller, about to change something: refused while an administrator views as a user (that view is read-only,
     * and what they do must not pass for the user's doing).
     */
    public Viewer actingViewer() {
        if (caller.viewingAs() != null) {
            throw new ActionDeniedException("read-only while viewing as " + caller.viewingAs() + "; stop viewing as them first");
        }
        return currentViewer();
    }

    /** A user an administrator may view the recordings as: one of their tenant (the operator: anyone). */
    public UserAccount viewableAs(UserAccount administrator, String username) {
        return directory.findByUsername(username)
                .filter(u -> administrator.getPbx() == null || administrator.getPbx().equals(u.getPbx()))
                .orElseThrow(() -> new NoSuchEntryException("user " + username));
    }

    /** @param grantsCount whether a monitor's open grant lets a user under 4-eyes see (not for what outlasts it) */
    private Set<String> visibleOwners(UserAccount user, Set<Role> roles, boolean grantsCount) {
        List<AppObject> assigned = appObjects.assignedTo(user);
        if (assigned.stream().anyMatch(a -> a.getMonitor() != null) && !(grantsCount && fourEyes.granted(user))) {
            return Viewer.ownersSeen(user.getUsername(), true, Set.of(), Set.of(), Set.of()); // asks nothing more
        }
        Set<String> entries = new HashSet<>();
        assigned.forEach(a -> entries.addAll(a.getAccessList()));
        // an entry is a username, or a number of whoever has it
        List<String> listed = entries.isEmpty() ? List.of() : em.createQuery("select distinct u.username from UserAccount u"
                        + " left join u.numbers n where (u.username in :entries or n in :entries)"
                        + " and (u.pbx = :pbx or (u.pbx is null and :pbx is null))", String.class)
                .setParameter("entries", entries).setParameter("pbx", user.getPbx()).getResultList();
        Set<String> managed = new HashSet<>();
        if (roles.contains(Role.SUPERVISOR)) {
            em.createQuery("select g from UserGroup g join g.managers m where m = :user", UserGroup.class)
                    .setParameter("user", user).getResultList()
                    .forEach(g -> g.getMembers().forEach(m -> managed.add(m.getUsername())));
        }
        return Viewer.ownersSeen(user.getUsername(), false, listed, managed, licences.holders());
    }

    /**
     * The rule as a query condition on recordings: {@code recording} is a query root with the attributes {@code pbx},
     * {@code owner} and {@code onlyMe}, the catalog's recording. {@link Viewer#mayRead} is the same rule on one recording.
     */
    public Predicate visibleTo(Viewer viewer, CriteriaBuilder cb, Root<?> recording) {
        if (viewer.administers()) {
            return viewer.pbx() == null ? cb.conjunction() : cb.equal(recording.get("pbx"), viewer.pbx());
        }
        if (viewer.owners().isEmpty()) {
            return cb.disjunction();
        }
        Predicate owned = recording.get("owner").in(viewer.owners());
        Predicate shown = cb.or(cb.isFalse(recording.get("onlyMe")), cb.equal(recording.get("owner"), viewer.username()));
        return viewer.pbx() == null ? cb.and(owned, shown) : cb.and(cb.equal(recording.get("pbx"), viewer.pbx()), owned, shown);
    }
}
