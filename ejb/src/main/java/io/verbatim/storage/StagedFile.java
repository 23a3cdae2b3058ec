package io.verbatim.storage;

import java.nio.file.Path;

/** A body received completely and synced to disk, with what was learnt while streaming it. */
public record StagedFile(Path path, String sha256, long size, byte[] head) {
}
