package io.verbatim.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.logging.Logger;
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
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3-compatible bucket as Verbatim talks to it, for the blob store and for backups: whole files up (one PUT up to
 * {@link #PART_BYTES}, a multipart upload above, each part checked by its Content-MD5), objects down as streams from
 * any position, and every failure of the bucket one {@link StorageUnreachableException} that names what was being
 * done. Object names are full keys: the callers put their prefix before them.
 */
public final class Bucket implements AutoCloseable {

    /** One PUT up to this size, parts of it above (S3 allows at most 10,000 parts, at least 5 MiB each). */
    static final long PART_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(Bucket.class.getName());

    private final S3Client s3;
    private final BucketSettings where;
    /** Whether the server takes a deletion of many objects in one request (not every S3-compatible one does). */
    private volatile boolean batchDeletes = true;

    public Bucket(BucketSettings where) {
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

    public BucketSettings where() {
        return where;
    }

    /** Whether the bucket is there and ours to use: what readiness asks, every few seconds, so it is quick. */
    public void probe() {
        call("reach the bucket", () -> s3.headBucket(b -> b.bucket(where.bucket())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5)))));
    }

    /**
     * Makes the bucket when there is none yet (a new S3-compatible server, as in the compose file), so a first start
     * needs no step by hand; a bucket that is there, or credentials that may not make one, are left as they are.
     * @return whether it made one
     */
    public boolean createIfMissing() {
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

    /**
     * Stores a whole file under a name; returns once the bucket has answered that it holds every byte.
     * @return the object's ETag, as a listing of the bucket shows it (what tells this upload from another of the name)
     */
    public String upload(String name, Path file, String what) throws IOException {
        long size = Files.size(file);
        if (size <= PART_BYTES) {
            String md5 = md5(file, 0, size);
            return call("store " + what, () -> s3.putObject(b -> b.bucket(where.bucket()).key(name).contentLength(size).contentMD5(md5),
                    RequestBody.fromFile(file))).eTag();
        }
        return uploadInParts(name, file, size, what);
    }

    /** Stores an empty object (a mark). */
    void putEmpty(String name, String what) {
        call(what, () -> s3.putObject(b -> b.bucket(where.bucket()).key(name), RequestBody.empty()));
    }

    private String uploadInParts(String name, Path file, long size, String what) throws IOException {
        String upload = call("start storing " + what, () -> s3.createMultipartUpload(b -> b.bucket(where.bucket()).key(name))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += PART_BYTES) {
                int number = parts.size() + 1;
                long from = offset;
                long length = Math.min(PART_BYTES, size - offset);
                RequestBody body = RequestBody.fromContentProvider(new PartOfFile(file, from, length), length, "application/octet-stream");
                String md5 = md5(file, from, length);
                String etag = call("store part " + number + " of " + what, () -> s3.uploadPart(b -> b.bucket(where.bucket()).key(name)
                        .uploadId(upload).partNumber(number).contentLength(length).contentMD5(md5), body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            return call("finish storing " + what, () -> s3.completeMultipartUpload(b -> b.bucket(where.bucket()).key(name)
                    .uploadId(upload).multipartUpload(m -> m.parts(parts)))).eTag();
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

    /**
     * An object from a position to its end, as a stream.
     * @throws NoSuchFileException when there is no such object
     */
    public ResponseInputStream<GetObjectResponse> read(String name, long from, String what) throws IOException {
        try {
            return call("read " + what, () -> s3.getObject(b -> b.bucket(where.bucket()).key(name).range("bytes=" + from + "-")));
        } catch (StorageUnreachableException e) {
            if (notFound(e)) {
                throw new NoSuchFileException(what, null, "not in the bucket");
            }
            throw e;
        }
    }

    /** The object's facts, or {@code null} when there is no such object. */
    public HeadObjectResponse head(String name) {
        try {
            return call("look up " + name, () -> s3.headObject(b -> b.bucket(where.bucket()).key(name)));
        } catch (StorageUnreachableException e) {
            if (notFound(e)) {
                return null;
            }
            throw e;
        }
    }

    /** @return false when there was nothing to copy */
    boolean copy(String from, String to) {
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

    public void remove(String name) {
        remove(name, "delete " + name);
    }

    void remove(String name, String doing) {
        call(doing, () -> s3.deleteObject(b -> b.bucket(where.bucket()).key(name)));
    }

    /**
     * Every object whose name starts with the prefix, with its size and ETag, in the order of their names: each page
     * is asked for as the one before is read (a backup's folder may hold millions).
     */
    public Iterable<S3Object> objects(String prefix) {
        return () -> new Iterator<>() {
            private Iterator<S3Object> page = Collections.emptyIterator();
            private String token;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    String after = token;
                    ListObjectsV2Response listed = call("list " + prefix, () -> s3.listObjectsV2(b -> b.bucket(where.bucket())
                            .prefix(prefix).continuationToken(after)));
                    page = listed.contents().iterator();
                    token = listed.nextContinuationToken();
                    last = !Boolean.TRUE.equals(listed.isTruncated()) || token == null;
                }
                return page.hasNext();
            }

            @Override
            public S3Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /** The objects right under the prefix, not those in its sub-folders. */
    public List<S3Object> objectsAt(String prefix) {
        List<S3Object> all = new ArrayList<>();
        pages(prefix, "/").forEach(page -> all.addAll(page.contents()));
        return all;
    }

    /**
     * Deletes every object whose name starts with the prefix, a thousand a request (the most S3 takes); one at a time
     * where the server does not take such requests (S3Proxy answers 501 to their checksum header).
     */
    public void removeAll(String prefix) {
        List<ObjectIdentifier> batch = new ArrayList<>();
        for (S3Object object : objects(prefix)) {
            batch.add(ObjectIdentifier.builder().key(object.key()).build());
            if (batch.size() == 1000) {
                removeBatch(batch, prefix);
            }
        }
        if (!batch.isEmpty()) {
            removeBatch(batch, prefix);
        }
    }

    private void removeBatch(List<ObjectIdentifier> batch, String prefix) {
        List<ObjectIdentifier> these = List.copyOf(batch);
        batch.clear();
        if (!batchDeletes) {
            these.forEach(object -> remove(object.key()));
            return;
        }
        DeleteObjectsResponse deleted;
        try {
            deleted = call("delete " + these.size() + " objects under " + prefix, () -> s3.deleteObjects(b -> b
                    .bucket(where.bucket()).delete(d -> d.objects(these).quiet(true))));
        } catch (StorageUnreachableException e) {
            if (!(e.getCause() instanceof S3Exception refused && refused.statusCode() == 501)) {
                throw e;
            }
            LOG.info("The object storage (bucket " + where.bucket() + ") does not delete many objects at once: one at a time");
            batchDeletes = false;
            these.forEach(object -> remove(object.key()));
            return;
        }
        if (!deleted.errors().isEmpty()) {
            S3Error first = deleted.errors().get(0);
            throw new StorageUnreachableException("the object storage (bucket " + where.bucket() + ") refused to delete "
                    + deleted.errors().size() + " objects under " + prefix + ", " + first.key() + " with " + first.code(), null);
        }
    }

    /** The names one level below the prefix that end in {@code /} (a folder's sub-folders, as a bucket lists them). */
    public List<String> folders(String prefix) {
        List<String> all = new ArrayList<>();
        pages(prefix, "/").forEach(page -> page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(all::add));
        return all;
    }

    private List<ListObjectsV2Response> pages(String prefix, String delimiter) {
        List<ListObjectsV2Response> pages = new ArrayList<>();
        String token = null;
        do {
            String after = token;
            ListObjectsV2Response page = call("list " + prefix, () -> s3.listObjectsV2(b -> b.bucket(where.bucket()).prefix(prefix)
                    .delimiter(delimiter).continuationToken(after)));
            pages.add(page);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return pages;
    }

    /** Whether the bucket answered 404: no such object (or, for the bucket itself, no such bucket). */
    static boolean notFound(StorageUnreachableException e) {
        return e.getCause() instanceof S3Exception s && s.statusCode() == 404;
    }

    /**
     * Every failure of the bucket (after the SDK's own retries) as one refusal that names what was being done and the
     * bucket, not its address or the SDK's words (devices and API clients read it; the server's start logs where).
     */
    <T> T call(String doing, Supplier<T> request) {
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
