package io.verbatim.lifecycle;

/** What can be done to many recordings at once. */
public enum BulkAction {
    PROTECT, UNPROTECT, DELETE
}
