package io.verbatim.web.api.compliance;

import io.verbatim.seal.SealCheck;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.Locale;

/** A recording's seal as checked now: {@code status} valid, altered (with the {@code reason}) or unsealed. */
@JsonbNillable
public record SealCheckView(long recordingId, String status, Instant sealedAt, String reason) {

    public static SealCheckView of(SealCheck c) {
        return new SealCheckView(c.recordingId(), c.verdict().name().toLowerCase(Locale.ROOT), c.sealedAt(), c.reason());
    }
}
