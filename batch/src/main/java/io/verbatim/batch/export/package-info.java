/**
 * The action-log export jobs: {@code action-log-export}, which makes one requested PDF export, and
 * {@code export-expiry}, which deletes export files older than their PBX's keeping time. {@link ExportStarter} starts
 * an export's job once its request has committed, so the job finds it; {@link ActionLogExportBatchlet} runs
 * {@code io.verbatim.report.ActionLogExportRun}; {@link ExportExpiryBatchlet} expires files through
 * {@code io.verbatim.audit.ActionLogExports}. The export expiry starts each night with the lifecycle jobs
 * ({@code io.verbatim.batch.lifecycle}) or by hand from the Jobs page.
 */
package io.verbatim.batch.export;
