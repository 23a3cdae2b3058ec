/**
 * Everything the server keeps on disk, and not running out of disk: the data folder, uploads staged and synced before
 * anyone is told they are there, the content-addressed blob store for originals, audio, quarantined uploads and
 * exports, the disk reserve, and removing blobs once no row names them. {@link BlobStore} stores and opens blobs by
 * their SHA-256, under the data folder or in an S3-compatible bucket ({@link ConfiguredBlobStore}); {@link Staging}
 * receives request bodies;
 * {@link BlobDisposals} removes blobs after the deleting transaction commits, and keeps any blob another row still
 * names, since the same bytes stored twice are one blob. It uses no other Verbatim package; {@code io.verbatim.crypto}
 * adds encryption around the blob store, and each package that keeps blob keys says which it names through a
 * {@link BlobUsers}.
 */
package io.verbatim.storage;
