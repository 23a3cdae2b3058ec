package io.verbatim.conversion;

/** Conversions claimed by other nodes that stopped answering went back to the queue after their lease. */
public record ClaimsAbandoned(int conversions) {
}
