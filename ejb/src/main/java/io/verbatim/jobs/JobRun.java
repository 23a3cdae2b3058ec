package io.verbatim.jobs;

import java.io.Serializable;
import java.time.Instant;

/**
 * One run of a batch job as administrators see it: which job, its status (STARTING, STARTED, COMPLETED, FAILED,
 * STOPPED, …), when, how long, how many items it read and wrote (for lifecycle jobs: recordings looked at and
 * deleted), and the exit status, which names the error of a failed run.
 */
public record JobRun(long executionId, String job, String status, Instant startedAt, Instant endedAt, Double durationSeconds,
                     long read, long written, String exitStatus, String parameters) implements Serializable {
}
