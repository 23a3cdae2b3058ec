package io.verbatim.audit;

/** An export of the action log was asked for; once that has committed, its job starts. */
public record ExportRequested(long exportId) {
}
