package io.verbatim.recording;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** The recording does not exist, or the caller may not know that it does (both look the same from outside). */
@ApplicationException
public class NoSuchRecordingException extends Refusal {
    public NoSuchRecordingException(long id) {
        super(Kind.NOT_FOUND, "no recording " + id);
    }
}
