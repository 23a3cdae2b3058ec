/**
 * The nightly deletion jobs by age: {@code retention}, {@code recycle-purge} and {@code licence-grace}, one per
 * {@code io.verbatim.lifecycle.Expiry} policy, all made of the same reader and writer. {@link ExpiredRecordingReader}
 * reads the ids a policy covers for the PBXs' cutoffs fixed when the job started; {@link ExpiredRecordingWriter}
 * deletes each in the chunk's transaction if the policy still covers it; {@link LifecycleScheduler} starts these jobs
 * and the export expiry at 02:15 each night unless {@code verbatim.lifecycle.schedule} is {@code off}. What a policy
 * deletes, and how, is decided in {@code io.verbatim.lifecycle.RecordingExpiry}; runs started by hand go through
 * {@code io.verbatim.jobs.JobRuns}.
 */
package io.verbatim.batch.lifecycle;
