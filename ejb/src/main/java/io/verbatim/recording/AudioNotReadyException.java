package io.verbatim.recording;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** The recording exists and may be read, but has no audio (yet, or ever: FAILED). */
@ApplicationException
public class AudioNotReadyException extends Refusal {
    public AudioNotReadyException(Recording r) {
        super(Kind.CONFLICT, "recording " + r.getId() + " has no audio: it is " + r.getState()
                + (r.getFailureReason() != null ? " (" + r.getFailureReason() + ")" : ""));
    }
}
