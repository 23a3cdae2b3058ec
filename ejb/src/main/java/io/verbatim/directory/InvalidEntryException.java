package io.verbatim.directory;

import jakarta.ejb.ApplicationException;

/** A user, group or app object an administrator described wrongly; the message names the field and the problem. */
@ApplicationException(rollback = true)
public class InvalidEntryException extends IllegalArgumentException {
    public InvalidEntryException(String message) {
        super(message);
    }
}
