package io.verbatim.callinfo;

import java.time.Duration;
import java.time.Instant;

/** Whether a recording has its call information: matched, still waiting for it, or flagged as missing it. */
public enum CallInformationStatus {
    MATCHED, WAITING, MISSING;

    /** A recording without a call record waits {@code wait} from its arrival; then it is missing one (never deleted for it). */
    public static CallInformationStatus of(CallRecord record, Instant receivedAt, Duration wait, Instant now) {
        if (record != null) {
            return MATCHED;
        }
        return now.isBefore(receivedAt.plus(wait)) ? WAITING : MISSING;
    }
}
