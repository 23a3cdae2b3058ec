package io.verbatim.web.api;

import io.verbatim.audit.ChainVerification;
import jakarta.json.bind.annotation.JsonbNillable;

/** The result of checking the action log's chain; {@code firstBrokenEntry} and {@code problem} are null when valid. */
@JsonbNillable
public record ChainVerificationView(boolean valid, long entriesChecked, Long firstBrokenEntry, String problem) {

    static ChainVerificationView of(ChainVerification v) {
        return new ChainVerificationView(v.valid(), v.entriesChecked(), v.firstBrokenEntry(), v.problem());
    }
}
