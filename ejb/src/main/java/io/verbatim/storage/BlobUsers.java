package io.verbatim.storage;

import java.util.Set;

/**
 * Rows of one kind that name blobs (recordings, quarantined uploads, exports). Each capability that keeps blob keys
 * provides one, so that a blob leaves the store only when no row of any kind names it: the store is content-addressed,
 * and the same bytes stored twice are one blob.
 */
public interface BlobUsers {

    /** How many rows of this kind name the blob. */
    long naming(String blobKey);

    /**
     * The columns, as {@code table.column}, that hold the blob keys of these rows: a backup reads them in the same
     * snapshot as the rows, so it copies exactly the blobs its rows name.
     */
    Set<String> keyColumns();
}
