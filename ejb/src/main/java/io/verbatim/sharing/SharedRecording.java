package io.verbatim.sharing;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a share's page shows of its recording, and nothing more: the call in a line, its length, who shared it and
 * until when; whether a password must be typed first.
 */
public record SharedRecording(long shareId, String call, String duration, String sharedBy, Instant expiresAt,
                              boolean passwordProtected) implements Serializable {
}
