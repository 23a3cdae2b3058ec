package io.verbatim.directory;

import jakarta.ejb.ApplicationException;

/** A user, group or app object that does not exist, or not in the caller's tenant. */
@ApplicationException
public class NoSuchEntryException extends RuntimeException {
    public NoSuchEntryException(String what) {
        super(what + " does not exist");
    }
}
