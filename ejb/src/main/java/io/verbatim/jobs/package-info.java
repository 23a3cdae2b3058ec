/**
 * The batch jobs as administrators see and steer them: recent runs from the job repository, starting the lifecycle jobs
 * and the export expiry now, and stopping a run or restarting it from its last checkpoint. {@link JobRuns} serves the
 * Jobs page and API and shows each PBX's administrators only their PBX's runs; {@link InterruptedRuns} marks, at start,
 * the runs a killed server left STARTED as FAILED, so they can be restarted. It takes the lifecycle policies and their
 * cutoffs from {@code io.verbatim.lifecycle} and {@code io.verbatim.settings}, and logs each start, stop and restart
 * through {@code io.verbatim.audit}. The jobs themselves (their XML, readers and writers) are in the batch module,
 * {@code io.verbatim.batch}.
 */
package io.verbatim.jobs;
