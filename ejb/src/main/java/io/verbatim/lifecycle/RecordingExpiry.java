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
import java.util.Optional;
import java.util.Set;

/**
 * What the lifecycle jobs delete: for a policy and a cutoff fixed when the job starts (so a restarted run applies
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

    /** Where the policy draws the line now: older than this goes; empty when the policy is off (retention 0). */
    public Optional<Instant> cutoff(Expiry expiry, Instant now) {
        int retention = settings.retentionDays();
        return switch (expiry) {
            case RETENTION -> retention == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(retention)));
            case RECYCLE_PURGE -> Optional.of(now.minus(Duration.ofDays(settings.recycleBinDays())));
            case LICENCE_GRACE -> Optional.of(now.minus(Duration.ofDays(
                    retention == 0 ? Expiry.LICENCE_GRACE_DAYS : Math.min(retention, Expiry.LICENCE_GRACE_DAYS))));
        };
    }

    /** Up to {@code limit} ids the policy covers, after {@code afterId}, ascending. */
    public List<Long> candidates(Expiry expiry, Instant cutoff, long afterId, int limit) {
        return query(expiry, cutoff, "select r.id", " and r.id > :after order by r.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** Erases one recording if the policy still covers it; @return whether it did. */
    public boolean expire(Expiry expiry, Instant cutoff, long id) {
        List<Recording> still = query(expiry, cutoff, "select r", " and r.id = :id", Recording.class).setParameter("id", id).getResultList();
        if (still.isEmpty()) {
            return false;
        }
        Recording r = still.get(0);
        actionLog.recordAs(ActionLog.SERVER, expiry.logged(), r, reason(expiry, cutoff, r));
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

    private <T> TypedQuery<T> query(Expiry expiry, Instant cutoff, String select, String tail, Class<T> type) {
        String when = "coalesce(r.startedAt, r.receivedAt) < :cutoff";
        String where = switch (expiry) {
            case RETENTION -> "r.protectedAt is null and r.state <> :converting and " + when;
            case RECYCLE_PURGE -> "r.deletedAt is not null and r.deletedAt < :cutoff";
            // only owners who are users of the recording's PBX: unassigned recordings wait for an administrator
            case LICENCE_GRACE -> "r.protectedAt is null and r.state <> :converting and " + when
                    + " and exists (select u.id from UserAccount u where u.username = r.owner and u.pbx = r.pbx)"
                    + " and r.owner not in :holders";
        };
        TypedQuery<T> q = em.createQuery(select + " from Recording r where " + where + tail, type).setParameter("cutoff", cutoff);
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
