package io.verbatim.mail;

import jakarta.ejb.ApplicationException;

/**
 * A mail could not be handed to the SMTP server (or there is none to hand it to), with why, in words. Nothing the
 * caller did needs undoing for it, and it reaches the caller as it is (not wrapped by the container).
 */
@ApplicationException
public class MailFailedException extends RuntimeException {

    public MailFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
