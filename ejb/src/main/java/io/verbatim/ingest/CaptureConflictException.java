package io.verbatim.ingest;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A recording of that name already exists with other bytes; the new bytes are in quarantine. */
@ApplicationException(rollback = true)
public class CaptureConflictException extends Refusal {
    public CaptureConflictException(String message) {
        super(Kind.CONFLICT, message);
    }
}
