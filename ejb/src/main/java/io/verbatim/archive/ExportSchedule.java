package io.verbatim.archive;

import io.verbatim.cluster.NodeIdentity;
import io.verbatim.jobs.JobName;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts each target's daily run at its time: every node looks each minute, and the node whose update marks the
 * target scheduled for that day starts the run (the others find it marked), so a day's run starts once in a cluster.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "NodeName"})
public class ExportSchedule {

    private static final Logger LOG = Logger.getLogger(ExportSchedule.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    NodeIdentity node;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void startDue() {
        Instant now = Instant.now();
        List<ExportTarget> daily = em.createQuery("select t from ExportTarget t where t.dailyAt is not null", ExportTarget.class)
                .getResultList();
        for (ExportTarget t : daily) {
            Instant due = due(t, now);
            if (due == null || ExportTargets.running(t.getId()).isPresent()) { // yesterday's still running: tried again next minute
                continue;
            }
            int marked = em.createQuery("update ExportTarget t set t.lastScheduledAt = :now where t.id = :id"
                            + " and (t.lastScheduledAt is null or t.lastScheduledAt < :due)")
                    .setParameter("now", now).setParameter("id", t.getId()).setParameter("due", due).executeUpdate();
            if (marked == 1) {
                try {
                    long run = JobName.RECORDING_EXPORT.start(ExportTargets.parameters(t, false), node.name());
                    LOG.info("Export to export target " + t.getId() + " " + t.getName() + " started as scheduled (" + t.getDailyAt()
                            + "): run " + run);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The scheduled export to export target " + t.getId() + " could not start: " + e, e);
                }
            }
        }
    }

    /** Today's time of the target's run when it has come (in the target's zone) and the target was there, else {@code null}. */
    static Instant due(ExportTarget t, Instant now) {
        ZoneId zone = ZoneId.of(t.getTimeZone());
        ZonedDateTime today = now.atZone(zone).with(LocalTime.parse(t.getDailyAt()));
        Instant due = today.toInstant();
        // a target added after today's time first runs tomorrow (its first run is no surprise at the moment it is added)
        return now.isBefore(due) || t.getCreatedAt().isAfter(due) ? null : due;
    }
}
