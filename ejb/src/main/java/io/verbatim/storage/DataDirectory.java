package io.verbatim.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one folder where the server keeps everything it stores (database, staging, blobs, quarantine).
 * Set by {@code verbatim.data.dir} (system property) or {@code VERBATIM_DATA_DIR} (environment).
 */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "verbatim.data.dir", defaultValue = "data")
    String configured;

    @Inject
    @ConfigProperty(name = "verbatim.keys.dir")
    Optional<String> keys = Optional.empty();

    public Path root() {
        return Path.of(configured).toAbsolutePath().normalize();
    }

    /** A sub-folder of the data directory, created when missing. */
    public Path folder(String name) {
        Path folder = root().resolve(name);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    /**
     * Where the server's own keys are kept (the seal key; the master key unless its file is named): {@code keys/} in the
     * data folder, or {@code verbatim.keys.dir} ({@code VERBATIM_KEYS_DIR}), a folder every node of a cluster shares.
     */
    public Path keys() {
        if (keys.isEmpty() || keys.get().isBlank()) {
            return folder("keys");
        }
        Path folder = Path.of(keys.get()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
            Path own = root().resolve("keys");
            if (empty(folder) && Files.isDirectory(own) && !empty(own)) { // new keys here would orphan what the old ones locked
                throw new IllegalStateException("VERBATIM_KEYS_DIR " + folder + " is empty, but " + own + " holds this server's"
                        + " keys: copy them there first (without them, what they encrypted and sealed cannot be read or verified)");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    private static boolean empty(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    /** Makes a file readable and writable by the server's user only (keys); where there are no POSIX permissions, the folder's apply. */
    public static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the folder's own permissions apply
        }
    }
}
