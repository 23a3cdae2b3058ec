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

    /**
     * Since when this node has reached the database without a break. While the database was away no node could say
     * which pages are open, so nothing ends until they have had {@link #UNSEEN} to say it again (also after a start).
     */
    private Instant reachableSince;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void look() {
        Instant now = Instant.now();
        boolean settled = reachableSince != null && !now.isBefore(reachableSince.plus(UNSEEN));
        try {
            // unsettled, it ends nothing (the epoch as cutoff) and only finds whether the database answers
            int ended = fourEyes.endGrantsOfMonitorsGone(settled ? now.minus(UNSEEN) : Instant.EPOCH);
            if (reachableSince == null) {
                reachableSince = now;
            }
            if (ended > 0) {
                LOG.info("4-eyes: " + ended + " grant(s) ended: their monitor has had no page open for " + UNSEEN.toSeconds() + " s");
            }
        } catch (RuntimeException e) { // the database away: the next round tries again, and its outage has an alarm
            reachableSince = null;
            LOG.log(Level.WARNING, "4-eyes: grants of monitors who left could not be looked at: " + e);
        }
    }
}
