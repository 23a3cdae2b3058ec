package io.verbatim.alarm;

import io.verbatim.mail.Mailer;
import io.verbatim.settings.Settings;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Mails each alarm raised or cleared to the alarm recipients, outside the request or check that raised it (an SMTP
 * server that hangs delays the mail, nothing else). A mail that fails is logged; the alarm itself is on the Health
 * page and in the action log whatever the mail does.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class AlarmMail {

    private static final Logger LOG = Logger.getLogger(AlarmMail.class.getName());

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    @Inject
    Alarms alarms;

    @Resource
    ManagedExecutorService executor;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // called after the alarm's commit, outside it
    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlarmChanged change) {
        List<String> to;
        try {
            to = mailer.alarmRecipients();
        } catch (RuntimeException e) {
            LOG.warning("Alarm '" + change.title() + "' not mailed: the mail settings cannot be read: " + e.getMessage());
            return;
        }
        if (to.isEmpty()) {
            return;
        }
        String subject = "[Verbatim" + server() + "] " + (change.raised() ? "ALARM: " : "Cleared: ") + change.title();
        String text = (change.raised() ? "Alarm raised at " : "Alarm cleared at ") + change.at() + "\n\n"
                + change.title() + "\n" + change.detail() + "\n\n"
                + "The Health page shows the current alarms and their history; acknowledge them there.\n";
        executor.submit(() -> {
            try {
                mailer.send(to, subject, text);
            } catch (RuntimeException e) { // the SMTP server's answer, or the settings unreadable: said, never lost
                LOG.warning("Alarm '" + change.title() + "' not mailed: " + e.getMessage());
            }
        });
    }

    /** Sends a test mail to the alarm recipients now, as the operator asks from the settings. */
    @RolesAllowed("ADMIN")
    public List<String> sendTest() {
        alarms.operatorOnly();
        List<String> to = mailer.alarmRecipients();
        mailer.send(to, "[Verbatim" + server() + "] Test mail", "This is a test mail from Verbatim" + server()
                + ".\nAlarms will reach you like this.\n");
        return to;
    }

    private String server() {
        return settings.pbxName(null).map(name -> " " + name).orElse("");
    }
}
