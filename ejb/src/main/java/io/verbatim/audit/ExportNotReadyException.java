package io.verbatim.audit;

import jakarta.ejb.ApplicationException;

/** The export has not finished (or failed); its state says which. */
@ApplicationException
public class ExportNotReadyException extends RuntimeException {
    public ExportNotReadyException(String message) {
        super(message);
    }
}
