package io.verbatim.seal;

/** A seal check found a recording's audio or sealed metadata changed since it was sealed. */
public record SealBroken(long recordingId, String reason) {
}
