package io.verbatim.access;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A change the caller may not make to something they may see (a recording, a 4-eyes grant); the message says why. */
@ApplicationException(rollback = true)
public class ActionDeniedException extends Refusal {
    public ActionDeniedException(String message) {
        super(Kind.FORBIDDEN, message);
    }
}
