package io.verbatim.storage;

import jakarta.ejb.ApplicationException;

/** Storing would eat into the disk's reserve (HTTP 507); nothing was kept. */
@ApplicationException(rollback = true)
public class InsufficientStorageException extends RuntimeException {
    public InsufficientStorageException(String message) {
        super(message);
    }
}
