package io.verbatim.audit;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** The export's file was deleted, by hand or because it was older than the export keeping time. */
@ApplicationException // an answer (410), not a failure for the server log
public class ExportGoneException extends Refusal {

    public ExportGoneException(String message) {
        super(Kind.GONE, message);
    }
}
