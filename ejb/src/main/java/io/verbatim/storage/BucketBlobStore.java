package io.verbatim.storage;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@link BlobStore} in an S3-compatible bucket (AWS S3, MinIO, Ceph, S3Proxy...), for several nodes that share their
 * blobs. A put returns once the bucket has answered that it holds all the bytes ({@link Bucket#upload}); reads are
 * ranged GETs that stream, so a player's {@code Range} and a seek fetch only what they need.
 *
 * <p>Re-putting bytes that are already stored and deleting them may race as on the local disk, and are kept apart the
 * same way ({@link LocalBlobStore}): a put leaves a mark ({@code <key>.put}) before it looks, and a deletion puts
 * the blob aside (a server-side copy to {@code <key>.deleting}) and deletes it before it looks at the mark, putting it
 * back when the mark is fresh. A bucket is strongly consistent for reads after writes, so of the two, either the
 * deletion sees the mark or the put finds no blob and uploads its own copy.
 */
final class BucketBlobStore implements BlobStore, AutoCloseable {

    static final long PART_BYTES = Bucket.PART_BYTES;

    private final Bucket bucket;

    BucketBlobStore(BucketSettings where) {
        this.bucket = new Bucket(where);
    }

    BucketSettings where() {
        return bucket.where();
    }

    /** Whether the bucket is there and ours to use: what readiness asks, every few seconds, so it is quick. */
    void probe() {
        bucket.probe();
    }

    /** @return whether it made the bucket, missing until now */
    boolean createIfMissing() {
        return bucket.createIfMissing();
    }

    @Override
    public String put(Path completeFile, String sha256Hex, String pbx) throws IOException {
        String key = ContentKey.of(sha256Hex);
        String name = name(key);
        bucket.putEmpty(name + ".put", "mark " + key);
        if (bucket.head(name) != null) {
            Files.delete(completeFile); // the same bytes are stored already
            return key;
        }
        bucket.upload(name, completeFile, key);
        bucket.remove(name + ".put", "unmark " + key); // the first copy: nothing else named it
        Files.delete(completeFile);
        return key;
    }

    @Override
    public SeekableByteChannel open(String key) throws IOException {
        Stored stored = stored(key);
        return new BucketObjectChannel(key, stored.head().contentLength(), from -> get(key, stored.name(), from));
    }

    private ResponseInputStream<GetObjectResponse> get(String key, String name, long from) throws IOException {
        try {
            return bucket.read(name, from, key);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(key, null, "removed from the bucket while it was read");
        }
    }

    @Override
    public long size(String key) throws IOException {
        return stored(key).head().contentLength();
    }

    @Override
    public boolean exists(String key) {
        String name = name(key);
        return bucket.head(name) != null || bucket.head(name + ".deleting") != null;
    }

    /** Where a blob's bytes are and what they are. */
    private record Stored(String name, HeadObjectResponse head) {
    }

    /**
     * The blob, or its copy that a deletion put aside and could not put back (the bucket failed it halfway, and a row
     * that names the blob committed meanwhile): the bytes are there, so they are read from there.
     * @throws NoSuchFileException when neither is, and the bucket itself is (a missing bucket is the storage at fault)
     */
    private Stored stored(String key) throws NoSuchFileException {
        String name = name(key);
        HeadObjectResponse head = bucket.head(name);
        if (head != null) {
            return new Stored(name, head);
        }
        HeadObjectResponse aside = bucket.head(name + ".deleting");
        if (aside != null) {
            return new Stored(name + ".deleting", aside);
        }
        bucket.probe(); // a HEAD's 404 does not say whether the key or the bucket is missing
        throw new NoSuchFileException(key, null, "not in the bucket");
    }

    @Override
    public boolean delete(String key) {
        String name = name(key);
        String aside = name + ".deleting";
        String mark = name + ".put";
        boolean copied = bucket.copy(name, aside); // over a copy that a deletion interrupted by a crash left aside: the same bytes
        if (!copied && bucket.head(aside) == null) {
            bucket.remove(mark);
            return true;
        }
        bucket.remove(name);
        try {
            if (freshlyMarked(mark)) {
                bucket.copy(aside, name);
                bucket.remove(aside);
                return false;
            }
        } catch (StorageUnreachableException e) { // the blob is only aside now: back it goes, if the bucket lets us
            try {
                bucket.copy(aside, name);
            } catch (StorageUnreachableException stillAway) { // reads find it aside until a deletion finishes
                e.addSuppressed(stillAway);
            }
            throw e;
        }
        bucket.remove(aside);
        bucket.remove(mark);
        return true;
    }

    /** Told by the bucket's own clock (its Date beside the mark's time), so the nodes' clocks do not matter. */
    private boolean freshlyMarked(String mark) {
        HeadObjectResponse head = bucket.head(mark);
        if (head == null) {
            return false;
        }
        Instant now = head.sdkHttpResponse().firstMatchingHeader("Date").map(BucketBlobStore::httpDate).orElseGet(Instant::now);
        return head.lastModified().isAfter(now.minus(LocalBlobStore.REPUT_GRACE));
    }

    private static Instant httpDate(String date) {
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException unreadable) {
            return Instant.now();
        }
    }

    private String name(String key) {
        return bucket.where().prefix() + ContentKey.place(key);
    }

    @Override
    public void close() {
        bucket.close();
    }
}
