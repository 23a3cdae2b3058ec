package io.verbatim.directory;

import io.verbatim.caller.Caller;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Groups of a PBX's users: their members, the supervisors who manage them (and so hear their members' recordings),
 * their time zone and licence, and their administration. A tenant's administrators manage their own tenant's only.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Groups {

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    @RolesAllowed("ADMIN")
    public List<GroupProfile> groups() {
        String pbx = caller.tenant();
        return em.createQuery("select g from UserGroup g where (:all = true or g.pbx = :pbx) order by g.name", UserGroup.class)
                .setParameter("all", pbx == null).setParameter("pbx", pbx)
                .getResultList().stream().map(GroupProfile::of).toList();
    }

    @RolesAllowed("ADMIN")
    public GroupProfile group(String name) {
        return GroupProfile.of(managedGroup(name));
    }

    /**
     * Creates a new group; a name taken in its PBX is refused, never overwritten (a page's "New group" must not replace
     * an existing group's members and licence).
     */
    @RolesAllowed("ADMIN")
    public GroupProfile createGroup(String name, GroupProfile wanted) {
        if (name != null && findGroup(name, tenants.tenantForNew(wanted.pbx())).isPresent()) {
            throw new DirectoryConflictException("a group named " + name + " exists already: edit it, or choose another name");
        }
        return saveGroup(name, wanted);
    }

    /** Creates the group, or replaces its timezone, members and managers when it exists. */
    @RolesAllowed("ADMIN")
    public GroupProfile saveGroup(String name, GroupProfile wanted) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new InvalidEntryException("a group needs a name of at most 255 characters");
        }
        String pbx = tenants.tenantForNew(wanted.pbx());
        UserGroup g = findGroup(name, pbx).orElseGet(() -> {
            UserGroup created = new UserGroup(pbx, name);
            em.persist(created);
            return created;
        });
        if (wanted.timezone() != null) {
            g.setTimezone(Directory.zone(wanted.timezone()));
        }
        if (wanted.licensed() != null) {
            g.setLicensed(wanted.licensed());
        }
        if (wanted.members() != null) {
            g.setMembers(directory.tenantUsers(wanted.members(), g.getPbx()));
        }
        if (wanted.managers() != null) {
            Set<UserAccount> managers = directory.tenantUsers(wanted.managers(), g.getPbx());
            for (UserAccount m : managers) {
                if (m.getRole() != Role.SUPERVISOR && m.getRole() != Role.ADMIN) {
                    throw new InvalidEntryException(m.getUsername() + " cannot manage a group: not a supervisor");
                }
            }
            g.setManagers(managers);
        }
        return GroupProfile.of(g);
    }

    @RolesAllowed("ADMIN")
    public void deleteGroup(String name) {
        em.remove(managedGroup(name));
    }

    /** A group of a tenant by name. */
    public Optional<UserGroup> findGroup(String name, String pbx) {
        return em.createQuery("select g from UserGroup g where g.name = :name and (g.pbx = :pbx or (g.pbx is null and :pbx is null))",
                        UserGroup.class)
                .setParameter("name", name).setParameter("pbx", pbx)
                .getResultStream().findFirst();
    }

    /** A group the caller administers by name: of their tenant; for the operator, of whichever tenant has it (oldest first). */
    private UserGroup managedGroup(String name) {
        String tenant = caller.tenant();
        return em.createQuery("select g from UserGroup g where g.name = :name and (:all = true or g.pbx = :pbx) order by g.id",
                        UserGroup.class)
                .setParameter("name", name).setParameter("all", tenant == null).setParameter("pbx", tenant)
                .getResultStream().findFirst().orElseThrow(() -> new NoSuchEntryException("group " + name));
    }
}
