package io.verbatim.archive;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A run to a target was asked for while one is exporting to it (two would write the same files): HTTP 409. */
@ApplicationException(rollback = true)
public class ExportRunning extends Refusal {
    public ExportRunning(String message) {
        super(Kind.CONFLICT, message);
    }
}
