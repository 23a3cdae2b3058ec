package io.verbatim.batch.convert;

import io.verbatim.conversion.ConversionService;
import io.verbatim.recording.RecordingReceived;
import io.verbatim.storage.Staging;
import jakarta.annotation.PostConstruct;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the {@code convert} job: as soon as an upload is catalogued, and on a schedule for anything left
 * behind (a crash, a node that died holding a claim, an event lost with a restart). At start-up it first
 * clears this node's unfinished staging files and returns its interrupted conversions to the queue.
 */
@Singleton
@Startup
@DependsOn("verbatim-ejb.jar#SchemaMigration")
public class ConversionScheduler {

    private static final Logger LOG = Logger.getLogger(ConversionScheduler.class.getName());
    static final String JOB = "convert";

    @Inject
    ConversionService conversions;

    @Inject
    Staging staging;

    /** This server's name in claims; unique per node of a cluster. */
    static String node() {
        return System.getProperty("jboss.node.name", "verbatim");
    }

    @PostConstruct
    void recoverAfterStart() {
        try {
            staging.clearLeftovers();
        } catch (IOException e) {
            LOG.warning("Could not clear the staging folder: " + e);
        }
        int released = conversions.releaseAbandonedClaims(node());
        if (released > 0) {
            LOG.info("Returned " + released + " interrupted conversions to the queue");
        }
        startWhenWaiting();
    }

    public void onReceived(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingReceived event) {
        start();
    }

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void sweep() {
        conversions.releaseAbandonedClaims(null);
        startWhenWaiting();
    }

    private void startWhenWaiting() {
        if (conversions.waitingCount() > 0) {
            start();
        }
    }

    private void start() {
        JobOperator operator = BatchRuntime.getJobOperator();
        operator.start(JOB, new Properties());
    }
}
