package io.verbatim.access;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the 4-eyes grants of monitors who have no page open on any node: the node that served a monitor notices a
 * closed browser itself, but when that node is lost nobody would. Every node looks every 5 s (each grant ends once).
 */
@Singleton
@DependsOn("SchemaMigration")
@PermitAll
public class GoneMonitors {

    /** Pages of an open session are seen every 5 s (web tier's push channel): three missed rounds and a margin. */
    static final Duration UNSEEN = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(GoneMonitors.class.getName());

    @Inject
    FourEyes fourEyes;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void look() {
        try {
            int ended = fourEyes.endGrantsOfMonitorsGone(Instant.now().minus(UNSEEN));
            if (ended > 0) {
                LOG.info("4-eyes: " + ended + " grant(s) ended: their monitor has had no page open for " + UNSEEN.toSeconds() + " s");
            }
        } catch (RuntimeException e) { // the database away: the next round tries again, and its outage has an alarm
            LOG.log(Level.WARNING, "4-eyes: grants of monitors who left could not be looked at: " + e);
        }
    }
}
