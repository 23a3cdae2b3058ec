package io.verbatim.conversion;

import java.io.Serializable;
import java.time.Instant;

/**
 * The conversion queue as administrators see it: recordings waiting and being converted, since when the oldest
 * has waited, and the conversions that failed in the last 24 hours.
 */
public record ConversionQueue(long waiting, long converting, Instant oldestWaitingSince, long failedLastDay) implements Serializable {
}
