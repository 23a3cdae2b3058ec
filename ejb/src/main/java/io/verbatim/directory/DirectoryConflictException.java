package io.verbatim.directory;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A name that is taken already. */
@ApplicationException(rollback = true)
public class DirectoryConflictException extends Refusal {
    public DirectoryConflictException(String message) {
        super(Kind.CONFLICT, message);
    }
}
