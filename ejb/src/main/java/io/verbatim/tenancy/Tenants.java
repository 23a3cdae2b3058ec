package io.verbatim.tenancy;

import io.verbatim.caller.Caller;
import io.verbatim.refusal.InvalidEntryException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The PBXs this deployment serves (the operator's view): those registered with their SIP domain, and those that
 * only appear in uploads or users. Each is isolated from the others by the access rule.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Tenants {

    private static final Logger LOG = Logger.getLogger(Tenants.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

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

    /**
     * The PBXs to pick from (the operator's forms and filters), by name: those registered and those with users; both
     * small tables, where counting the recordings of each ({@link #list}) reads them all.
     */
    @RolesAllowed("ADMIN")
    public List<String> names() {
        if (caller.tenant() != null) {
            return List.of(caller.tenant());
        }
        TreeSet<String> names = new TreeSet<>(em.createQuery("select t.name from Tenant t", String.class).getResultList());
        names.addAll(em.createQuery("select distinct u.pbx from UserAccount u where u.pbx is not null", String.class).getResultList());
        return List.copyOf(names);
    }

    /** The registered PBX of that name, compared without regard to case ({@code BARS.example.com} is {@code bars.example.com}). */
    public Optional<String> registered(String name) {
        return Tenant.registered(em, name).map(Tenant::getName);
    }

    /** The names of every registered PBX, as registered, from one read (a small table: one row a PBX). */
    public List<String> registeredNames() {
        return em.createQuery("select t.name from Tenant t order by t.id", String.class).getResultList();
    }

    /**
     * Registers a PBX a device uploaded to first (registration on first upload is on), in a transaction of its own;
     * @return its name as registered (another upload may have registered it meanwhile)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String registerFromUpload(String name) {
        Optional<String> meanwhile = registered(name);
        if (meanwhile.isPresent()) {
            return meanwhile.get();
        }
        em.persist(new Tenant(name));
        LOG.info("Registered PBX " + name + " at its first upload");
        return name;
    }

    /**
     * Registers a new PBX (the Tenants page).
     *
     * @throws TenantExistsException when one of that name (in any case) is registered already
     */
    @RolesAllowed("ADMIN")
    public TenantProfile register(String name, String domain) {
        operatorOnly();
        String wanted = name == null ? "" : name.trim();
        if (Tenant.isName(wanted) && Tenant.registered(em, wanted).isPresent()) {
            throw new TenantExistsException(Tenant.registered(em, wanted).get().getName());
        }
        return save(wanted, domain);
    }

    /** Registers a PBX, or changes its domain. */
    @RolesAllowed("ADMIN")
    public TenantProfile save(String name, String domain) {
        operatorOnly();
        if (!Tenant.isName(name)) {
            throw new InvalidEntryException(Tenant.NAME_RULE);
        }
        Tenant t = Tenant.registered(em, name).orElseGet(() -> {
                    Tenant created = new Tenant(name);
                    em.persist(created);
                    return created;
                });
        t.setDomain(domain == null || domain.isBlank() ? null : domain.trim());
        return list().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The tenant an entry the caller creates belongs to: their own; the operator names it ({@code null}: none).
     *
     * @throws OtherPbxException when a tenant's administrator names another tenant
     */
    public String tenantFor(String requested) {
        return tenantFor(requested, false);
    }

    /**
     * The caller's entries of an entity kept per PBX (its {@code pbx} field; the operator's own: none): a PBX's
     * administrator, their PBX's; the operator, the PBX named or (none named) their own. By id.
     *
     * @throws OtherPbxException when a tenant's administrator names another tenant
     */
    public <T> List<T> entriesOf(Class<T> entity, String requested) {
        String scope = tenantFor(requested);
        TypedQuery<T> entries = em.createQuery("select e from " + entity.getSimpleName() + " e where "
                + (scope == null ? "e.pbx is null" : "e.pbx = :pbx") + " order by e.id", entity);
        if (scope != null) {
            entries.setParameter("pbx", scope);
        }
        return List.copyOf(entries.getResultList());
    }

    /** Whether the caller administers what belongs to {@code pbx} ({@code null}: the operator's): the operator, all. */
    public boolean administers(String pbx) {
        String tenant = caller.tenant();
        return tenant == null || tenant.equals(pbx);
    }

    /** As {@link #tenantFor(String)}, for something the caller creates there: a PBX the operator names is registered. */
    public String tenantForNew(String requested) {
        return tenantFor(requested, true);
    }

    private String tenantFor(String requested, boolean registering) {
        String tenant = caller.tenant();
        String pbx = requested == null || requested.isBlank() ? null : requested.trim();
        if (tenant == null) {
            return pbx == null ? null : registered(pbx, registering);
        }
        if (pbx != null && pbx.equalsIgnoreCase(tenant)) {
            return tenant;
        }
        if (pbx != null && !pbx.equals(tenant)) {
            throw new OtherPbxException();
        }
        return tenant;
    }

    /**
     * A PBX the operator names, as registered (compared without case); one not registered yet is, as the operator
     * meant it (a user, a group, settings for it).
     */
    private String registered(String pbx, boolean registering) {
        return registered(pbx).orElseGet(() -> {
                    if (!Tenant.isName(pbx)) {
                        throw new InvalidEntryException(Tenant.NAME_RULE);
                    }
                    if (registering) {
                        em.persist(new Tenant(pbx));
                    }
                    return pbx;
                });
    }

    private Map<String, Long> counts(String query) {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery(query, Object[].class).getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    private void operatorOnly() {
        if (caller.tenant() != null) {
            throw new EJBAccessException("only the operator manages PBXs");
        }
    }
}
