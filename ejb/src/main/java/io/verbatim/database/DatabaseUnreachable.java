package io.verbatim.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells a failure of the database connection (server stopped, network gone, pool unable to connect) from every other
 * error, so that callers answer "try again shortly" (503) instead of an internal error, and say why.
 */
public final class DatabaseUnreachable {

    /** What a device, a page or an API client is told while it lasts. */
    public static final String MESSAGE = "the database is not reachable; nothing was changed. Try again in a minute";

    /** This node's current outage, as far as requests and workers have met it; null while none was met. */
    private static final AtomicReference<Outage> OUTAGE = new AtomicReference<>();

    /** When requests first and last met the database away, and how often. */
    public record Outage(Instant first, Instant last, long failures) {
        Outage again(Instant now) {
            return new Outage(first, now, failures + 1);
        }
    }

    private DatabaseUnreachable() {
    }

    /**
     * Whether {@code failure}, or anything that caused it, is a lost or refused database connection; one that is is
     * remembered, so that the outage is reported (an alarm) once the database answers again.
     */
    public static boolean explains(Throwable failure) {
        boolean lost = lostConnection(failure);
        if (lost) {
            Instant now = Instant.now();
            OUTAGE.accumulateAndGet(new Outage(now, now, 1), (was, met) -> was == null ? met : was.again(now));
        }
        return lost;
    }

    /** What to say of {@code failure} when it {@link #explains explains} it: unknown whether a change was made, when it was lost committing. */
    public static String messageFor(Throwable failure) {
        return lostCommitting(failure) ? LOST_COMMITTING : MESSAGE;
    }

    /** The transaction manager's word for a commit whose one resource went as it committed (it carries no cause). */
    private static final String LOST_COMMITTING_TYPE = "jakarta.transaction.HeuristicMixedException";

    /** Said when the database went as a change was being committed: the change may or may not have been stored. */
    static final String LOST_COMMITTING = "the database went away while the change was being stored: it may or may not have been"
            + " made. Look again in a minute";

    /** The outage met and not yet told, if any. */
    public static Optional<Outage> outage() {
        return Optional.ofNullable(OUTAGE.get());
    }

    /** The outage has been told: forgotten, unless it went on meanwhile. */
    public static void forget(Outage told) {
        OUTAGE.compareAndSet(told, null);
    }

    /** IronJacamar's word for a statement on a connection it destroyed after a connection error. */
    private static final String DESTROYED_CONNECTION = "IJ031040";

    private static boolean lostConnection(Throwable failure) {
        return FailureChain.any(failure, DatabaseUnreachable::isLostConnection);
    }

    private static boolean isLostConnection(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true; // SQL state class 08: connection exception
        }
        if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().startsWith(DESTROYED_CONNECTION)) {
            // the pool destroyed the connection on an earlier error in the same transaction; Hibernate's find() returns
            // null for that earlier error (HHH-12472), so this is the first one a caller sees
            return true;
        }
        String type = t.getClass().getName();
        return type.equals("jakarta.resource.ResourceException") || type.equals("org.hibernate.exception.JDBCConnectionException")
                || type.startsWith("jakarta.resource.spi.") && type.endsWith("Exception") // the pool could not get a connection at all
                // the database, our one resource, went while it committed: the transaction manager knows no more
                // (measured: DatabaseDownIT's bulk action, the database stopped mid-commit), nor do we
                || type.equals(LOST_COMMITTING_TYPE);
    }

    private static boolean lostCommitting(Throwable failure) {
        return FailureChain.any(failure, t -> t.getClass().getName().equals(LOST_COMMITTING_TYPE));
    }
}
