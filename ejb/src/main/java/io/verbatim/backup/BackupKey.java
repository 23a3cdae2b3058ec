package io.verbatim.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import io.verbatim.storage.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key every file of a backup is encrypted with (streaming AES-256-GCM, a Tink keyset): the file
 * {@code verbatim.backup.key-file} names (env {@code VERBATIM_BACKUP_KEY_FILE}; made there at the first backup when
 * missing), else {@code backup-key.json} in the keys folder. A backup holds the server's own keys, so this one must be kept apart from both the server and the
 * backups: without it no backup can be restored, and with it anyone holding a backup can read it.
 */
@ApplicationScoped
public class BackupKey {

    private static final Logger LOG = Logger.getLogger(BackupKey.class.getName());
    static final String DEFAULT_FILE = "backup-key.json";
    private static final String TEMPLATE = "AES256_GCM_HKDF_1MB";

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "verbatim.backup.key-file")
    Optional<String> configured;

    private volatile StreamingAead aead;

    /** Where the key is (or will be made). */
    public Path file() {
        return configured.filter(f -> !f.isBlank()).map(Path::of).orElseGet(() -> data.keys().resolve(DEFAULT_FILE));
    }

    /** The key to write a backup with, made at the first backup when no file is named. */
    StreamingAead forWriting() {
        return load(true);
    }

    /** The key to read a backup with: it must exist. */
    StreamingAead forReading() {
        return load(false);
    }

    private StreamingAead load(boolean make) {
        StreamingAead loaded = aead;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (aead == null) {
                aead = read(make);
            }
            return aead;
        }
    }

    private StreamingAead read(boolean make) {
        Path file = file();
        try {
            if (!Files.exists(file)) {
                if (!make) {
                    throw new IllegalStateException("no backup key at " + file + ": give the one the backup was written with"
                            + " (VERBATIM_BACKUP_KEY_FILE)");
                }
                KeysetHandle fresh = KeysetHandle.generateNew(KeyTemplates.get(TEMPLATE));
                try {
                    Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get()),
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    DataDirectory.ownerOnly(file);
                    LOG.warning("Made a backup key in " + file + ": copy it somewhere apart from this server and from the"
                            + " backups (or set VERBATIM_BACKUP_KEY_FILE); without it no backup can be restored");
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // use theirs
                }
            }
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the backup key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the backup key " + file + " is not a Tink streaming-AEAD keyset", e);
        }
    }
}
