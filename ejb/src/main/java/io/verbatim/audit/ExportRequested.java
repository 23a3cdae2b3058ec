package io.verbatim.audit;

/** An export of the action log was asked for (of a PBX's log; {@code null}: the operator's); once that has committed, its job starts. */
public record ExportRequested(long exportId, String pbx) {
}
