package io.verbatim.audit;

import java.time.Instant;

/** A search of the action log; {@code null} filters match everything; {@code from} inclusive, {@code to} exclusive. */
public record ActionLogQuery(Long recordingId, String user, Action action, Instant from, Instant to, int offset, int limit) {

    public ActionLogQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
    }
}
