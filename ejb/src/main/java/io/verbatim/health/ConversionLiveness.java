package io.verbatim.health;

import io.verbatim.conversion.ConversionDrain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while conversion workers run: with none left (each lost to a converter that never returned) no recording
 * would ever be converted again, and only a restart helps, which is what a failed liveness probe asks for.
 */
@Liveness
@ApplicationScoped
public class ConversionLiveness implements HealthCheck {

    @Inject
    ConversionDrain drain;

    @Override
    public HealthCheckResponse call() {
        long workers = drain.liveWorkers();
        return HealthCheckResponse.named("conversion-workers").status(workers > 0).withData("running", workers).build();
    }
}
