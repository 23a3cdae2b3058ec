package io.verbatim.conversion;

import io.verbatim.media.ConversionResult;

/**
 * The result of converting one recording: audio stored, the reason it could not be, or postponed: the disk had no
 * room, which says nothing of the capture, so it waits in the queue for another try.
 */
public record ConversionOutcome(long recordingId, String audioKey, long audioSize, String audioSha256, String audioFormat,
                                ConversionResult result, String failure, boolean postponed) {

    public static ConversionOutcome converted(long id, String audioKey, long audioSize, String audioSha256, String audioFormat,
                                              ConversionResult result) {
        return new ConversionOutcome(id, audioKey, audioSize, audioSha256, audioFormat, result, null, false);
    }

    public static ConversionOutcome failed(long id, String reason) {
        return new ConversionOutcome(id, null, 0, null, null, null, reason, false);
    }

    public static ConversionOutcome postponed(long id, String reason) {
        return new ConversionOutcome(id, null, 0, null, null, null, reason, true);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
