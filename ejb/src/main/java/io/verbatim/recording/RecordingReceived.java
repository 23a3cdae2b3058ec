package io.verbatim.recording;

/** Event: a new original was catalogued and waits for conversion. */
public record RecordingReceived(long recordingId) {
}
