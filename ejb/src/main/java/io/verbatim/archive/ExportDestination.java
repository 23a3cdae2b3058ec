package io.verbatim.archive;

import java.io.IOException;
import java.nio.file.Path;

/** An open connection to an export target: files put under a path relative to the target's folder or prefix. */
interface ExportDestination extends AutoCloseable {

    /**
     * Stores a file whole under {@code path} (folders made as needed), replacing one of that name; a reader of the
     * target never sees it in part.
     *
     * @throws ExportFailedException naming the target and what it answered
     */
    void put(String path, Path file) throws IOException;

    @Override
    void close();
}
