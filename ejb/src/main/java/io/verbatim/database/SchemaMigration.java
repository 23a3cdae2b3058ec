package io.verbatim.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema up to date (Flyway, {@code db/migration}) before anything else starts. */
@Singleton(name = "SchemaMigration")
@Startup
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/VerbatimDS")
    DataSource dataSource;

    private volatile String version;

    /** The schema version migrations brought the database to; empty until they are done. */
    @Lock(LockType.READ)
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits each migration itself
    void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // the batch job repository (JBeret) creates its own tables in the same schema first, so the
                // schema is never empty on our first start: take it as version 0 and apply ours from V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult result = flyway.migrate();
        version = flyway.info().current().getVersion().getVersion();
        LOG.info("Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
