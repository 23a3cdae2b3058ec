package io.verbatim.storage;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** Storing would eat into the disk's reserve (HTTP 507); nothing was kept. */
@ApplicationException(rollback = true)
public class InsufficientStorageException extends Refusal {
    public InsufficientStorageException(String message) {
        super(Kind.NO_SPACE, message);
    }
}
