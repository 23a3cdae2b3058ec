package io.verbatim.backup;

import io.verbatim.storage.Bucket;
import io.verbatim.storage.BucketSettings;
import io.verbatim.storage.DataDirectory;
import io.verbatim.storage.Staging;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where backups go, from {@code verbatim.backup.dir} ({@code VERBATIM_BACKUP_DIR}): a folder, or
 * {@code s3://<bucket>/<prefix>} for an S3-compatible bucket, reached with {@code verbatim.backup.s3.*}
 * ({@code endpoint}, {@code region}, {@code access-key}, {@code secret-key}, {@code path-style}), each of which falls
 * back to the blob bucket's {@code verbatim.s3.*}. One client for the server's life: the alarm checks ask every minute.
 */
@ApplicationScoped
public class BackupPlaces {

    static final String BUCKET_SCHEME = "s3://";

    @Inject
    @ConfigProperty(name = "verbatim.backup.dir")
    Optional<String> dir;

    @Inject
    Config config;

    @Inject
    DataDirectory data;

    @Inject
    Staging staging;

    private BackupPlace configured;

    /** Whether backups have a place. */
    boolean on() {
        return dir.filter(d -> !d.isBlank()).isPresent();
    }

    /** @throws BackupsOff when none is set */
    synchronized BackupPlace configured() {
        if (configured == null) {
            configured = at(dir.filter(d -> !d.isBlank()).orElseThrow(BackupsOff::new));
            configured.prepare();
        }
        return configured;
    }

    /** The place a text names: a folder's path, or {@code s3://<bucket>/<prefix>}. */
    BackupPlace at(String where) {
        if (!where.startsWith(BUCKET_SCHEME)) {
            return new BackupFolder(Path.of(where).toAbsolutePath().normalize());
        }
        String rest = where.substring(BUCKET_SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        Optional<String> endpoint = text("endpoint");
        BucketSettings settings = BucketSettings.configured(Optional.of(bucket), endpoint, text("region"), text("access-key"),
                text("secret-key"), config.getOptionalValue("verbatim.backup.s3.path-style", Boolean.class)
                        .or(() -> config.getOptionalValue("verbatim.s3.path-style", Boolean.class)), Optional.of(prefix))
                .orElseThrow(() -> new IllegalArgumentException("VERBATIM_BACKUP_DIR names no bucket: " + where));
        return new BackupBucket(new Bucket(settings), prefix, () -> staging.newFile(".backup"), data.folder("backup-records"));
    }

    private Optional<String> text(String name) {
        return config.getOptionalValue("verbatim.backup.s3." + name, String.class).filter(v -> !v.isBlank())
                .or(() -> config.getOptionalValue("verbatim.s3." + name, String.class));
    }

    @PreDestroy
    synchronized void close() {
        if (configured != null) {
            configured.close();
        }
    }
}
