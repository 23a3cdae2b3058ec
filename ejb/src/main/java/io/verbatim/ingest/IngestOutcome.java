package io.verbatim.ingest;

/** What became of an upload: a new recording of {@code size} bytes, or the same bytes under the same name again. */
public record IngestOutcome(long recordingId, boolean created, long size) {
}
