package io.verbatim.recording;

/**
 * A recording's conversion ended or its call's information arrived, told synchronously inside the transaction that
 * stores it (its arrival is {@link RecordingReceived}; its deletion is in the action log).
 */
public record RecordingChanged(long recordingId, Change change) {

    public enum Change {
        /** Converted: its audio plays. */
        READY,
        /** Its conversion failed for good; the original is kept and the reason says why. */
        FAILED,
        /** Its call's record (parties, direction, times) is now known. */
        CALL_INFORMATION_MATCHED
    }
}
