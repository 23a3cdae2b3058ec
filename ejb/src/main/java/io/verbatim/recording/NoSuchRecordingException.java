package io.verbatim.recording;

import jakarta.ejb.ApplicationException;

/** The recording does not exist, or the caller may not know that it does (both look the same from outside). */
@ApplicationException
public class NoSuchRecordingException extends RuntimeException {
    public NoSuchRecordingException(long id) {
        super("no recording " + id);
    }
}
