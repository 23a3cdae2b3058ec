package io.verbatim.lifecycle;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.directory.Licences;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingState;
import io.verbatim.settings.Settings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the lifecycle jobs delete: for a policy and each PBX's cutoff (from that PBX's settings) fixed when the job starts (so a restarted run applies
 * the same rule), the recordings it covers, in id order, so a job can checkpoint by the last id it finished. Each
 * recording is checked again as it is erased (it may have been protected or restored meanwhile) and logged.
 */
@Stateless
public class RecordingExpiry {

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Licences licences;

    @Inject
    ActionLog actionLog;

    @Inject
    Erasure erasure;

    /** In cutoffs: every PBX not named, whose policy is the default's. */
    public static final String OTHERS = "*";

    /**
     * Where each PBX's policy draws the line now (older than this goes; {@code null}: the policy is off there): for
     * {@code onlyPbx}, or for every PBX: {@link #OTHERS} with the default's line, and the PBXs with a policy of their
     * own by name (so the parameter grows with those, not with all PBXs). Fixed as a run's parameter, so a restarted
     * run applies the same rule.
     */
    public Map<String, Instant> cutoffs(Expiry expiry, String onlyPbx, Instant now) {
        Map<String, Instant> cutoffs = new TreeMap<>();
        if (onlyPbx != null) {
            cutoffs.put(onlyPbx, cutoff(expiry, onlyPbx, now).orElse(null));
            return cutoffs;
        }
        cutoffs.put(OTHERS, cutoff(expiry, null, now).orElse(null));
        // the recycle bin's line comes from its own days; retention's and the licence grace's from the retention days
        Set<String> own = new TreeSet<>(settings.pbxsWithOwn(expiry == Expiry.RECYCLE_PURGE ? LifecycleSettings.RECYCLE_BIN_DAYS : LifecycleSettings.RETENTION_DAYS));
        for (String pbx : own) {
            cutoffs.put(pbx, cutoff(expiry, pbx, now).orElse(null));
        }
        return cutoffs;
    }

    /** Whether any line is drawn (a run with none would delete nothing). */
    public static boolean anyOn(Map<String, Instant> cutoffs) {
        return cutoffs.values().stream().anyMatch(Objects::nonNull);
    }

    private Optional<Instant> cutoff(Expiry expiry, String pbx, Instant now) {
        return expiry.cutoff(now, settings.get(pbx, LifecycleSettings.RETENTION_DAYS).intValue(), settings.get(pbx, LifecycleSettings.RECYCLE_BIN_DAYS).intValue());
    }

