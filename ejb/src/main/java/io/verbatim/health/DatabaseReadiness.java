package io.verbatim.health;

import io.verbatim.database.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only with a database that answers and a schema brought up to date. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    private static final int TIMEOUT_SECONDS = 3;

    @Resource(lookup = "java:jboss/datasources/VerbatimDS")
    DataSource dataSource;

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                return response.down().withData("problem", "the database did not answer within " + TIMEOUT_SECONDS + " s").build();
            }
            response.withData("product", connection.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
            // probes answer anyone, every few seconds: the driver's words (host, user) only at fine level, the
            // outage itself is logged by the requests that meet it
            LOG.fine(() -> "Not ready: the database is not reachable: " + e);
            return response.down().withData("problem", "the database is not reachable").build();
        }
        return migration.version()
                .map(version -> response.up().withData("schemaVersion", version))
                .orElseGet(() -> response.down().withData("problem", "schema migrations have not finished"))
                .build();
    }
}
