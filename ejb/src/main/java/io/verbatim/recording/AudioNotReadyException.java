package io.verbatim.recording;

import jakarta.ejb.ApplicationException;

/** The recording exists and may be read, but has no audio (yet, or ever: FAILED). */
@ApplicationException
public class AudioNotReadyException extends RuntimeException {
    public AudioNotReadyException(Recording r) {
        super("recording " + r.getId() + " has no audio: it is " + r.getState()
                + (r.getFailureReason() != null ? " (" + r.getFailureReason() + ")" : ""));
    }
}
