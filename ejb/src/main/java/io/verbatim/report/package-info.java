/**
 * The files recordings and the action log leave the server as: a recording's ZIP download (its audio, a PDF of its call
 * information, notes and activity, and for a sealed recording the sealed text and signature) and the action log's PDF
 * export. {@link RecordingDownloads} prepares a recording's download for the caller; {@link RecordingReport} writes
 * that recording's PDF; {@link ActionLogExportRun} makes one action-log export for the {@code action-log-export} job.
 * It reads from {@code io.verbatim.recording} (notes too), {@code io.verbatim.callinfo},
 * {@code io.verbatim.seal} and {@code io.verbatim.audit} (entries and the chain check), and reads audio and stores
 * export files through {@code io.verbatim.storage}. PDFs are made with iText; Arabic and Hebrew text is shaped and
 * ordered with ICU, which iText leaves to a commercial add-on.
 */
package io.verbatim.report;
