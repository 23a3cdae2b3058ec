package io.verbatim.mail;

import io.verbatim.settings.MailServer;
import io.verbatim.settings.Settings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Sends mail through the SMTP server in the settings, with the Jakarta Mail WildFly ships. The server is a setting
 * (changed on a page, the same on every node) rather than a mail session of WildFly's configuration, which would
 * need a restart of each node to change.
 */
@Stateless
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    /** A dead or silent SMTP server must not hold a thread for long. */
    private static final String TIMEOUT_MILLIS = "15000";

    @Inject
    Settings settings;

    /** The alarm recipients, if mail is set up and anyone is to receive it. */
    public List<String> alarmRecipients() {
        return settings.mailServer().map(MailServer::alarmRecipients).orElse(List.of());
    }

    /** @throws MailFailedException when no SMTP server is set, or it did not take the mail (saying what it answered) */
    public void send(List<String> to, String subject, String text) {
        MailServer server = settings.mailServer().orElseThrow(() ->
                new MailNotSetUpException("no SMTP server is set: set smtpHost and mailFrom in the settings"));
        if (to.isEmpty()) {
            throw new MailNotSetUpException("no recipients: set alarmRecipients in the settings");
        }
        try {
            MimeMessage message = new MimeMessage(session(server));
            message.setFrom(new InternetAddress(server.from()));
            for (String recipient : to) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
            }
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(Date.from(Instant.now()));
            Transport.send(message);
            LOG.info("Mailed '" + subject + "' to " + String.join(", ", to) + " through " + server.host() + ":" + server.port());
        } catch (MessagingException e) {
            throw new MailFailedException("the mail server " + server.host() + ":" + server.port() + " did not take the mail: "
                    + rootMessage(e), e);
        }
    }

    private static Session session(MailServer server) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", server.host());
        p.setProperty("mail.smtp.port", Integer.toString(server.port()));
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (server.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true"); // never fall back to sending the password in clear
        }
        if (server.user().isEmpty()) {
            return Session.getInstance(p);
        }
        p.setProperty("mail.smtp.auth", "true");
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(server.user(), server.password());
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        return root == e ? message : e.getMessage().strip() + " (" + message + ")";
    }
}
