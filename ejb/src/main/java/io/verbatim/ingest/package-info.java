/**
 * Taking a device's upload from the wire into the catalogue without ever losing it: the bytes staged and synced, stored
 * under their SHA-256, noted in an intake receipt, then catalogued in a transaction made durable before the device is
 * answered; what cannot be catalogued is quarantined with the reason. {@link IngestService} is the upload's path
 * (called by {@code io.verbatim.web.ingest}); {@link Quarantine} keeps refused uploads for administrators;
 * {@link CaptureFiles} serves each PBX's originals for reading over WebDAV. It stores through
 * {@code io.verbatim.storage}, syncs commits with {@code io.verbatim.database}, recognises the capture format with
 * {@code io.verbatim.media}, registers a new PBX through {@code io.verbatim.directory} (when the settings allow),
 * creates the {@code io.verbatim.recording} row and matches call information already received
 * ({@code io.verbatim.callinfo}). After a crash, the receipts let the originals stored but not yet catalogued be
 * catalogued again at the next start; conversion is not done here but in {@code io.verbatim.conversion}.
 */
package io.verbatim.ingest;
