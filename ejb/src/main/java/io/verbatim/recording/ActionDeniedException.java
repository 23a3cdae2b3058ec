package io.verbatim.recording;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A change to a recording the caller may see but not make; the message says why. */
@ApplicationException(rollback = true)
public class ActionDeniedException extends Refusal {
    public ActionDeniedException(String message) {
        super(Kind.FORBIDDEN, message);
    }
}
