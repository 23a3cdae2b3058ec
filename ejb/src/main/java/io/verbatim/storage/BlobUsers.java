package io.verbatim.storage;

/**
 * Rows of one kind that name blobs (recordings, quarantined uploads, exports). Each capability that keeps blob keys
 * provides one, so that a blob leaves the store only when no row of any kind names it: the store is content-addressed,
 * and the same bytes stored twice are one blob.
 */
public interface BlobUsers {

    /** How many rows of this kind name the blob. */
    long naming(String blobKey);
}
