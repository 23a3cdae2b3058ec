package io.verbatim.lifecycle;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * Where each PBX's policy draws the line now (older than this goes), for every PBX with recordings or for
     * {@code onlyPbx}; a PBX whose policy is off (retention 0) is left out. Fixed as a run's parameter, so a restarted
     * run applies the same rule.
     */
    public Map<String, Instant> cutoffs(Expiry expiry, String onlyPbx, Instant now) {
        List<String> pbxs = onlyPbx != null ? List.of(onlyPbx)
                : em.createQuery("select distinct r.pbx from Recording r order by r.pbx", String.class).getResultList();
        Map<String, Instant> cutoffs = new TreeMap<>();
        for (String pbx : pbxs) {
            cutoff(expiry, pbx, now).ifPresent(c -> cutoffs.put(pbx, c));
        }
        return cutoffs;
    }

    private Optional<Instant> cutoff(Expiry expiry, String pbx, Instant now) {
        int retention = settings.retentionDays(pbx);
        return switch (expiry) {
            case RETENTION -> retention == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(retention)));
            case RECYCLE_PURGE -> Optional.of(now.minus(Duration.ofDays(settings.recycleBinDays(pbx))));
            case LICENCE_GRACE -> Optional.of(now.minus(Duration.ofDays(
                    retention == 0 ? Expiry.LICENCE_GRACE_DAYS : Math.min(retention, Expiry.LICENCE_GRACE_DAYS))));
        };
    }

    /** Cutoffs as a job parameter: {@code pbx=instant} separated by commas (PBX names have neither). */
    public static String format(Map<String, Instant> cutoffs) {
        return cutoffs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The cutoffs of a job parameter made by {@link #format}. */
    public static Map<String, Instant> parse(String parameter) {
        Map<String, Instant> cutoffs = new TreeMap<>();
        for (String pair : parameter.split(",")) {
            int equals = pair.lastIndexOf('=');
            if (equals > 0) {
                cutoffs.put(pair.substring(0, equals), Instant.parse(pair.substring(equals + 1)));
            }
        }
        return cutoffs;
    }

    /** Up to {@code limit} ids the policy covers, after {@code afterId}, ascending. */
    public List<Long> candidates(Expiry expiry, Map<String, Instant> cutoffs, long afterId, int limit) {
        if (cutoffs.isEmpty()) {
            return List.of();
        }
        return query(expiry, cutoffs, "select r.id", " and r.id > :after order by r.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** Erases one recording if its PBX's policy still covers it; @return whether it did. */
    public boolean expire(Expiry expiry, Map<String, Instant> cutoffs, long id) {
        if (cutoffs.isEmpty()) {
            return false;
        }
        List<Recording> still = query(expiry, cutoffs, "select r", " and r.id = :id", Recording.class).setParameter("id", id).getResultList();
        if (still.isEmpty()) {
            return false;
        }
        Recording r = still.get(0);
        actionLog.recordAs(ActionLog.SERVER, expiry.logged(), r, reason(expiry, cutoffs.get(r.getPbx()), r));
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

    /** The policy's rule for each PBX with its own cutoff: {@code (r.pbx = :pbx0 and ... < :cutoff0) or ...}. */
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
        List<String> pbxs = List.copyOf(cutoffs.keySet());
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < pbxs.size(); i++) {
            rule.append(i == 0 ? "(" : " or ").append("(r.pbx = :pbx").append(i).append(" and ")
                    .append(where.replace(":cutoff", ":cutoff" + i)).append(")");
        }
        rule.append(")");
        TypedQuery<T> q = em.createQuery(select + " from Recording r where " + rule + tail, type);
        for (int i = 0; i < pbxs.size(); i++) {
            q.setParameter("pbx" + i, pbxs.get(i)).setParameter("cutoff" + i, cutoffs.get(pbxs.get(i)));
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
