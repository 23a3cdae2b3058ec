package io.verbatim.access;

/** What deleting a recording does for the users of an app object. */
public enum DeletionMode {
    /** Into the recycle bin, from which an administrator can restore it. */
    RECOVERABLE,
    /** Gone: row, audio and original. */
    PERMANENT,
    /** Not allowed. */
    DENIED
}
