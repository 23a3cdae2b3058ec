package io.verbatim.access;

import io.verbatim.caller.Caller;
import io.verbatim.directory.Directory;
import io.verbatim.directory.Groups;
import io.verbatim.directory.UserAccount;
import io.verbatim.directory.UserGroup;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Administration of app objects, within the caller's tenant. */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class AppObjects {

    /** A phone number as PBXs write them: digits, optionally a leading +, spaces, dashes, dots or brackets between. */
    private static final Pattern ACCESS_LIST_NUMBER = Pattern.compile("\\+?[0-9][0-9 ()./-]*");

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @Inject
    Groups groupsOfPbx;

    @RolesAllowed("ADMIN")
    public List<AppObjectProfile> list() {
        String pbx = caller.tenant();
        return em.createQuery("select a from AppObject a where (:all = true or a.pbx = :pbx) order by a.name", AppObject.class)
                .setParameter("all", pbx == null).setParameter("pbx", pbx)
                .getResultList().stream().map(AppObjectProfile::of).toList();
    }

    @RolesAllowed("ADMIN")
    public AppObjectProfile get(String name) {
        return AppObjectProfile.of(managed(name));
    }

    /** Creates the app object, or replaces the given parts of it when it exists. */
    @RolesAllowed("ADMIN")
    public AppObjectProfile save(String name, AppObjectProfile wanted) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new InvalidEntryException("an app object needs a name of at most 255 characters");
        }
        String pbx = tenants.tenantForNew(wanted.pbx());
        AppObject a = find(name, pbx).orElseGet(() -> {
            AppObject created = new AppObject(pbx, name);
            em.persist(created);
            return created;
        });
        if (wanted.members() != null) {
            Set<UserAccount> users = new HashSet<>();
            Set<UserGroup> groups = new HashSet<>();
            for (String member : wanted.members()) {
                Optional<UserGroup> group = groupsOfPbx.findGroup(member, a.getPbx());
                if (group.isPresent()) {
                    groups.add(group.get());
                } else {
                    users.addAll(directory.tenantUsers(Set.of(member), a.getPbx()));
                }
            }
            a.setUsers(users);
            a.setGroups(groups);
        }
        if (wanted.accessList() != null) {
            for (String entry : wanted.accessList()) {
                if (entry == null || entry.isBlank() || entry.length() > 255) {
                    throw new InvalidEntryException("access list entries are usernames or numbers");
                }
                // a typo would silently grant nothing (or, later, whoever takes that name): refused instead
                if (!ACCESS_LIST_NUMBER.matcher(entry.trim()).matches()
                        && directory.findByUsername(entry.trim()).filter(u -> Objects.equals(u.getPbx(), a.getPbx())).isEmpty()) {
                    throw new InvalidEntryException("access list entry '" + entry.trim() + "' is neither a user of "
                            + (a.getPbx() == null ? "the operator" : "PBX " + a.getPbx()) + " nor a number");
                }
            }
            a.setAccessList(wanted.accessList());
        }
        if (wanted.deletionMode() != null) {
            a.setDeletionMode(wanted.deletionMode());
        }
        if (wanted.monitor() != null) {
            a.setMonitor(wanted.monitor().isBlank() ? null
                    : directory.tenantUsers(Set.of(wanted.monitor()), a.getPbx()).iterator().next());
        }
        return AppObjectProfile.of(a);
    }

    @RolesAllowed("ADMIN")
    public void delete(String name) {
        em.remove(managed(name));
    }

    /** An app object the caller administers by name: of their tenant; for the operator, of whichever tenant has it (oldest first). */
    private AppObject managed(String name) {
        String tenant = caller.tenant();
        return em.createQuery("select a from AppObject a where a.name = :name and (:all = true or a.pbx = :pbx) order by a.id",
                        AppObject.class)
                .setParameter("name", name).setParameter("all", tenant == null).setParameter("pbx", tenant)
                .getResultStream().findFirst().orElseThrow(() -> new NoSuchEntryException("app object " + name));
    }

    private Optional<AppObject> find(String name, String pbx) {
        return em.createQuery("select a from AppObject a where a.name = :name and (a.pbx = :pbx or (a.pbx is null and :pbx is null))",
                        AppObject.class)
                .setParameter("name", name).setParameter("pbx", pbx)
                .getResultStream().findFirst();
    }

    /** The app objects a user is assigned to, directly or through a group. */
    public List<AppObject> assignedTo(UserAccount user) {
        return em.createQuery("select distinct a from AppObject a left join a.users u left join a.groups g left join g.members m"
                        + " where u = :user or m = :user", AppObject.class)
                .setParameter("user", user).getResultList()
                .stream().filter(a -> Objects.equals(a.getPbx(), user.getPbx())).toList();
    }

    /** What deleting does for a user, and the app object that says so ({@code null} when none does). */
    public record DeletionRule(DeletionMode mode, String appObject) {
    }

    /**
     * How deleting works for a user: their app object's deletion mode; on several, the strictest (denied, then
     * recoverable, then permanent); on none, into the recycle bin.
     */
    public DeletionRule deletionRuleFor(UserAccount user) {
        DeletionRule rule = new DeletionRule(DeletionMode.RECOVERABLE, null);
        for (AppObject a : assignedTo(user)) {
            if (rule.appObject() == null || strictness(a.getDeletionMode()) > strictness(rule.mode())) {
                rule = new DeletionRule(a.getDeletionMode(), a.getName());
            }
        }
        return rule;
    }

    private static int strictness(DeletionMode mode) {
        return switch (mode) {
            case PERMANENT -> 0;
            case RECOVERABLE -> 1;
            case DENIED -> 2;
        };
    }
}
