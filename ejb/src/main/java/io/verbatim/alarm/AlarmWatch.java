package io.verbatim.alarm;

import io.verbatim.audit.ActionLog;
import io.verbatim.backup.Backups;
import io.verbatim.audit.ChainBroken;
import io.verbatim.audit.ChainVerification;
import io.verbatim.callinfo.CallInformationSettings;
import io.verbatim.callinfo.CallRecords;
import io.verbatim.cluster.ClusterLeases;
import io.verbatim.conversion.ClaimsAbandoned;
import io.verbatim.conversion.ConversionQueue;
import io.verbatim.conversion.ConversionService;
import io.verbatim.database.ChangedMeanwhile;
import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.directory.Licences;
import io.verbatim.jobs.JobRun;
import io.verbatim.jobs.InterruptedRuns;
import io.verbatim.jobs.JobRuns;
import io.verbatim.metrics.Meters;
import io.verbatim.seal.SealBroken;
import io.verbatim.settings.Settings;
import io.verbatim.storage.DiskSpace;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityExistsException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks at the server's condition every {@code VERBATIM_ALARM_CHECK_SECONDS} (60) and raises or clears an alarm for
 * each thing that is wrong; what is told as it happens (a broken seal or chain, abandoned conversions) is raised when
 * it is. Each check stands alone: one that cannot be made (the database away) does not keep the others from theirs.
 * In a cluster each node checks its own disk and database connection, and one node (the holder of the
 * {@link #CLUSTER_CHECKS} lease) what they share.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "NodeName"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each alarm commits on its own
public class AlarmWatch {

    private static final Logger LOG = Logger.getLogger(AlarmWatch.class.getName());
    /** Checking the whole chain reads every entry: hourly, not at every round. */
    private static final Duration CHAIN_CHECK_EVERY = Duration.ofHours(1);
    /** The lease on the checks of what the nodes share (the queue, call information, licences, jobs, backups, the chain). */
    static final String CLUSTER_CHECKS = "alarm-checks";

    @Inject
    Alarms alarms;

    @Inject
    DiskSpace space;

    @Inject
    ConversionService conversions;

    @Inject
    CallRecords callRecords;

    @Inject
    Settings settings;

    @Inject
    Licences licences;

    @Inject
    JobRuns jobs;

    @Inject
    InterruptedRuns interruptedRuns;

    @Inject
    Backups backups;

    @Inject
    ActionLog actionLog;

    @Inject
    Meters meters;

    @Resource
    TimerService timers;

    @Inject
    ClusterLeases leases;

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "verbatim")
    String node;

    @Inject
    @ConfigProperty(name = "verbatim.alarm.check-seconds", defaultValue = "60")
    long checkSeconds;

    /** How long the oldest recording may wait for conversion before the backlog is an alarm. */
    @Inject
    @ConfigProperty(name = "verbatim.alarm.backlog-minutes", defaultValue = "30")
    long backlogMinutes;

    /** Failed runs are looked for back to a day before the start, so a run a crash ended is told after the restart. */
    private volatile Instant jobsSeen = Instant.now().minus(Duration.ofDays(1));
    private volatile Instant chainChecked = Instant.EPOCH;
    private volatile boolean running;

    @PostConstruct
    void start() {
        if (checkSeconds < 1) {
            throw new IllegalArgumentException("VERBATIM_ALARM_CHECK_SECONDS must be at least 1: " + checkSeconds);
        }
        timers.createIntervalTimer(checkSeconds * 1000, checkSeconds * 1000, new TimerConfig(null, false));
        for (AlarmCondition condition : AlarmCondition.values()) {
            meters.gauge("verbatim.alarms.active", "Alarms raised and not cleared, by condition", null,
                    () -> alarms.activeCounts().get(condition), "condition", condition.name().toLowerCase(Locale.ROOT));
        }
    }

    @Timeout
    void round() {
        if (running) { // a round slower than the interval (a long chain check): the next waits its turn
            return;
        }
        running = true;
        try {
            check("disk", this::disk);
            check("database", this::databaseOutage);
            if (clusterChecksHere()) { // what all nodes share is checked by one of them
                check("conversion", this::conversion);
                check("call information", this::callInformation);
                check("licences", this::licences);
                check("jobs", this::jobs);
                check("backups", this::backups);
                if (Instant.now().isAfter(chainChecked.plus(CHAIN_CHECK_EVERY))) {
                    check("action log", this::chain);
                }
            }
        } finally {
            running = false;
        }
    }

    /** Whether this node holds the cluster-wide checks: the first to ask does, until it misses three rounds. */
    private boolean clusterChecksHere() {
        try {
            return leases.hold(CLUSTER_CHECKS, Duration.ofSeconds(3 * checkSeconds));
        } catch (RuntimeException databaseAway) { // the database outage is told once it is back
            return false;
        }
    }

    private void disk() {
        long usable = space.usable();
        long reserve = space.reserve();
        if (usable > reserve + reserve / 10) { // a tenth above: a disk that hovers at the reserve does not flap
            alarms.clear(AlarmCondition.DISK_LOW, node);
        } else if (usable <= reserve) {
            alarms.raise(AlarmCondition.DISK_LOW, node, (usable >> 20) + " MB free, " + (reserve >> 20)
                    + " MB kept in reserve: uploads are refused (507) and conversions wait until there is room");
        }
    }

    /** An outage is told once the database answers again, from what requests met while it lasted. */
    private void databaseOutage() {
        DatabaseUnreachable.outage().ifPresent(outage -> {
            alarms.raise(AlarmCondition.DATABASE_UNREACHABLE, node, "from " + outage.first() + " to " + outage.last()
                    + " (" + outage.failures() + " requests and tasks met it; uploads were answered 503 meanwhile)");
            DatabaseUnreachable.forget(outage); // told; should it have gone on meanwhile, the next round tells the rest
        });
    }

    private void conversion() {
        ConversionQueue queue = conversions.measure();
        if (queue.failedLastDay() > 0) {
            alarms.raise(AlarmCondition.CONVERSION_FAILURES, "", recordings(queue.failedLastDay())
                    + " received in the last 24 hours could not be converted (see Recordings, state FAILED)");
        } else {
            alarms.clear(AlarmCondition.CONVERSION_FAILURES, "");
        }
        Duration waited = queue.oldestWaitingSince() == null ? Duration.ZERO : Duration.between(queue.oldestWaitingSince(), Instant.now());
        if (queue.waiting() > 0 && waited.toMinutes() >= backlogMinutes) {
            alarms.raise(AlarmCondition.CONVERSION_BACKLOG, "", recordings(queue.waiting()) + " waiting for conversion, the oldest for "
                    + minutes(waited.toMinutes()) + " (alarm from " + minutes(backlogMinutes) + ")");
        } else {
            alarms.clear(AlarmCondition.CONVERSION_BACKLOG, "");
        }
    }

    private void callInformation() {
        Duration wait = Duration.ofMinutes(settings.get(null, CallInformationSettings.WAIT_MINUTES)); // the operator's: a PBX's own wait is not asked here
        long missing = callRecords.missingSince(Instant.now().minus(Duration.ofDays(1)), wait);
        if (missing > 0) {
            alarms.raise(AlarmCondition.CALL_INFORMATION_MISSING, "", recordings(missing) + " of the last 24 hours got no call"
                    + " record within " + minutes(wait.toMinutes()) + ": is the PBX still sending call information?");
        } else {
            alarms.clear(AlarmCondition.CALL_INFORMATION_MISSING, "");
        }
    }

    private void licences() {
        licences.overAssigned().ifPresentOrElse(warning -> alarms.raise(AlarmCondition.LICENCES_OVER_ASSIGNED, "", warning),
                () -> alarms.clear(AlarmCondition.LICENCES_OVER_ASSIGNED, ""));
    }

    private void jobs() {
        Instant now = Instant.now();
        interruptedRuns.failRunsOfGoneNodes(); // a dead node's runs end FAILED now, and are told below, not at the next start
        for (JobRun run : jobs.failedSince(jobsSeen)) { // once per run, however often it is seen
            alarms.raiseOnce(AlarmCondition.JOB_FAILED, run.job() + " run " + run.executionId(), "ended FAILED at "
                    + run.endedAt() + (run.exitStatus() == null ? "" : " (" + run.exitStatus() + ")") + "; restart it from the Jobs page");
        }
        jobsSeen = now; // only once all are told: a round that failed half-way looks again
    }

    private void backups() {
        backups.overdue().ifPresentOrElse(why -> alarms.raise(AlarmCondition.BACKUP_OVERDUE, "", why),
                () -> alarms.clear(AlarmCondition.BACKUP_OVERDUE, ""));
    }

    private void chain() {
        ChainVerification result = actionLog.checkChains();
        chainChecked = Instant.now();
        if (result.valid()) {
            alarms.clear(AlarmCondition.ACTION_LOG_BROKEN, "");
        } else {
            alarms.raise(AlarmCondition.ACTION_LOG_BROKEN, "", result.problem());
        }
    }

    // After the finder's transaction: it holds the action log's head (it logged the check), which raising an alarm
    // needs too, so raising inside it would wait on itself.
    public void onChainBroken(@Observes(during = TransactionPhase.AFTER_COMPLETION) ChainBroken broken) {
        alarms.raise(AlarmCondition.ACTION_LOG_BROKEN, "", broken.problem());
    }

    public void onSealBroken(@Observes(during = TransactionPhase.AFTER_COMPLETION) SealBroken broken) {
        alarms.raise(AlarmCondition.SEAL_BROKEN, "recording " + broken.recordingId(), broken.reason());
    }

    public void onClaimsAbandoned(@Observes(during = TransactionPhase.AFTER_COMPLETION) ClaimsAbandoned abandoned) {
        alarms.raise(AlarmCondition.CLAIMS_ABANDONED, "", abandoned.conversions() + " conversions claimed by a node that"
                + " stopped answering went back to the queue (its name's lease ran out, or their "
                + ConversionService.CLAIM_LEASE.toMinutes() + "-minute lease did): is a node down?");
    }

    private static boolean changedMeanwhile(Throwable e) {
        if (ChangedMeanwhile.explains(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) { // or the same alarm raised at once
            if (t instanceof EntityExistsException || t.getClass().getName().endsWith("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }

    private static String recordings(long n) {
        return n == 1 ? "1 recording" : n + " recordings";
    }

    private static String minutes(long n) {
        return n == 1 ? "1 minute" : n + " minutes";
    }

    private void check(String what, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.explains(e)) {
                LOG.fine(() -> "Alarm check of " + what + " waits for the database");
            } else if (changedMeanwhile(e)) { // another node, or an acknowledgement: the next round sees it
                LOG.fine(() -> "Alarm check of " + what + " met a change made meanwhile");
            } else {
                LOG.log(Level.WARNING, "Alarm check of " + what + " failed", e);
            }
        }
    }
}
