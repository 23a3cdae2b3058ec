package io.verbatim.directory;

import io.verbatim.settings.Settings;
import io.verbatim.tenancy.Tenants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Recorder licences, installed per PBX: given to users one by one or to a group's members, and held first come, first
 * served within their PBX when more users are given one than that PBX has installed. Until a number is installed (setting {@code licences}) every user given
 * one holds it.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Licences {

    private static final Logger LOG = Logger.getLogger(Licences.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Tenants tenants;

    /** Installed, given and held, with a warning for administrators when more are given than installed. */
    public record Status(Integer installed, int assigned, int held, String warning) {
    }

    /** Usernames whose recordings users may see: those holding a licence of their PBX. */
    public Set<String> holders() {
        Set<String> holders = new LinkedHashSet<>();
        assignedByPbx().forEach((pbx, assigned) -> {
            int held = held(assigned.size(), settings.licences(pbx));
            LOG.fine(() -> held + " of " + assigned.size() + " users of " + pbx + " given a licence hold one (installed: " + settings.licences(pbx) + ")");
            holders.addAll(assigned.subList(0, held));
        });
        return holders;
    }

    /** The caller's PBX's licences; for the operator, all PBXs' together, with the default number installed. */
    @RolesAllowed("ADMIN")
    public Status status() {
        return status(null);
    }

    /**
     * A PBX's licences: the caller's own (a PBX's administrator); the operator's choice ({@code null}: all together).
     *
     * @throws io.verbatim.tenancy.OtherPbxException when a PBX's administrator names another PBX
     */
    @RolesAllowed("ADMIN")
    public Status status(String pbx) {
        String tenant = tenants.tenantFor(pbx);
        Map<String, List<String>> assigned = assignedByPbx();
        if (tenant != null) {
            return status(tenant, assigned.getOrDefault(tenant, List.of()).size());
        }
        int given = 0;
        int held = 0;
        for (Map.Entry<String, List<String>> each : assigned.entrySet()) {
            given += each.getValue().size();
            held += held(each.getValue().size(), settings.licences(each.getKey()));
        }
        OptionalInt installed = settings.licences(null);
        return new Status(installed.isPresent() ? installed.getAsInt() : null, given, held, overAssigned(assigned).orElse(null));
    }

    /** The warning for each PBX where more users are given a licence than are installed (for the alarm: no caller is needed). */
    public Optional<String> overAssigned() {
        return overAssigned(assignedByPbx());
    }

    private Optional<String> overAssigned(Map<String, List<String>> assignedByPbx) {
        List<String> warnings = new ArrayList<>();
        assignedByPbx.forEach((pbx, assigned) -> {
            String warning = status(pbx, assigned.size()).warning();
            if (warning != null) {
                warnings.add(pbx == null ? warning : pbx + ": " + warning);
            }
        });
        return warnings.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", warnings));
    }

    private Status status(String pbx, int assigned) {
        OptionalInt installed = settings.licences(pbx);
        int held = held(assigned, installed);
        if (installed.isEmpty()) {
            return new Status(null, assigned, held, null);
        }
        String warning = assigned > installed.getAsInt()
                ? assigned + " users are given a recorder licence but " + installed.getAsInt() + " are installed: the "
                + (assigned - held) + " given one last hold none, and their recordings are hidden from users"
                : null;
        return new Status(installed.getAsInt(), assigned, held, warning);
    }

    /** How many of those given a licence hold one: all until a number is installed, then no more than are installed. */
    private static int held(int assigned, OptionalInt installed) {
        return installed.isPresent() ? Math.min(installed.getAsInt(), assigned) : assigned;
    }

    /** Active users given a licence (directly or through a group), by PBX (a licence is its PBX's), earliest first. */
    private Map<String, List<String>> assignedByPbx() {
        Map<String, Instant> since = new HashMap<>();
        Map<String, String> pbxOf = new HashMap<>();
        em.createQuery("select u.username, u.licence.since, u.pbx from UserAccount u where u.active = true and u.licence.given = true", Object[].class)
                .getResultList().forEach(row -> {
                    since.merge((String) row[0], orEpoch((Instant) row[1]), Licences::earlier);
                    pbxOf.put((String) row[0], (String) row[2]);
                });
        em.createQuery("select m.username, g.licence.since, m.pbx from UserGroup g join g.members m where g.licence.given = true and m.active = true",
                        Object[].class)
                .getResultList().forEach(row -> {
                    since.merge((String) row[0], orEpoch((Instant) row[1]), Licences::earlier);
                    pbxOf.put((String) row[0], (String) row[2]);
                });
        Map<String, List<String>> byPbx = new HashMap<>(); // a HashMap: the operator's users are under null
        since.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> byPbx.computeIfAbsent(pbxOf.get(e.getKey()), p -> new ArrayList<>()).add(e.getKey()));
        return byPbx;
    }

    private static Instant orEpoch(Instant t) {
        return t == null ? Instant.EPOCH : t;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
