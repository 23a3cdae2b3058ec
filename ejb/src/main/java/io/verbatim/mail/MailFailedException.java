package io.verbatim.mail;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * A mail could not be handed to the SMTP server (or there is none to hand it to), with why, in words. Nothing the
 * caller did needs undoing for it, and it reaches the caller as it is (not wrapped by the container).
 */
@ApplicationException
public class MailFailedException extends Refusal {

    public MailFailedException(String message, Throwable cause) {
        super(Kind.PEER_FAILED, message, cause);
    }

    protected MailFailedException(Kind kind, String message) {
        super(kind, message);
    }
}
