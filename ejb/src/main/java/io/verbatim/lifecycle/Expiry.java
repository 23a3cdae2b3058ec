package io.verbatim.lifecycle;

import io.verbatim.audit.Action;
import java.util.Locale;

/**
 * The policies that delete recordings by age, each run as a batch job of the same name: retention (unprotected
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

    /** The batch job's name, e.g. {@code recycle-purge}. */
    public String jobName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Expiry ofJob(String jobName) {
        for (Expiry e : values()) {
            if (e.jobName().equals(jobName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no lifecycle job " + jobName);
    }
}
