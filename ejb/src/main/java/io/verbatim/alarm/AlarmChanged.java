package io.verbatim.alarm;

import java.time.Instant;

/** An alarm was raised or cleared (fired after its transaction commits: what is told has happened). */
public record AlarmChanged(long id, AlarmCondition condition, String title, String detail, boolean raised, Instant at) {
}
