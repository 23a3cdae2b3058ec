/** The batch job {@code capture-import}: the captures of a folder, each imported as an upload ({@code io.verbatim.imports}). */
package io.verbatim.batch.imports;
