package io.verbatim.audit;

/** A check of the action log found its chain broken: an entry was changed, removed or inserted. */
public record ChainBroken(String problem) {
}
