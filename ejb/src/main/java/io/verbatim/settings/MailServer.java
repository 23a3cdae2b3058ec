package io.verbatim.settings;

import java.util.List;

/** The SMTP server the server mails through, as the administrator set it; {@code user} empty: no sign-in. */
public record MailServer(String host, int port, boolean startTls, String user, String password, String from,
                         List<String> alarmRecipients) {

    /** Without the password: a record would print it. */
    @Override
    public String toString() {
        return "MailServer[" + host + ":" + port + (startTls ? " STARTTLS" : "") + (user.isEmpty() ? "" : " as " + user)
                + ", from " + from + ", alarms to " + alarmRecipients + "]";
    }
}
