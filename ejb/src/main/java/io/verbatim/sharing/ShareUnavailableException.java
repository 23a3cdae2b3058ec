package io.verbatim.sharing;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A share's link that no longer opens: expired, revoked, or its recording gone; the message says which, and when. */
@ApplicationException(rollback = true)
public class ShareUnavailableException extends Refusal {
    public ShareUnavailableException(String message) {
        super(Kind.GONE, message);
    }
}
