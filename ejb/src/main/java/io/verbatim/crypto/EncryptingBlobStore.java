package io.verbatim.crypto;

import io.verbatim.storage.BlobStore;
import io.verbatim.storage.Staging;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Encryption at rest for every blob (originals, audio, quarantined uploads): while a crypt key is active, a file is
 * encrypted (streaming AES-256-GCM, 1 MB segments) before it is stored, and its key names the crypt key:
 * {@code enc:<key id>:sha256:<hex of the stored bytes>}. Reading decrypts on the fly with random access, so audio
 * still plays from any position and originals are served whole or in ranges, as before.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class EncryptingBlobStore implements BlobStore {

    static final String PREFIX = "enc:";

    @Inject
    @Delegate
    @Any
    BlobStore plain;

    @Inject
    KeyRing ring;

    @Override
    public String put(Path completeFile, String sha256Hex, String pbx) throws IOException {
        Optional<String> keyId = ring.activeId(pbx);
        if (keyId.isEmpty()) {
            return plain.put(completeFile, sha256Hex, pbx);
        }
        Path encrypted = completeFile.resolveSibling(completeFile.getFileName() + ".enc");
        try (InputStream in = Files.newInputStream(completeFile);
             FileChannel target = FileChannel.open(encrypted, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ring.streaming(keyId.get()).newEncryptingChannel(target, aad(keyId.get())))) {
            in.transferTo(out);
            out.flush();
            target.force(true);
        } catch (GeneralSecurityException e) {
            Files.deleteIfExists(encrypted);
            throw new IOException("cannot encrypt with crypt key " + keyId.get(), e);
        }
        Files.delete(completeFile);
        try {
            return PREFIX + keyId.get() + ":" + plain.put(encrypted, Staging.sha256Of(encrypted), pbx);
        } finally { // a store that refused leaves it: not to be left in staging until the next start
            Files.deleteIfExists(encrypted);
        }
    }

    @Override
    public SeekableByteChannel open(String key) throws IOException {
        if (!key.startsWith(PREFIX)) {
            return plain.open(key);
        }
        String keyId = keyId(key);
        try {
            return ring.streaming(keyId).newSeekableDecryptingChannel(plain.open(stored(key)), aad(keyId));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt " + key, e);
        }
    }

    /** The plain size: what readers of {@link #open} get. */
    @Override
    public long size(String key) throws IOException {
        if (!key.startsWith(PREFIX)) {
            return plain.size(key);
        }
        try (SeekableByteChannel channel = open(key)) {
            channel.read(ByteBuffer.allocate(1)); // the decrypting channel knows its size once it has read the header
            return channel.size();
        }
    }

    @Override
    public boolean exists(String key) {
        return plain.exists(key.startsWith(PREFIX) ? stored(key) : key);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return plain.delete(key.startsWith(PREFIX) ? stored(key) : key);
    }

    private static String keyId(String key) {
        return key.substring(PREFIX.length(), key.indexOf(':', PREFIX.length()));
    }

    private static String stored(String key) {
        return key.substring(key.indexOf(':', PREFIX.length()) + 1);
    }

    /** Binds each file to its crypt key: ciphertext moved under another key id does not decrypt. */
    private static byte[] aad(String keyId) {
        return ("verbatim:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
