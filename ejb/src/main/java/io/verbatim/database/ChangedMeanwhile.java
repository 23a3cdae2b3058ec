package io.verbatim.database;

import jakarta.persistence.OptimisticLockException;

/**
 * Tells an optimistic-lock conflict (a row's version moved on between reading and writing it: a conversion finishing
 * while an administrator protects the recording, say) from other failures: worth doing again on what is there now.
 */
public final class ChangedMeanwhile {

    /** What a client is told when it meets one. */
    public static final String MESSAGE = "it was changed meanwhile; read it again and retry";

    private ChangedMeanwhile() {
    }

    /** Whether {@code failure}, or anything that caused it, is such a conflict (JPA's or Hibernate's own name for it). */
    public static boolean explains(Throwable failure) {
        return FailureChain.any(failure, t -> t instanceof OptimisticLockException
                || t.getClass().getName().startsWith("org.hibernate.StaleObjectState")
                || t.getClass().getName().equals("org.hibernate.StaleStateException"));
    }
}
