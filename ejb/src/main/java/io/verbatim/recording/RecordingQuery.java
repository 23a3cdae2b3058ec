package io.verbatim.recording;

import java.time.Instant;

/**
 * What a person or system looks for in the catalog. Every field is optional; {@code text} matches file name,
 * owner, call id or the text of a note, with {@code *} as a wildcard; {@code unassigned} keeps recordings whose
 * owner is no user of their PBX (a trunk or an unregistered extension the owner rules could not resolve).
 */
public record RecordingQuery(String owner, Instant from, Instant to, String text, RecordingState state,
                             String callId, boolean unassigned, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public RecordingQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
