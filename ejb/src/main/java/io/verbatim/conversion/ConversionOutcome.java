package io.verbatim.conversion;

import io.verbatim.media.ConversionResult;

/** The result of converting one recording: audio stored, or the reason it could not be. */
public record ConversionOutcome(long recordingId, String audioKey, long audioSize, String audioSha256, String audioFormat,
                                ConversionResult result, String failure) {

    public static ConversionOutcome converted(long id, String audioKey, long audioSize, String audioSha256, String audioFormat,
                                              ConversionResult result) {
        return new ConversionOutcome(id, audioKey, audioSize, audioSha256, audioFormat, result, null);
    }

    public static ConversionOutcome failed(long id, String reason) {
        return new ConversionOutcome(id, null, 0, null, null, null, reason);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
