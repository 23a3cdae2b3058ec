package io.verbatim.mail;

import jakarta.ejb.ApplicationException;

/** There is nowhere to send mail: no SMTP server or no recipients in the settings (the settings must change first). */
@ApplicationException
public class MailNotSetUpException extends MailFailedException {

    public MailNotSetUpException(String message) {
        super(Kind.CONFLICT, message);
    }
}
