/**
 * Exporting recordings to other systems' storage: export targets (an SFTP server's folder, an S3-compatible bucket),
 * each of a PBX (or the operator's, of every PBX), that receive each recording as its audio and a JSON file of its
 * metadata under a name template, once per target ({@link io.verbatim.archive.ExportedRecording}), by the
 * {@code recording-export} job (batch module) started now or daily ({@link io.verbatim.archive.ExportSchedule});
 * optionally erasing what was exported, whose keeping is then the target's. Credentials are taken, kept encrypted with
 * the master key, and never shown.
 */
package io.verbatim.archive;
