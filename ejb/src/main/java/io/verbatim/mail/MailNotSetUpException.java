package io.verbatim.mail;

/** There is nowhere to send mail: no SMTP server or no recipients in the settings. */
public class MailNotSetUpException extends MailFailedException {

    public MailNotSetUpException(String message) {
        super(message, null);
    }
}
