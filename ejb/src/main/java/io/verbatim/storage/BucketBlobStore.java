package io.verbatim.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.io.input.BoundedInputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link BlobStore} in an S3-compatible bucket (AWS S3, MinIO, Ceph, S3Proxy...), for several nodes that share their
 * blobs. A put returns once the bucket has answered that it holds all the bytes (one PUT up to {@link #PART_BYTES},
 * above that a multipart upload); reads are ranged GETs that stream, so a player's {@code Range} and a seek fetch
 * only what they need.
 *
 * <p>Re-putting bytes that are already stored and deleting them may race as on the local disk, and are kept apart the
 * same way ({@link LocalBlobStore}): a put leaves a mark ({@code <key>.put}) before it looks, and a deletion puts
 * the blob aside (a server-side copy to {@code <key>.deleting}) and deletes it before it looks at the mark, putting it
 * back when the mark is fresh. A bucket is strongly consistent for reads after writes, so of the two, either the
 * deletion sees the mark or the put finds no blob and uploads its own copy.
 */
final class BucketBlobStore implements BlobStore, AutoCloseable {

    /** One PUT up to this size, parts of it above (S3 allows at most 10,000 parts, at least 5 MiB each). */
    static final long PART_BYTES = 16L * 1024 * 1024;

    private final S3Client s3;
    private final BucketSettings where;

    BucketBlobStore(BucketSettings where) {
        this.where = where;
        AwsCredentialsProvider credentials = where.accessKey() == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(where.accessKey(), where.secretKey()));
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build())
                // a bucket that takes connections and never answers must not hold a device's upload for minutes
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofMinutes(2)).apiCallTimeout(Duration.ofMinutes(5)))
                .region(Region.of(where.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(where.pathStyle())
                // the SDK's default trailing checksums are not understood by every S3-compatible server (S3Proxy
                // answers 501): each PUT carries its Content-MD5 instead, which all of them check
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (where.endpoint() != null) {
            builder.endpointOverride(where.endpoint());
        }
        s3 = builder.build();
    }

    BucketSettings where() {
        return where;
    }

    /** Whether the bucket is there and ours to use: what readiness asks, every few seconds, so it is quick. */
    void probe() {
        call("reach the bucket", () -> s3.headBucket(b -> b.bucket(where.bucket())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5)))));
    }

    /**
     * Makes the bucket when there is none yet (a new S3-compatible server, as in the compose file), so a first start
     * needs no step by hand; a bucket that is there, or credentials that may not make one, are left as they are.
     * @return whether it made one
     */
    boolean createIfMissing() {
        try {
            probe();
            return false;
        } catch (StorageUnreachableException e) {
            if (!notFound(e)) {
                throw e;
            }
        }
        call("make the bucket", () -> s3.createBucket(b -> b.bucket(where.bucket())));
        return true;
    }

    @Override
    public String put(Path completeFile, String sha256Hex, String pbx) throws IOException {
        String key = ContentKey.of(sha256Hex);
        String name = name(key);
        call("mark " + key, () -> s3.putObject(b -> b.bucket(where.bucket()).key(name + ".put"), RequestBody.empty()));
        if (head(name) != null) {
            Files.delete(completeFile); // the same bytes are stored already
            return key;
        }
        long size = Files.size(completeFile);
        if (size <= PART_BYTES) {
            String md5 = md5(completeFile, 0, size);
            call("store " + key, () -> s3.putObject(b -> b.bucket(where.bucket()).key(name).contentLength(size).contentMD5(md5),
                    RequestBody.fromFile(completeFile)));
        } else {
            putInParts(completeFile, size, key, name);
        }
        call("unmark " + key, () -> s3.deleteObject(b -> b.bucket(where.bucket()).key(name + ".put")));
        Files.delete(completeFile);
        return key;
    }

    private void putInParts(Path file, long size, String key, String name) throws IOException {
        String upload = call("start storing " + key,
                () -> s3.createMultipartUpload(b -> b.bucket(where.bucket()).key(name))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += PART_BYTES) {
                int number = parts.size() + 1;
                long from = offset;
                long length = Math.min(PART_BYTES, size - offset);
                RequestBody body = RequestBody.fromContentProvider(new PartOfFile(file, from, length), length, "application/octet-stream");
                String md5 = md5(file, from, length);
                String etag = call("store part " + number + " of " + key, () -> s3.uploadPart(b -> b.bucket(where.bucket()).key(name)
                        .uploadId(upload).partNumber(number).contentLength(length).contentMD5(md5), body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            call("finish storing " + key, () -> s3.completeMultipartUpload(b -> b.bucket(where.bucket()).key(name)
                    .uploadId(upload).multipartUpload(m -> m.parts(parts))));
        } catch (RuntimeException | IOException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(where.bucket()).key(name).uploadId(upload));
            } catch (SdkException notAborted) { // the bucket's own lifecycle rule removes parts left behind
                e.addSuppressed(notAborted);
            }
            throw e;
        }
    }

    /** What the bucket checks the bytes it received against (Content-MD5: every S3-compatible server knows it). */
    private static String md5(Path file, long from, long length) throws IOException {
        try (InputStream in = slice(file, from, length)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }

    private static InputStream slice(Path file, long from, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(from);
        return BoundedInputStream.builder().setInputStream(Channels.newInputStream(channel)).setMaxCount(length).get();
    }

    /** A part of a file for the SDK, which asks again for each attempt: each new stream closes the one before. */
    private static final class PartOfFile implements ContentStreamProvider {
        private final Path file;
        private final long from;
        private final long length;
        private InputStream last;

        PartOfFile(Path file, long from, long length) {
            this.file = file;
            this.from = from;
            this.length = length;
        }

        @Override
        public synchronized InputStream newStream() {
            try {
                if (last != null) {
                    last.close();
                }
                last = slice(file, from, length);
                return last;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " to store it", e);
            }
        }
    }

    @Override
    public SeekableByteChannel open(String key) throws IOException {
        Stored stored = stored(key);
        return new BucketObjectChannel(key, stored.head().contentLength(), from -> get(key, stored.name(), from));
    }

    private ResponseInputStream<GetObjectResponse> get(String key, String name, long from) throws IOException {
        try {
            return call("read " + key, () -> s3.getObject(b -> b.bucket(where.bucket()).key(name).range("bytes=" + from + "-")));
        } catch (StorageUnreachableException e) {
            if (notFound(e)) {
                throw new NoSuchFileException(key, null, "removed from the bucket while it was read");
            }
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        return stored(key).head().contentLength();
    }

    @Override
    public boolean exists(String key) {
        String name = name(key);
        return head(name) != null || head(name + ".deleting") != null;
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
        HeadObjectResponse head = head(name);
        if (head != null) {
            return new Stored(name, head);
        }
        HeadObjectResponse aside = head(name + ".deleting");
        if (aside != null) {
            return new Stored(name + ".deleting", aside);
        }
        probe(); // a HEAD's 404 does not say whether the key or the bucket is missing
        throw new NoSuchFileException(key, null, "not in the bucket");
    }

    @Override
    public boolean delete(String key) {
        String name = name(key);
        String aside = name + ".deleting";
        String mark = name + ".put";
        boolean copied = copy(name, aside); // over a copy that a deletion interrupted by a crash left aside: the same bytes
        if (!copied && head(aside) == null) {
            remove(mark);
            return true;
        }
        remove(name);
        try {
            if (freshlyMarked(mark)) {
                copy(aside, name);
                remove(aside);
                return false;
            }
        } catch (StorageUnreachableException e) { // the blob is only aside now: back it goes, if the bucket lets us
            try {
                copy(aside, name);
            } catch (StorageUnreachableException stillAway) { // reads find it aside until a deletion finishes
                e.addSuppressed(stillAway);
            }
            throw e;
        }
        remove(aside);
        remove(mark);
        return true;
    }

    /** Told by the bucket's own clock (its Date beside the mark's time), so the nodes' clocks do not matter. */
    private boolean freshlyMarked(String mark) {
        HeadObjectResponse head = head(mark);
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

    /** @return false when there was nothing to copy */
    private boolean copy(String from, String to) {
        try {
            call("copy " + from, () -> s3.copyObject(b -> b.sourceBucket(where.bucket()).sourceKey(from)
                    .destinationBucket(where.bucket()).destinationKey(to)));
            return true;
        } catch (StorageUnreachableException e) {
            if (notFound(e)) {
                return false;
            }
            throw e;
        }
    }

    private void remove(String name) {
        call("delete " + name, () -> s3.deleteObject(b -> b.bucket(where.bucket()).key(name)));
    }

    /** The object's facts, or {@code null} when there is no such object. */
    private HeadObjectResponse head(String name) {
        try {
            return call("look up " + name, () -> s3.headObject(b -> b.bucket(where.bucket()).key(name)));
        } catch (StorageUnreachableException e) {
            if (notFound(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Whether the bucket answered 404: no such object (or, for the bucket itself, no such bucket). */
    private static boolean notFound(StorageUnreachableException e) {
        return e.getCause() instanceof S3Exception s && s.statusCode() == 404;
    }

    private String name(String key) {
        return where.prefix() + ContentKey.place(key);
    }

    /**
     * Every failure of the bucket (after the SDK's own retries) as one refusal that names what was being done and the
     * bucket, not its address or the SDK's words (devices and API clients read it; the server's start logs where).
     */
    private <T> T call(String doing, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new StorageUnreachableException("the object storage (bucket " + where.bucket() + ") refused to " + doing
                    + ": HTTP " + e.statusCode() + (code == null ? "" : " " + code), e);
        } catch (SdkException e) {
            throw new StorageUnreachableException("the object storage (bucket " + where.bucket() + ") could not be reached to "
                    + doing, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
