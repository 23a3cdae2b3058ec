package io.verbatim.conversion;

import io.verbatim.media.ConversionResult;

/**
 * The result of converting one recording: audio stored; the reason it could not be; postponed, because the disk had
 * no room, which says nothing of the capture, so it waits in the queue; or timed out, stopped by the drain's
 * watchdog, so it is tried again a bounded number of times.
 */
public record ConversionOutcome(long recordingId, Kind kind, String audioKey, long audioSize, String audioSha256,
                                String audioFormat, ConversionResult result, String failure) {

    public enum Kind { CONVERTED, FAILED, POSTPONED, TIMED_OUT }

    public static ConversionOutcome converted(long id, String audioKey, long audioSize, String audioSha256, String audioFormat,
                                              ConversionResult result) {
        return new ConversionOutcome(id, Kind.CONVERTED, audioKey, audioSize, audioSha256, audioFormat, result, null);
    }

    public static ConversionOutcome failed(long id, String reason) {
        return new ConversionOutcome(id, Kind.FAILED, null, 0, null, null, null, reason);
    }

    public static ConversionOutcome postponed(long id, String reason) {
        return new ConversionOutcome(id, Kind.POSTPONED, null, 0, null, null, null, reason);
    }

    public static ConversionOutcome timedOut(long id, String reason) {
        return new ConversionOutcome(id, Kind.TIMED_OUT, null, 0, null, null, null, reason);
    }

    public boolean succeeded() {
        return kind == Kind.CONVERTED;
    }

    public boolean postponed() {
        return kind == Kind.POSTPONED;
    }
}
