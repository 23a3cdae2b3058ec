package io.verbatim.ingest;

/** What became of an upload: a new recording, or the same bytes under the same name again. */
public record IngestOutcome(long recordingId, boolean created) {
}
