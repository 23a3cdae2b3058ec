package io.verbatim.storage;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * Where originals and converted audio live, addressed by the SHA-256 of their content, so a blob is written
 * once however often it is stored and a key can never point at other bytes than it names.
 */
public interface BlobStore {

    /**
     * Moves a complete, synced file into the store (atomically: readers see all of it or none of it).
     * @return the blob's key
     */
    String put(Path completeFile, String sha256Hex) throws IOException;

    SeekableByteChannel open(String key) throws IOException;

    long size(String key) throws IOException;

    boolean exists(String key);

    void delete(String key) throws IOException;
}
