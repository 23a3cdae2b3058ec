package io.verbatim.settings;

/**
 * Sealing was switched on for a PBX ({@code null}: by the operator, for every PBX that has not set its own): once
 * that has committed, the seal job seals the recordings converted before.
 */
public record SealingEnabled(String pbx) {
}
