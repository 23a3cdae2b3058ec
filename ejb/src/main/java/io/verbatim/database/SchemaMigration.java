package io.verbatim.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date (Flyway: {@code db/migration}, then what only one database has in
 * {@code db/vendor/h2} or {@code db/vendor/postgresql}) before anything else starts.
 */
@Singleton(name = "SchemaMigration")
@Startup
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/VerbatimDS")
    DataSource dataSource;

    @Inject
    Instance<SchemaSeed> seeds;

    private volatile String version;
    private volatile boolean searchIndexes;

    /** The schema version migrations brought the database to; empty until they are done. */
    @Lock(LockType.READ)
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /**
     * Whether the database keeps every text a recording is found by on the recording, with indexes (PostgreSQL, V30
     * and V31; text with pg_trgm where it could be created): searches then look there; otherwise in one pass over the
     * columns, which H2 does fastest.
     */
    @Lock(LockType.READ)
    public boolean hasSearchIndexes() {
        return searchIndexes;
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it", e);
        }
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits each migration itself
    void migrate() {
        boolean postgres = isPostgres();
        FluentConfiguration configuration = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                // beside the common schema, what each database writes its own way (the search indexes are PostgreSQL's)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (postgres ? "postgresql" : "h2"))
                // the batch job repository (JBeret) creates its own tables in the same schema first, so the
                // schema is never empty on our first start: take it as version 0 and apply ours from V1
                .baselineOnMigrate(true)
                .baselineVersion("0");
        Flyway flyway = configuration.load();
        for (SchemaSeed seed : seeds) {
            Optional<String> at = seed.schemaVersion();
            if (at.isPresent()) {
                seed(flyway, configuration, seed, at.get());
            }
        }
        MigrateResult result = flyway.migrate();
        seeds.forEach(SchemaSeed::migrated);
        searchIndexes = postgres;
        version = flyway.info().current().getVersion().getVersion();
        LOG.info("Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** Migrates an empty database to the seed's version, lets it fill the tables, and leaves the rest to {@link #migrate()}. */
    private void seed(Flyway flyway, FluentConfiguration configuration, SchemaSeed seed, String at) {
        MigrationInfo current = flyway.info().current();
        boolean empty = current == null || current.getVersion().getVersion().equals("0");
        if (!empty && seed.resumes() && current.getVersion().compareTo(MigrationVersion.fromVersion(at)) <= 0) {
            LOG.warning("The database was being filled when the server stopped (its schema is at version " + current.getVersion()
                    + ", without rows): filling it again");
        } else if (!empty) {
            throw new IllegalStateException("a restore needs an empty database, and this one is at schema version "
                    + current.getVersion() + ": give the server a new database (or unset VERBATIM_RESTORE_FROM)");
        }
        boolean known = Arrays.stream(flyway.info().all()).anyMatch(m -> m.getVersion() != null && m.getVersion().getVersion().equals(at));
        if (!known) {
            throw new IllegalStateException("the backup was written at schema version " + at + ", which this Verbatim does not know"
                    + " (a newer one wrote it): restore with that version or newer");
        }
        seed.begin();
        try {
            // a migration a kill cut short may be left in part (H2 commits each statement; CI once saw it on PostgreSQL
            // too): it fails when run again, and the schema is emptied here for the next start to fill
            configuration.target(at).load().migrate();
            seed.fill(dataSource);
        } catch (RuntimeException e) {
            // what the migrations and the seed wrote goes again, so that the next start finds an empty database and can
            // fill it (the batch runtime makes its tables again at that start)
            try {
                configuration.cleanDisabled(false).load().clean();
                LOG.warning("The database was filled only in part, and was emptied again: " + e.getMessage());
            } catch (RuntimeException notEmptied) {
                e.addSuppressed(notEmptied);
            }
            throw e;
        }
        LOG.info("Database filled at schema version " + at + "; migrating the rest");
    }
}
