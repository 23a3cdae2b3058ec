package io.verbatim.mail;

import io.verbatim.settings.MailServer;
import io.verbatim.settings.Settings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
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
        if (to.isEmpty()) {
            throw new MailNotSetUpException("no recipients: set alarmRecipients in the settings");
        }
        send(new MailMessage(to, subject, text, null));
    }

    /**
     * Sends a text mail, with a file attached if it names one (read as it is sent, not held in memory).
     *
     * @throws MailFailedException when no SMTP server is set, or it did not take the mail (saying what it answered)
     */
    public void send(MailMessage mail) {
        MailServer server = settings.mailServer().orElseThrow(() ->
                new MailNotSetUpException("no SMTP server is set: set smtpHost and mailFrom in the settings"));
        try {
            MimeMessage message = new MimeMessage(session(server));
            message.setFrom(new InternetAddress(server.from()));
            for (String recipient : mail.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            }
            message.setSubject(mail.subject(), "UTF-8");
            if (mail.attachment() == null) {
                message.setText(mail.text(), "UTF-8");
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.text(), "UTF-8");
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new FileDataSource(mail.attachment().file().toFile()) {
                    @Override
                    public String getContentType() {
                        return mail.attachment().mediaType();
                    }
                }));
                file.setFileName(MimeUtility.encodeText(mail.attachment().fileName(), "UTF-8", null));
                file.setDisposition(Part.ATTACHMENT);
                message.setContent(new MimeMultipart(text, file));
            }
            message.setSentDate(Date.from(Instant.now()));
            Transport.send(message);
            LOG.info("Mailed '" + mail.subject() + "' to " + String.join(", ", mail.to()) + " through " + server.host() + ":" + server.port());
        } catch (AddressException e) {
            throw new MailRecipientRefusedException("the address " + String.join(", ", mail.to()) + " is not a mail address: " + e.getMessage(), e);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    && (e.getValidSentAddresses() == null || e.getValidSentAddresses().length == 0)) {
                throw new MailRecipientRefusedException("the mail server " + server.host() + ":" + server.port() + " refused the address "
                        + java.util.Arrays.toString(e.getInvalidAddresses()) + ": " + rootMessage(e), e);
            }
            throw new MailFailedException("the mail server " + server.host() + ":" + server.port() + " did not take the mail: "
                    + rootMessage(e), e);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
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
