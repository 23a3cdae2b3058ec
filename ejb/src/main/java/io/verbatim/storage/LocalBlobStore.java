package io.verbatim.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/** {@link BlobStore} on the local file system under {@code <data>/blobs/ab/cd/<sha256>}. */
@ApplicationScoped
public class LocalBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("sha256:[0-9a-f]{64}");

    @Inject
    DataDirectory data;

    @Override
    public String put(Path completeFile, String sha256Hex) throws IOException {
        String key = "sha256:" + sha256Hex;
        Path target = path(key);
        if (Files.exists(target)) {
            Files.delete(completeFile); // same bytes are already stored
            return key;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(completeFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("staging and blobs must be on one file system for atomic renames", e);
        }
        Durability.syncDirectory(target.getParent());
        return key;
    }

    @Override
    public SeekableByteChannel open(String key) throws IOException {
        return FileChannel.open(path(key), StandardOpenOption.READ);
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        String hex = key.substring(7);
        return data.root().resolve("blobs").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }
}
