package io.verbatim.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure of the database connection (server stopped, network gone, pool unable to connect) from every other
 * error, so that callers answer "try again shortly" (503) instead of an internal error, and say why.
 */
public final class DatabaseUnreachable {

    /** What a device, a page or an API client is told while it lasts. */
    public static final String MESSAGE = "the database is not reachable; nothing was changed. Try again in a minute";

    private DatabaseUnreachable() {
    }

    /** Whether {@code failure}, or anything that caused it, is a lost or refused database connection. */
    public static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
            String type = t.getClass().getName();
            if (type.equals("jakarta.resource.ResourceException") || type.equals("org.hibernate.exception.JDBCConnectionException")
                    || type.startsWith("jakarta.resource.spi.") && type.endsWith("Exception")) {
                return true; // the connection pool could not get a connection at all
            }
        }
        return false;
    }
}
