/**
 * The batch module: the Jakarta Batch jobs (their XML in {@code META-INF/batch-jobs}), one sub-package per kind, and in
 * this package what their readers share. {@link RecordingIdReader} reads recording ids in ascending order a page at a
 * time and checkpoints on the last id handed out, so a restarted run neither repeats a committed chunk nor skips the
 * rest. The jobs only drive the work: the rules they apply live in the EJB module's services, and administrators see
 * and start runs through {@code io.verbatim.jobs}.
 */
package io.verbatim.batch;
