package io.verbatim.storage;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * The object storage that holds the blobs did not answer, or answered with a server error: nothing was stored or
 * read, and the same request shortly may well succeed (HTTP 503; a device keeps the call and sends it again).
 */
@ApplicationException(rollback = true)
public class StorageUnreachableException extends Refusal {
    public StorageUnreachableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
