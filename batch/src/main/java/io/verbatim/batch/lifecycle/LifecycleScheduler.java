package io.verbatim.batch.lifecycle;

import io.verbatim.jobs.JobName;
import io.verbatim.jobs.JobRuns;
import io.verbatim.lifecycle.Expiry;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the lifecycle jobs and the export expiry every night. {@code verbatim.lifecycle.schedule=off} (env {@code VERBATIM_LIFECYCLE_SCHEDULE})
 * leaves them to be started by hand, as the test suite does so that its fixed-date captures stay put.
 */
@Singleton
public class LifecycleScheduler {

    private static final Logger LOG = Logger.getLogger(LifecycleScheduler.class.getName());

    @Inject
    JobRuns jobs;

    @Inject
    @ConfigProperty(name = "verbatim.lifecycle.schedule", defaultValue = "on")
    String schedule;

    @Schedule(hour = "2", minute = "15", persistent = false)
    void nightly() {
        if ("off".equalsIgnoreCase(schedule)) {
            LOG.info("Lifecycle jobs not started: verbatim.lifecycle.schedule is off");
            return;
        }
        for (Expiry policy : Expiry.values()) {
            if (jobs.startLifecycleJob(policy, null).isEmpty()) {
                LOG.info(JobName.of(policy).id() + " is off (retention 0): not started");
            }
        }
        jobs.startExportExpiry(null);
    }
}
