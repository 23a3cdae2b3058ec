package io.verbatim.access;

import java.time.Instant;

/**
 * A 4-eyes request was made, granted or ended: the people whose pages should show it at once. {@code grant} and
 * {@code at} name the change, so that a node that also finds it in the database tells it once.
 */
public record FourEyesChanged(String user, String monitor, long grant, Instant at) {
}
