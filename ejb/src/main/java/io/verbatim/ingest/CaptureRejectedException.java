package io.verbatim.ingest;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** The upload is not something we can catalogue; its bytes (if any) are in quarantine. */
@ApplicationException(rollback = true)
public class CaptureRejectedException extends Refusal {
    public CaptureRejectedException(String reason) {
        super(Kind.INVALID, reason);
    }
}
