/**
 * The {@code recording-export} job: {@link ExportCandidateReader} reads the recordings a target takes, in id order;
 * {@link RecordingExportWriter} exports each in the chunk's transaction over one connection. What a target takes and
 * how one recording is exported is {@code io.verbatim.archive.RecordingExports}'s.
 */
package io.verbatim.batch.archive;
