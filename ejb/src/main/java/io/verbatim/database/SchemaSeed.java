package io.verbatim.database;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * What fills an empty database before the rest of the migrations run, so that its rows are read in the schema they
 * were written in and then migrated like any others: a restore from a backup. Another capability provides it; this
 * package only calls it.
 */
public interface SchemaSeed {

    /** The schema version the rows were written at, when there is something to fill in at this start. */
    Optional<String> schemaVersion();

    /**
     * Whether a start that was killed while this seed filled the database left its schema, not yet at
     * {@link #schemaVersion()} or at it, without a row of Verbatim's: the filling then goes on from there, where
     * otherwise it needs an empty database.
     */
    default boolean resumes() {
        return false;
    }

    /** Once the database was found fit to be filled (empty, or as a killed start left it), before anything is written. */
    default void begin() {
    }

    /** Fills the database, migrated to {@link #schemaVersion()}; migrations after it run once this returns. */
    void fill(DataSource dataSource);

    /** At every start, once every migration ran (after {@link #fill}, if it filled): the database is as the entities expect it. */
    void migrated();
}
