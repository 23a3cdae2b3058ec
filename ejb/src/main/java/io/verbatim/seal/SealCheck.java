package io.verbatim.seal;

import java.time.Instant;

/** What checking a recording's seal found: valid, altered (and what), or unsealed. */
public record SealCheck(long recordingId, Verdict verdict, Instant sealedAt, String reason) {

    public enum Verdict { VALID, ALTERED, UNSEALED }
}
