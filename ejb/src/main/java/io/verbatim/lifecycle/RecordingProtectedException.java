package io.verbatim.lifecycle;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A protected recording cannot be deleted until its protection is lifted. */
@ApplicationException(rollback = true)
public class RecordingProtectedException extends Refusal {
    public RecordingProtectedException(long id) {
        super(Kind.CONFLICT, "recording " + id + " is protected against deletion; lift the protection first");
    }
}
