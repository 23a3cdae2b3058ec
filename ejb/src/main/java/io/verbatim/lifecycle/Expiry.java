package io.verbatim.lifecycle;

import io.verbatim.audit.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The policies that delete recordings by age, each run as a batch job of the same name ({@code jobs.JobName}): retention (unprotected
 * recordings older than the TTL), the recycle bin's purge, and the licence grace (recordings of users without a
 * recorder licence, after 30 days or the TTL if shorter).
 */
public enum Expiry {
    RETENTION(Action.TIMEOUT),
    RECYCLE_PURGE(Action.PURGE),
    LICENCE_GRACE(Action.LICENCE_GRACE);

    /** The grace period for recordings of users without a recorder licence (innovaphone: 30 days). */
    public static final int LICENCE_GRACE_DAYS = 30;

    private final Action logged;

    Expiry(Action logged) {
        this.logged = logged;
    }

    Action logged() {
        return logged;
    }

    /**
     * Where this policy draws the line at {@code now} for a PBX with these settings: what was recorded (retention,
     * licence grace) or deleted (recycle bin) before it goes; empty when the policy is off. Retention of 0 days is
     * off; the licence grace is {@value #LICENCE_GRACE_DAYS} days, or the retention if that is shorter.
     */
    public Optional<Instant> cutoff(Instant now, int retentionDays, int recycleBinDays) {
        return switch (this) {
            case RETENTION -> retentionDays == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(retentionDays)));
            case RECYCLE_PURGE -> Optional.of(now.minus(Duration.ofDays(recycleBinDays)));
            case LICENCE_GRACE -> Optional.of(now.minus(Duration.ofDays(
                    retentionDays == 0 ? LICENCE_GRACE_DAYS : Math.min(retentionDays, LICENCE_GRACE_DAYS))));
        };
    }

}
