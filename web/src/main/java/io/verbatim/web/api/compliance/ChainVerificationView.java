package io.verbatim.web.api.compliance;

import io.verbatim.audit.ChainVerification;
import jakarta.json.bind.annotation.JsonbNillable;

/**
 * The result of checking the action log's chains; {@code chain} is the PBX whose chain was checked ({@code *}: every
 * chain, null: the deployment's), {@code scope} says so in words; {@code firstBrokenEntry} (a position in that
 * chain) and {@code problem} are null when valid.
 */
@JsonbNillable
public record ChainVerificationView(boolean valid, String chain, String scope, long entriesChecked, Long firstBrokenEntry,
                                    String problem) {

    static ChainVerificationView of(ChainVerification v) {
        return new ChainVerificationView(v.valid(), v.chain(), v.scope(), v.entriesChecked(), v.firstBrokenEntry(), v.problem());
    }
}
