package io.verbatim.audit;

/** How an action ended: done, refused by a rule, or failed. */
public enum Outcome {
    SUCCESS, DENIED, FAILED
}
