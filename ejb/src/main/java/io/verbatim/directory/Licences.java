package io.verbatim.directory;

import io.verbatim.settings.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Recorder licences: given to users one by one or to a group's members, and held first come, first served when more
 * users are given one than are installed. Until a number is installed (setting {@code licences}) every user given
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

    /** Installed, given and held, with a warning for administrators when more are given than installed. */
    public record Status(Integer installed, int assigned, int held, String warning) {
    }

    /** Usernames whose recordings users may see: those holding a licence. */
    public Set<String> holders() {
        List<String> assigned = assignedInOrder();
        int held = held(assigned.size(), settings.licences());
        LOG.fine(() -> held + " of " + assigned.size() + " users given a licence hold one (installed: " + settings.licences() + ")");
        return new LinkedHashSet<>(assigned.subList(0, held));
    }

    @RolesAllowed("ADMIN")
    public Status status() {
        return currentStatus();
    }

    /** The warning when more users are given a licence than are installed (for the alarm, so no caller is needed). */
    public Optional<String> overAssigned() {
        return Optional.ofNullable(currentStatus().warning());
    }

    private Status currentStatus() {
        int assigned = assignedInOrder().size();
        OptionalInt installed = settings.licences();
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

    /** Active users given a licence (directly or through a group), earliest first. */
    private List<String> assignedInOrder() {
        Map<String, Instant> since = new HashMap<>();
        em.createQuery("select u.username, u.licence.since from UserAccount u where u.active = true and u.licence.given = true", Object[].class)
                .getResultList().forEach(row -> since.merge((String) row[0], orEpoch((Instant) row[1]), Licences::earlier));
        em.createQuery("select m.username, g.licence.since from UserGroup g join g.members m where g.licence.given = true and m.active = true",
                        Object[].class)
                .getResultList().forEach(row -> since.merge((String) row[0], orEpoch((Instant) row[1]), Licences::earlier));
        return since.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static Instant orEpoch(Instant t) {
        return t == null ? Instant.EPOCH : t;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
