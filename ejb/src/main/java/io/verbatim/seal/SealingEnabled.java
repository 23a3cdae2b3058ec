package io.verbatim.seal;

/** Sealing was switched on: once that has committed, the seal job seals the recordings converted before. */
public record SealingEnabled() {
}