    /** Cutoffs as a job parameter: {@code pbx=instant} or {@code pbx=off}, separated by commas (PBX names have neither). */
    public static String format(Map<String, Instant> cutoffs) {
        return cutoffs.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? "off" : e.getValue()))
                .collect(Collectors.joining(","));
    }

    /** The cutoffs of a job parameter made by {@link #format}; a bare instant (a run started before PBXs had policies) is everyone's. */
    public static Map<String, Instant> parse(String parameter) {
        Map<String, Instant> cutoffs = new TreeMap<>();
        if (!parameter.contains("=")) {
            cutoffs.put(OTHERS, Instant.parse(parameter.trim()));
            return cutoffs;
        }
        for (String pair : parameter.split(",")) {
            int equals = pair.lastIndexOf('=');
            if (equals > 0) {
                String value = pair.substring(equals + 1);
                cutoffs.put(pair.substring(0, equals), value.equals("off") ? null : Instant.parse(value));
            }
        }
        return cutoffs;
    }

    /** How many recordings the policy covers now: what a run would delete. */
    public long due(Expiry expiry, Map<String, Instant> cutoffs) {
        return anyOn(cutoffs) ? query(expiry, cutoffs, "select count(r)", "", Long.class).getSingleResult() : 0;
    }

    /** Up to {@code limit} ids the policy covers, after {@code afterId}, ascending. */
    public List<Long> candidates(Expiry expiry, Map<String, Instant> cutoffs, long afterId, int limit) {
        if (!anyOn(cutoffs)) {
            return List.of();
        }
        return query(expiry, cutoffs, "select r.id", " and r.id > :after order by r.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** Erases one recording if its PBX's policy still covers it; @return whether it did. */
    public boolean expire(Expiry expiry, Map<String, Instant> cutoffs, long id) {
        if (!anyOn(cutoffs)) {
            return false;
        }
        List<Recording> still = query(expiry, cutoffs, "select r", " and r.id = :id", Recording.class).setParameter("id", id).getResultList();
        if (still.isEmpty()) {
            return false;
        }
        Recording r = still.get(0);
        actionLog.recordAs(ActionLog.SERVER, expiry.logged(), r, reason(expiry, cutoffs.containsKey(r.getPbx()) ? cutoffs.get(r.getPbx()) : cutoffs.get(OTHERS), r));
        erasure.erase(r);
        return true;
    }

    /**
     * Erases a recording an export target now holds, whose keeping is the target's from now on ("delete after export"):
     * not a protected one, nor one in the recycle bin's hands. @return whether it did
     */
    public boolean handOver(long id, String detail) {
        Recording r = em.find(Recording.class, id);
        if (r == null || r.isProtected() || r.getDeletedAt() != null) {
            return false;
        }
        actionLog.recordAs(ActionLog.SERVER, Action.ARCHIVE_HANDOVER, r, detail);
        erasure.erase(r);
        return true;
    }

    private static String reason(Expiry expiry, Instant cutoff, Recording r) {
        return switch (expiry) {
            case RETENTION -> "retention: recorded before " + cutoff;
            case RECYCLE_PURGE -> "recycle bin: deleted by " + r.getDeletedBy() + " at " + r.getDeletedAt() + ", before " + cutoff;
            case LICENCE_GRACE -> "licence grace: " + r.getOwner() + " holds no recorder licence; recorded before " + cutoff;
        };
    }

    /**
     * The policy's rule with each PBX's cutoff: {@code (r.pbx = :pbx0 and ... < :cutoff0) or ...}, and for
     * {@link #OTHERS} every PBX not named ({@code r.pbx not in :named}); PBXs whose policy is off are left out.
     */
    private <T> TypedQuery<T> query(Expiry expiry, Map<String, Instant> cutoffs, String select, String tail, Class<T> type) {
        String when = "coalesce(r.startedAt, r.receivedAt) < :cutoff";
        String where = switch (expiry) {
            case RETENTION -> "r.protectedAt is null and r.state <> :converting and " + when;
            case RECYCLE_PURGE -> "r.deletedAt is not null and r.deletedAt < :cutoff";
            // only owners who are users of the recording's PBX: unassigned recordings wait for an administrator
            case LICENCE_GRACE -> "r.protectedAt is null and r.state <> :converting and " + when
                    + " and exists (select u.id from UserAccount u where u.username = r.owner and u.pbx = r.pbx)"
                    + " and r.owner not in :holders";
        };
        List<String> named = cutoffs.keySet().stream().filter(p -> !p.equals(OTHERS)).toList();
        List<String> on = cutoffs.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < on.size(); i++) {
            String pbx = on.get(i).equals(OTHERS) ? (named.isEmpty() ? "" : "r.pbx not in :named and ") : "r.pbx = :pbx" + i + " and ";
            rule.append(i == 0 ? "(" : " or ").append("(").append(pbx).append(where.replace(":cutoff", ":cutoff" + i)).append(")");
        }
        rule.append(")");
        TypedQuery<T> q = em.createQuery(select + " from Recording r where " + rule + tail, type);
        for (int i = 0; i < on.size(); i++) {
            q.setParameter("cutoff" + i, cutoffs.get(on.get(i)));
            if (on.get(i).equals(OTHERS)) {
                if (!named.isEmpty()) {
                    q.setParameter("named", named);
                }
            } else {
                q.setParameter("pbx" + i, on.get(i));
            }
        }
        if (expiry != Expiry.RECYCLE_PURGE) {
            q.setParameter("converting", RecordingState.CONVERTING);
        }
        if (expiry == Expiry.LICENCE_GRACE) {
            Set<String> holders = licences.holders();
            q.setParameter("holders", holders.isEmpty() ? Set.of("") : holders); // "not in ()" is not SQL
        }
        return q;
    }
}
