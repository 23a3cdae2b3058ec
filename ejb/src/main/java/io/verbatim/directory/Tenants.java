package io.verbatim.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The PBXs this deployment serves (the operator's view): those registered with their SIP domain, and those that
 * only appear in uploads or users. Each is isolated from the others by the access rule.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Tenants {

    /** As upload URLs accept them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @RolesAllowed("ADMIN")
    public List<TenantProfile> list() {
        operatorOnly();
        Map<String, Tenant> registered = new HashMap<>();
        em.createQuery("select t from Tenant t", Tenant.class).getResultList().forEach(t -> registered.put(t.getName(), t));
        Map<String, Long> users = counts("select u.pbx, count(u) from UserAccount u where u.pbx is not null group by u.pbx");
        Map<String, Long> recordings = counts("select r.pbx, count(r) from Recording r group by r.pbx");
        TreeSet<String> names = new TreeSet<>(registered.keySet());
        names.addAll(users.keySet());
        names.addAll(recordings.keySet());
        return names.stream().map(name -> new TenantProfile(name, registered.containsKey(name) ? registered.get(name).getDomain() : null,
                registered.containsKey(name), users.getOrDefault(name, 0L), recordings.getOrDefault(name, 0L))).toList();
    }

    /** Registers a PBX, or changes its domain. */
    @RolesAllowed("ADMIN")
    public TenantProfile save(String name, String domain) {
        operatorOnly();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidEntryException("a PBX name has 1 to 100 letters, digits, '.', '_' or '-'");
        }
        Tenant t = em.createQuery("select t from Tenant t where t.name = :name", Tenant.class).setParameter("name", name)
                .getResultStream().findFirst().orElseGet(() -> {
                    Tenant created = new Tenant(name);
                    em.persist(created);
                    return created;
                });
        t.setDomain(domain == null || domain.isBlank() ? null : domain.trim());
        return list().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private Map<String, Long> counts(String query) {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery(query, Object[].class).getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    private void operatorOnly() {
        if (directory.callerTenant() != null) {
            throw new EJBAccessException("only the operator manages PBXs");
        }
    }
}
