/**
 * Importing a folder of captures (from another recorder, a WebDAV copy, a device's own store) as if each had been
 * uploaded: the same checks, quarantine for what is refused, conversion, owner rules. The operator names a folder
 * inside the import folder ({@code VERBATIM_IMPORT_DIR}, by default {@code import/} in the data folder) and the PBX
 * the captures are of; the batch job {@code capture-import} reads it. Uses {@code ingest} for each capture and
 * {@code jobs} to start the run.
 */
package io.verbatim.imports;
