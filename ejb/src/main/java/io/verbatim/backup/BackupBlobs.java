package io.verbatim.backup;

import com.google.crypto.tink.StreamingAead;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.ConfiguredBlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Originals and audio in and out of a backup, as the store holds them: a blob encrypted at rest stays so (the key
 * ring in the backup's database opens it), and the backup's own encryption is around that. The store is
 * content-addressed, so a blob's key says what its bytes must hash to; a restore checks each against it.
 */
@ApplicationScoped
public class BackupBlobs {

    static final String FOLDER = "blobs";
    private static final String KEY_PREFIX = "sha256:";

    @Inject
    BlobStore store;

    @Inject
    ConfiguredBlobStore configured;

    static String fileOf(String storedKey) {
        return FOLDER + "/" + storedKey.substring(KEY_PREFIX.length());
    }

    /**
     * Copies one blob into the backup.
     * @return false when the store no longer has it (its recording was erased after the database was read)
     */
    boolean copy(String storedKey, BackupSet into, StreamingAead key) throws IOException {
        try (SeekableByteChannel stored = store.open(storedKey); InputStream in = Channels.newInputStream(stored)) {
            into.write(fileOf(storedKey), key, in::transferTo);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** Puts one blob back into the store from the backup that holds it, unless the store has it already (a restore run again). */
    void restore(String storedKey, BackupSet from, StreamingAead key, Path staging) throws IOException {
        if (configured.exists(storedKey)) {
            return;
        }
        Path file = Files.createTempFile(staging, "restore-", ".blob");
        try {
            String hex = decryptInto(file, storedKey, from, key);
            if (!storedKey.equals(KEY_PREFIX + hex)) {
                throw new BackupDamaged(fileOf(storedKey) + " of backup " + from.id() + " does not hold the bytes its name says");
            }
            configured.putAsStored(file, hex);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** @return the SHA-256 of what was decrypted, synced into {@code file} */
    private static String decryptInto(Path file, String storedKey, BackupSet from, StreamingAead key) {
        MessageDigest sha256 = BackupSet.sha256();
        try (InputStream in = from.read(fileOf(storedKey), key);
             FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
            in.transferTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new BackupDamaged(fileOf(storedKey) + " of backup " + from.id() + " cannot be read: " + e.getMessage());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
