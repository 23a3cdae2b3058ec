package io.verbatim.health;

import io.verbatim.storage.ConfiguredBlobStore;
import io.verbatim.storage.DataDirectory;
import io.verbatim.storage.DiskSpace;
import io.verbatim.storage.StorageUnreachableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the data folder takes a file and has more free than the reserve (else uploads get 507), and the
 * bucket, when the blobs live in one, answers (else uploads get 503).
 */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StorageReadiness.class.getName());

    @Inject
    DataDirectory data;

    @Inject
    DiskSpace space;

    @Inject
    ConfiguredBlobStore blobs;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("storage"); // probes answer anyone: no paths
        try {
            Path probe = Files.createTempFile(data.root(), ".ready-", ".probe");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            LOG.warning("Not ready: the data folder " + data.root() + " cannot be written: " + e);
            return response.down().withData("problem", "the data folder cannot be written (the server log says why)").build();
        }
        try {
            blobs.probe();
        } catch (StorageUnreachableException e) {
            LOG.warning("Not ready: " + e.getMessage());
            return response.down().withData("problem", "the object storage does not answer (the server log says why)").build();
        }
        long usable = space.usable();
        long reserve = space.reserve();
        response.withData("freeBytes", usable).withData("reserveBytes", reserve);
        return usable > reserve ? response.up().build()
                : response.down().withData("problem", "free space is below the reserve: uploads are refused").build();
    }
}
