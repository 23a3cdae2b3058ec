package io.verbatim.delivery;

import io.verbatim.alarm.AlarmCondition;
import io.verbatim.alarm.Alarms;
import io.verbatim.cluster.NodeIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the mail outbox holds, on every node (each what it claims), every 5 s, one mail at a time: mail is a
 * recording or two a minute per person, and one SMTP connection at a time is what small mail servers like.
 */
@Singleton
@Startup
// started only once the schema is there: a timer calling into a deployment whose start fails holds up the server's stop
@DependsOn({"SchemaMigration", "NodeName"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // every step commits on its own
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final int BATCH = 20;
    static final String ALARM_SUBJECT = "mail delivery";
    /** A round stops claiming after this long, so that the timer's thread comes back. */
    private static final Duration ROUND = Duration.ofSeconds(60);

    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean stopping;
    private boolean started;

    @Inject
    MailDeliveries deliveries;

    @Inject
    NodeIdentity node;

    @Inject
    Alarms alarms;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void sendDue() {
        if (stopping || !sending.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!started) { // what this node claimed before it was restarted is sent at once, not after the claim
                int released = deliveries.releaseClaimsOf(node.holder());
                if (released > 0) {
                    LOG.info("Mail deliveries claimed before this node's restart, sent now: " + released);
                }
                started = true;
            }
            Instant until = Instant.now().plus(ROUND);
            List<Long> claimed;
            do {
                claimed = deliveries.claim(node.holder(), BATCH);
                for (long id : claimed) {
                    if (stopping) {
                        return; // the rest is released at this node's next start, or taken by another when the claim runs out
                    }
                    MailDeliveries.Attempt attempt;
                    try {
                        attempt = deliveries.send(id, node.holder());
                    } catch (RuntimeException e) { // rolled back: counted as a failed attempt on its own
                        LOG.log(Level.WARNING, "Mail delivery " + id + " could not be sent or stored: " + e, e);
                        attempt = deliveries.failedOutside(id, node.holder(), "the server failed while sending it: " + e);
                    }
                    if (attempt.sent()) {
                        alarms.clear(AlarmCondition.MAIL_FAILING, ALARM_SUBJECT);
                    } else if (attempt.failure() != null) {
                        alarms.raise(AlarmCondition.MAIL_FAILING, ALARM_SUBJECT, attempt.failure());
                    }
                }
            } while (claimed.size() == BATCH && Instant.now().isBefore(until) && !stopping);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail deliveries could not be claimed (tried again in 5 s): " + e, e);
        } finally {
            sending.set(false);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }
}
