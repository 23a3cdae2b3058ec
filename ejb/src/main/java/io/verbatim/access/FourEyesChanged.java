package io.verbatim.access;

/** A 4-eyes request was made, granted or ended: the people whose pages should show it at once. */
public record FourEyesChanged(String user, String monitor) {
}
