package io.verbatim.lifecycle;

import jakarta.ejb.ApplicationException;

/** A protected recording cannot be deleted until its protection is lifted. */
@ApplicationException(rollback = true)
public class RecordingProtectedException extends RuntimeException {
    public RecordingProtectedException(long id) {
        super("recording " + id + " is protected against deletion; lift the protection first");
    }
}
