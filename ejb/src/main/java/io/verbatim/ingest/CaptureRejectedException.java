package io.verbatim.ingest;

import jakarta.ejb.ApplicationException;

/** The upload is not something we can catalogue; its bytes (if any) are in quarantine. */
@ApplicationException(rollback = true)
public class CaptureRejectedException extends RuntimeException {
    public CaptureRejectedException(String reason) {
        super(reason);
    }
}
