package io.verbatim.sharing;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** The mail with a share's link did not go: the share is not made (a link nobody received would only be a risk). */
@ApplicationException(rollback = true)
public class ShareNotMailedException extends Refusal {
    public ShareNotMailedException(String message, Throwable cause) {
        super(Kind.PEER_FAILED, message, cause);
    }
}
