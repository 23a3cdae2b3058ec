package io.verbatim.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import io.verbatim.storage.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's master key: it encrypts the key ring's data keys, never a recording itself. It is a Tink keyset
 * (AES-256-GCM) in the file {@code verbatim.master-key-file} names (env {@code VERBATIM_MASTER_KEY_FILE}) — keep that
 * apart from the data and backed up; without it set, one is made in {@code data/keys/} on first use.
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
    static final String DEFAULT_FILE = "master-key.json";

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "verbatim.master-key-file")
    Optional<String> configured;

    private volatile Aead aead;

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A secret the server must use again (the SMTP password), encrypted for the database; {@code purpose} binds it to its place. */
    public String encryptSecret(String secret, String purpose) {
        try {
            return Base64.getEncoder().encodeToString(aead().encrypt(secret.getBytes(StandardCharsets.UTF_8),
                    purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the " + purpose, e);
        }
    }

    /** @throws IllegalStateException when it was not encrypted by this master key for {@code purpose} */
    public String decryptSecret(String encrypted, String purpose) {
        try {
            return new String(aead().decrypt(Base64.getDecoder().decode(encrypted), purpose.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored " + purpose + " cannot be decrypted with this master key: set it again", e);
        }
    }

    Aead aead() {
        Aead loaded = aead;
        if (loaded == null) {
            synchronized (this) {
                if (aead == null) {
                    aead = load();
                }
                loaded = aead;
            }
        }
        return loaded;
    }

    /** Where the master key is kept (made there at first use unless the file is named): a backup copies it, a restore puts it back. */
    public Path file() {
        return configured.map(Path::of).orElseGet(() -> data.keys().resolve(DEFAULT_FILE));
    }

    private Aead load() {
        Path file = file();
        try {
            if (!Files.exists(file) && configured.isEmpty()) {
                KeysetHandle fresh = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"));
                try {
                    Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get()),
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    DataDirectory.ownerOnly(file);
                    LOG.warning("Made a master key in " + file + ": back it up apart from the data, or set VERBATIM_MASTER_KEY_FILE");
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // use theirs
                }
            }
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key " + file + " is not a Tink AES-GCM keyset", e);
        }
    }
}
