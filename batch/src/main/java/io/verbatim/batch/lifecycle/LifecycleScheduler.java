package io.verbatim.batch.lifecycle;

import io.verbatim.backup.Backups;
import io.verbatim.cluster.ClusterLease;
import io.verbatim.cluster.ClusterLeases;
import io.verbatim.jobs.JobName;
import io.verbatim.refusal.Refusal;
import io.verbatim.jobs.JobRuns;
import io.verbatim.lifecycle.Expiry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the lifecycle jobs and the export expiry every night, at {@code verbatim.lifecycle.schedule} (env
 * {@code VERBATIM_LIFECYCLE_SCHEDULE}): a time of day on the server's clock, {@value #DEFAULT_TIME} unless set, or
 * {@code off} to leave them to be started by hand, as the test suite does so that its fixed-date captures stay put.
 * In a cluster every node's timer fires, and the node that takes the night's lease ({@value #NIGHTLY}, held for
 * {@link #NIGHT}) starts them; the others skip that night.
 */
@Singleton
@Startup
public class LifecycleScheduler {

    private static final Logger LOG = Logger.getLogger(LifecycleScheduler.class.getName());
    static final String DEFAULT_TIME = "02:15";
    static final String NIGHTLY = "nightly-jobs";
    /** Longer than the nodes' timers fire apart, shorter than a day: the next night is free again. */
    static final Duration NIGHT = Duration.ofHours(20);

    @Inject
    JobRuns jobs;

    @Inject
    ClusterLeases leases;

    @Inject
    Backups backups;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "verbatim.lifecycle.schedule", defaultValue = DEFAULT_TIME)
    String schedule;

    @PostConstruct
    void plan() {
        if ("off".equalsIgnoreCase(schedule.strip())) {
            LOG.info("Lifecycle jobs are started by hand: verbatim.lifecycle.schedule is off");
            return;
        }
        ScheduleExpression at = timeOfDay(schedule);
        timers.createCalendarTimer(at, new TimerConfig(null, false));
        LOG.info("Lifecycle jobs run every day at " + at.getHour() + ":" + at.getMinute() + ":" + at.getSecond());
    }

    /**
     * {@code HH:MM} or {@code HH:MM:SS}, each part a number or {@code *} for every one ({@code *:*:*}: every second,
     * which the cluster test uses; the lease still lets them run once in {@link #NIGHT}). {@code on} (as before times
     * could be set) is the default time.
     */
    static ScheduleExpression timeOfDay(String schedule) {
        String time = "on".equalsIgnoreCase(schedule.strip()) ? DEFAULT_TIME : schedule.strip();
        String[] parts = time.split(":");
        if (parts.length < 2 || parts.length > 3 || !part(parts[0], 23) || !part(parts[1], 59)
                || parts.length == 3 && !part(parts[2], 59)) {
            throw new IllegalArgumentException("verbatim.lifecycle.schedule (VERBATIM_LIFECYCLE_SCHEDULE) must be off or a time"
                    + " of day such as 02:15: " + schedule);
        }
        return new ScheduleExpression().hour(parts[0]).minute(parts[1]).second(parts.length == 3 ? parts[2] : "0");
    }

    private static boolean part(String text, int max) {
        return text.equals("*") || text.matches("\\d{1,2}") && Integer.parseInt(text) <= max;
    }

    @Timeout
    void nightly() {
        if (!leases.take(NIGHTLY, NIGHT)) {
            LOG.info("Lifecycle jobs not started: they were started less than " + NIGHT.toHours() + " hours ago ("
                    + leases.heldBy(NIGHTLY).map(ClusterLease::getHolder).orElse("by a node of the cluster") + ")");
            return;
        }
        for (Expiry policy : Expiry.values()) {
            if (jobs.startLifecycleJob(policy, null).isEmpty()) {
                LOG.info(JobName.of(policy).id() + " is off (retention 0): not started");
            }
        }
        jobs.startExportExpiry(null);
        try {
            backups.startScheduled().ifPresent(run -> LOG.info("The nightly backup started (run " + run + ")"));
        } catch (Refusal notStarted) { // one still running, or its key gone
            LOG.severe("The nightly backup was not started: " + notStarted.getMessage());
        }
    }
}
