package io.verbatim.lifecycle;

/** What deleting a recording did: moved it to the recycle bin, or erased it for good. */
public enum Deletion {
    RECYCLE_BIN, ERASED
}
