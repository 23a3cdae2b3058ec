package io.verbatim.ingest;

import jakarta.ejb.ApplicationException;

/** A recording of that name already exists with other bytes; the new bytes are in quarantine. */
@ApplicationException(rollback = true)
public class CaptureConflictException extends RuntimeException {
    public CaptureConflictException(String message) {
        super(message);
    }
}
