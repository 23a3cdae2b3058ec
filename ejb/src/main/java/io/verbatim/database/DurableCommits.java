package io.verbatim.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What makes a committed transaction survive a power cut before someone is told it is stored. PostgreSQL does at
 * every commit ({@code synchronous_commit}, on as shipped; a start with it off is logged). The embedded H2 writes
 * each commit to the file ({@code WRITE_DELAY=0} in the data source) but syncs it only when asked, so here each
 * caller asks: one {@code CHECKPOINT SYNC} serves every commit made before it started (a group commit), so a
 * burst of uploads costs a few syncs, not one each.
 */
@ApplicationScoped
public class DurableCommits {

    private static final Logger LOG = Logger.getLogger(DurableCommits.class.getName());

    @Resource(lookup = "java:jboss/datasources/VerbatimDS")
    DataSource dataSource;

    private final ReentrantLock syncing = new ReentrantLock();
    private final AtomicLong asked = new AtomicLong();
    private volatile long synced;
    private volatile Boolean embedded;

    /** Returns once every transaction this thread committed is on stable storage. Call it outside a transaction. */
    public void awaitDurable() {
        if (!embedded()) {
            return;
        }
        long ticket = asked.incrementAndGet();
        syncing.lock();
        try {
            if (synced >= ticket) {
                return; // a sync that started after our commit has finished meanwhile
            }
            long upTo = asked.get();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                throw new IllegalStateException("the database could not sync its file: " + e.getMessage(), e);
            }
            synced = upTo;
        } finally {
            syncing.unlock();
        }
    }

    private boolean embedded() {
        Boolean known = embedded;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = c.getMetaData().getDatabaseProductName().equals("H2");
                if (!known) {
                    warnWhenCommitsAreNotDurable(c);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the database is not reachable: " + e.getMessage(), e);
            }
            embedded = known;
        }
        return known;
    }

    private static void warnWhenCommitsAreNotDurable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show synchronous_commit")) {
            if (r.next() && r.getString(1).equals("off")) {
                LOG.severe("PostgreSQL runs with synchronous_commit=off: an upload answered 201 may be lost when the"
                        + " database server crashes. Set it to on (as shipped).");
            }
        } catch (SQLException notPostgres) {
            LOG.fine(() -> "Not PostgreSQL, synchronous_commit not checked: " + notPostgres.getMessage());
        }
    }
}
