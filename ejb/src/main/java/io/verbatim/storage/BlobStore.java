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
     * @param pbx whose bytes they are ({@code null}: the deployment's): encryption at rest uses its crypt key
     * @return the blob's key
     */
    String put(Path completeFile, String sha256Hex, String pbx) throws IOException;

    SeekableByteChannel open(String key) throws IOException;

    long size(String key) throws IOException;

    boolean exists(String key);

    /**
     * Removes a blob that no committed row names.
     * @return false when it stays for now: a put found these bytes stored a moment ago, and the row that will name
     * them may be about to commit. Ask again later, after checking the rows again.
     */
    boolean delete(String key) throws IOException;
}
