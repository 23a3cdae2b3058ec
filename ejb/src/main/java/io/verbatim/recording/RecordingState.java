package io.verbatim.recording;

/** Where a recording is on its way from upload to playable audio. */
public enum RecordingState {
    /** Original stored; waiting for conversion. */
    RECEIVED,
    /** Claimed by a conversion run on some node. */
    CONVERTING,
    /** Audio available. */
    READY,
    /** Conversion failed; the original is kept and the reason says why. */
    FAILED
}
