package io.verbatim.audit;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** The export has not finished (or failed); its state says which. */
@ApplicationException
public class ExportNotReadyException extends Refusal {
    public ExportNotReadyException(String message) {
        super(Kind.CONFLICT, message);
    }
}
