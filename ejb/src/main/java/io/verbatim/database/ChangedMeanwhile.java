package io.verbatim.database;

import jakarta.persistence.OptimisticLockException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Tells an optimistic-lock conflict (a row's version moved on between reading and writing it: a conversion finishing
 * while an administrator protects the recording, say) from other failures: worth doing again on what is there now.
 */
public final class ChangedMeanwhile {

    /** What a client is told when it meets one. */
    public static final String MESSAGE = "it was changed meanwhile; read it again and retry";

    /** A recording being converted changes a few times in a second (claimed, converted, sealed): one try for each. */
    public static final int ATTEMPTS = 4;

    private ChangedMeanwhile() {
    }

    /** Whether {@code failure}, or anything that caused it, is such a conflict (JPA's or Hibernate's own name for it). */
    public static boolean explains(Throwable failure) {
        return FailureChain.any(failure, t -> t instanceof OptimisticLockException
                || t.getClass().getName().startsWith("org.hibernate.StaleObjectState")
                || t.getClass().getName().equals("org.hibernate.StaleStateException"));
    }

    /**
     * Does {@code work} again, up to {@link #ATTEMPTS} times in all, while it fails with such a conflict, so that its
     * rules run again on what is there now; the last conflict is thrown when each attempt met one. {@code work} must
     * be a transaction of its own (a bean's method called from outside any transaction): one that was rolled back
     * cannot be tried again from inside.
     */
    public static <T> T retried(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !explains(e)) {
                    throw e;
                }
                pauseBeforeAttempt(attempt + 1); // two that met here would meet again at once
                if (Thread.currentThread().isInterrupted()) { // stopping: the database is not to be touched again
                    throw e;
                }
            }
        }
    }

    /** A few milliseconds, more for each attempt and at random, so that writers who collided part. */
    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
