package io.verbatim.directory;

import jakarta.ejb.ApplicationException;

/** A name that is taken already. */
@ApplicationException(rollback = true)
public class DirectoryConflictException extends RuntimeException {
    public DirectoryConflictException(String message) {
        super(message);
    }
}
