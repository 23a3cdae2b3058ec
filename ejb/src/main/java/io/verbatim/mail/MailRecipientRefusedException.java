package io.verbatim.mail;

import jakarta.ejb.ApplicationException;

/** The mail server refused the recipient's address (or it is none): sending it again would be refused again. */
@ApplicationException
public class MailRecipientRefusedException extends MailFailedException {

    public MailRecipientRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
