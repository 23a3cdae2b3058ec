package io.verbatim.recording;

import jakarta.ejb.ApplicationException;

/** A change to a recording the caller may see but not make; the message says why. */
@ApplicationException(rollback = true)
public class ActionDeniedException extends RuntimeException {
    public ActionDeniedException(String message) {
        super(message);
    }
}
