package io.verbatim.jobs;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.caller.Caller;
import io.verbatim.cluster.NodeIdentity;
import io.verbatim.lifecycle.Expiry;
import io.verbatim.lifecycle.RecordingExpiry;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.settings.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The batch jobs administrators see and steer: their runs (from the job repository in the database, so history
 * survives restarts and is shared by nodes), starting the lifecycle jobs now, and restarting a failed or stopped
 * run from its last checkpoint. A run started for one PBX (by its administrator) names it in its {@code pbx}
 * parameter and is all that PBX's administrators see; the operator's and the nightly runs cover every PBX, each
 * with its own policy, and are the operator's.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class JobRuns {

    private static final Logger LOG = Logger.getLogger(JobRuns.class.getName());
    /** The jobs shown, by their ids: all of {@link JobName}. */
    private static final List<String> JOBS = Arrays.stream(JobName.values()).map(JobName::id).toList();
    static final String CUTOFF = "cutoff";
    /** The parameter naming the PBX a run is of: its administrators see it on the Jobs page. */
    public static final String PBX = "pbx";
    /** How far back a PBX's administrator's list looks among all PBXs' runs of a job. */
    private static final int SCANNED = 2000;

    @Inject
    RecordingExpiry expiry;

    @Inject
    Caller caller;

    @Inject
    ActionLog actionLog;

    @Inject
    Settings settings;

    @Inject
    NodeIdentity node;

    /** The newest runs of each job, newest first. */
    @RolesAllowed("ADMIN")
    public List<JobRun> recent(int perJob) {
        String tenant = caller.tenant();
        JobOperator operator = BatchRuntime.getJobOperator();
        List<JobRun> runs = new ArrayList<>();
        for (String job : JOBS) {
            // a PBX's own runs, however many other PBXs' came after them: read on past those (up to a bound)
            int shown = 0;
            for (int start = 0; shown < perJob && start < SCANNED; start += perJob) {
                List<JobInstance> instances;
                try {
                    instances = operator.getJobInstances(job, start, perJob);
                } catch (NoSuchJobException neverRun) {
                    break;
                }
                for (JobInstance instance : instances) {
                    boolean seen = false;
                    for (JobExecution execution : operator.getJobExecutions(instance)) {
                        Properties parameters = parameters(operator, execution);
                        if (visible(parameters, tenant)) {
                            runs.add(run(operator, execution, parameters));
                            seen = true;
                        }
                    }
                    shown += seen ? 1 : 0;
                }
                if (instances.size() < perJob || tenant == null) {
                    break;
                }
            }
        }
        runs.sort(Comparator.comparingLong(JobRun::executionId).reversed());
        return runs;
    }

    /** Runs of the shown jobs that ended FAILED after {@code since} (among each job's newest ten), oldest first. */
    public List<JobRun> failedSince(Instant since) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<JobRun> failed = new ArrayList<>();
        for (String job : JOBS) {
            List<JobInstance> instances;
            try {
                instances = operator.getJobInstances(job, 0, 10);
            } catch (NoSuchJobException neverRun) {
                continue;
            }
            for (JobInstance instance : instances) {
                for (JobExecution execution : operator.getJobExecutions(instance)) {
                    if (execution.getBatchStatus() == BatchStatus.FAILED && execution.getEndTime() != null
                            && execution.getEndTime().toInstant().isAfter(since)) {
                        failed.add(run(operator, execution, parameters(operator, execution)));
                    }
                }
            }
        }
        failed.sort(Comparator.comparing(JobRun::endedAt));
        return failed;
    }

    @RolesAllowed("ADMIN")
    public JobRun get(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecution execution = operator.getJobExecution(executionId);
        Properties parameters = execution == null ? null : parameters(operator, execution);
        if (execution == null || !JOBS.contains(execution.getJobName()) || !visible(parameters, caller.tenant())) {
            throw new NoSuchEntryException("job run " + executionId);
        }
        return run(operator, execution, parameters);
    }

    /**
     * Starts a lifecycle job or the export expiry now (an administrator's request): for the caller's PBX with its
     * policy, or for the operator every PBX with each one's; empty when the policy is off.
     */
    @RolesAllowed("ADMIN")
    public Optional<JobRun> start(String job) {
        String tenant = caller.tenant();
        JobName started = JobName.of(job).filter(j -> j == JobName.EXPORT_EXPIRY || j.policy().isPresent())
                .orElseThrow(() -> new IllegalArgumentException("job must be one of " + JobName.ids(JobName.RETENTION,
                        JobName.RECYCLE_PURGE, JobName.LICENCE_GRACE, JobName.EXPORT_EXPIRY)));
        Optional<Long> id = started == JobName.EXPORT_EXPIRY ? Optional.of(startExportExpiry(tenant))
                : startLifecycleJob(started.policy().orElseThrow(), tenant);
        actionLog.record(Action.JOB_START, job + (id.isPresent() ? " (run " + id.get() + ")" : ": off, not started"));
        return id.map(this::get);
    }

    /**
     * What running a lifecycle job now would do, for the person about to start it: how many recordings it would delete
     * (of the caller's PBX, or the operator's every PBX); empty for a job that deletes no recordings, or whose policy is off.
     */
    @RolesAllowed("ADMIN")
    public OptionalLong wouldDelete(String job) {
        Optional<Expiry> policy = JobName.of(job).flatMap(JobName::policy);
        if (policy.isEmpty()) {
            return OptionalLong.empty();
        }
        Map<String, Instant> cutoffs = expiry.cutoffs(policy.get(), caller.tenant(), Instant.now());
        return RecordingExpiry.anyOn(cutoffs) ? OptionalLong.of(expiry.due(policy.get(), cutoffs)) : OptionalLong.empty();
    }

    /**
     * Starts a lifecycle job with the cutoff each PBX's policy gives now (of one PBX, or {@code null}: every PBX with
     * recordings), fixed for the run and any restart of it; empty when every policy covered is off.
     */
    public Optional<Long> startLifecycleJob(Expiry policy, String pbx) {
        Map<String, Instant> cutoffs = expiry.cutoffs(policy, pbx, Instant.now());
        if (!RecordingExpiry.anyOn(cutoffs)) {
            return Optional.empty();
        }
        Properties parameters = new Properties();
        if (pbx != null) {
            parameters.setProperty(PBX, pbx);
        }
        return Optional.of(startWithCutoff(JobName.of(policy), RecordingExpiry.format(cutoffs), parameters, "what is older than"));
    }

    /**
     * Starts the export expiry with the export keeping times: of one PBX, or ({@code null}) the default's for
     * {@link RecordingExpiry#OTHERS} (the operator's exports among them) and those of PBXs with their own.
     */
    public long startExportExpiry(String pbx) {
        Map<String, Integer> days = new TreeMap<>();
        if (pbx == null) {
            days.put(RecordingExpiry.OTHERS, settings.get(null, JobSettings.EXPORT_KEEP_DAYS).intValue());
            settings.pbxsWithOwn(JobSettings.EXPORT_KEEP_DAYS).forEach(p -> days.put(p, settings.get(p, JobSettings.EXPORT_KEEP_DAYS).intValue()));
        } else {
            days.put(pbx, settings.get(pbx, JobSettings.EXPORT_KEEP_DAYS).intValue());
        }
        Properties parameters = new Properties();
        parameters.setProperty("keepDays", days.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        if (pbx != null) {
            parameters.setProperty(PBX, pbx);
        }
        return startWithCutoff(JobName.EXPORT_EXPIRY, Instant.now().toString(), parameters, "exports older than their keeping time at");
    }

    /** Whether a run is one the caller's PBX may see: started for it; the operator ({@code null}) sees all. */
    private static boolean visible(Properties parameters, String tenant) {
        return tenant == null || (parameters != null && tenant.equals(parameters.getProperty(PBX)));
    }

    /** Starts a deleting job with its cutoff among its parameters, fixed for the run and any restart of it. */
    private long startWithCutoff(JobName job, String cutoff, Properties parameters, String deleting) {
        parameters.setProperty(CUTOFF, cutoff);
        long id = job.start(parameters, node.name());
        LOG.info("Started " + job.id() + " (run " + id + "), deleting " + deleting + " " + cutoff);
        return id;
    }

    /** Asks a running job to stop after its current chunk (what it committed stays done; a restart goes on from there). */
    @RolesAllowed("ADMIN")
    public JobRun stop(long executionId) {
        JobRun run = get(executionId);
        if (!run.status().equals(BatchStatus.STARTING.name()) && !run.status().equals(BatchStatus.STARTED.name())) {
            throw new IllegalArgumentException("run " + executionId + " is " + run.status() + ", not running");
        }
        BatchRuntime.getJobOperator().stop(executionId);
        actionLog.record(Action.JOB_START, run.job() + ": run " + executionId + " asked to stop");
        return get(executionId);
    }

    /** Restarts a failed or stopped run from its last checkpoint, with its own parameters. */
    @RolesAllowed("ADMIN")
    public JobRun restart(long executionId) {
        JobRun run = get(executionId);
        if (!run.status().equals(BatchStatus.FAILED.name()) && !run.status().equals(BatchStatus.STOPPED.name())) {
            throw new IllegalArgumentException("run " + executionId + " is " + run.status() + "; only FAILED or STOPPED runs restart");
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties again = new Properties(); // the first run's, on this node
        Properties first = parameters(operator, operator.getJobExecution(executionId));
        if (first != null) {
            again.putAll(first);
        }
        again.setProperty(JobName.NODE, node.name());
        long id = operator.restart(executionId, again);
        actionLog.record(Action.JOB_START, run.job() + ": run " + executionId + " restarted as run " + id);
        return get(id);
    }

    /** A run's parameters: a restart runs with its first run's (before runs named their node, it was given none). */
    private static Properties parameters(JobOperator operator, JobExecution e) {
        Properties p = e.getJobParameters();
        if (p == null || p.isEmpty() || p.getProperty(CUTOFF) == null) {
            p = operator.getJobExecutions(operator.getJobInstance(e.getExecutionId())).stream()
                    .min(Comparator.comparingLong(JobExecution::getExecutionId)).map(JobExecution::getJobParameters).orElse(null);
        }
        return p;
    }

    private static JobRun run(JobOperator operator, JobExecution e, Properties p) {
        long read = 0;
        long written = 0;
        for (StepExecution step : operator.getStepExecutions(e.getExecutionId())) {
            for (Metric m : step.getMetrics()) {
                if (m.getType() == Metric.MetricType.READ_COUNT) {
                    read += m.getValue();
                } else if (m.getType() == Metric.MetricType.WRITE_COUNT) {
                    written += m.getValue();
                }
            }
        }
        Instant start = e.getStartTime() == null ? null : e.getStartTime().toInstant();
        Instant end = e.getEndTime() == null ? null : e.getEndTime().toInstant();
        Double seconds = start == null || end == null ? null : Duration.between(start, end).toMillis() / 1000.0;
        String parameters = p == null || p.isEmpty() ? null : new TreeMap<>(p).toString();
        return new JobRun(e.getExecutionId(), e.getJobName(), e.getBatchStatus().name(), start, end, seconds, read, written,
                e.getExitStatus(), parameters);
    }
}
