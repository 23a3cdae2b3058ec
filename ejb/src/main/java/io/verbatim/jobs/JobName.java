package io.verbatim.jobs;

import io.verbatim.lifecycle.Expiry;
import jakarta.batch.runtime.BatchRuntime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The batch jobs, each by the name of its job file ({@code META-INF/batch-jobs/<id>.xml}), and the one way a job is
 * started. Conversion is not among them: it is a queue ({@link io.verbatim.conversion.ConversionQueue}).
 */
public enum JobName {
    /** Erases unprotected recordings older than their PBX's retention. */
    RETENTION,
    /** Erases what has lain in the recycle bin longer than its PBX's days. */
    RECYCLE_PURGE,
    /** Erases recordings of owners without a recorder licence after the grace. */
    LICENCE_GRACE,
    /** Writes one action-log export (PDF). */
    ACTION_LOG_EXPORT,
    /** Deletes the files of action-log exports older than the export keeping time. */
    EXPORT_EXPIRY,
    /** Seals the recordings not sealed yet once sealing is switched on. */
    SEAL,
    /** Writes a backup of the whole system (io.verbatim.backup). */
    BACKUP,
    /** Imports a folder of captures as uploads (io.verbatim.imports). */
    CAPTURE_IMPORT,
    /** Exports recordings to an export target, SFTP or S3 (io.verbatim.archive). */
    RECORDING_EXPORT;

    /** The job file's name, e.g. {@code recycle-purge}: what the batch runtime and the job list call it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The job of a job file's name, if it is one of ours. */
    public static Optional<JobName> of(String id) {
        return Arrays.stream(values()).filter(j -> j.id().equals(id)).findFirst();
    }

    /** The job that applies a lifecycle policy. */
    public static JobName of(Expiry policy) {
        return valueOf(policy.name());
    }

    /** The lifecycle policy this job applies, if it applies one. */
    public Optional<Expiry> policy() {
        return Arrays.stream(Expiry.values()).filter(e -> e.name().equals(name())).findFirst();
    }

    /** The parameter naming the node that runs a run (a restart: the node that restarted it). */
    public static final String NODE = "node";

    /**
     * Starts a run of this job now on this node, named among its parameters, so that another node starting fails
     * none of this node's runs ({@link InterruptedRuns}); @return its execution id.
     */
    public long start(Properties parameters, String node) {
        parameters.setProperty(NODE, node);
        return BatchRuntime.getJobOperator().start(id(), parameters);
    }

    /** The ids of these jobs, for a message listing what may be asked for. */
    static String ids(JobName... jobs) {
        return Arrays.stream(jobs).map(JobName::id).collect(Collectors.joining(", "));
    }
}
