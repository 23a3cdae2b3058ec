/**
 * The batch job {@code backup}: the database in one snapshot with the server's keys, then the blobs its rows name (in
 * chunks, so the Jobs page shows how many are copied, and a restart goes on after the last chunk completed), then the
 * signed manifest; what a backup is and holds is {@code io.verbatim.backup}'s.
 */
package io.verbatim.batch.backup;
