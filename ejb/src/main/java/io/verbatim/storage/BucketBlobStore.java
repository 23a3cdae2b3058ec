package io.verbatim.storage;

import java.io.IOException;
import java.io.InputStream;
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

    /** Whether the bucket is there and ours to use: what readiness and the start ask. */
    void probe() {
        call("reach bucket " + where.bucket(), () -> s3.headBucket(b -> b.bucket(where.bucket())));
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

    private void putInParts(Path file, long size, String key, String name) {
        String upload = call("start storing " + key,
                () -> s3.createMultipartUpload(b -> b.bucket(where.bucket()).key(name))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += PART_BYTES) {
                int number = parts.size() + 1;
                long from = offset;
                long length = Math.min(PART_BYTES, size - offset);
                // opened again for each attempt the SDK makes
                RequestBody body = RequestBody.fromContentProvider(() -> slice(file, from, length), length, "application/octet-stream");
                String md5 = md5(file, from, length);
                String etag = call("store part " + number + " of " + key, () -> s3.uploadPart(b -> b.bucket(where.bucket()).key(name)
                        .uploadId(upload).partNumber(number).contentLength(length).contentMD5(md5), body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            call("finish storing " + key, () -> s3.completeMultipartUpload(b -> b.bucket(where.bucket()).key(name)
                    .uploadId(upload).multipartUpload(m -> m.parts(parts))));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(where.bucket()).key(name).uploadId(upload));
            } catch (SdkException notAborted) { // the bucket's own lifecycle rule removes parts left behind
                e.addSuppressed(notAborted);
            }
            throw e;
        }
    }

    /** What the bucket checks the bytes it received against (Content-MD5: every S3-compatible server knows it). */
    private static String md5(Path file, long from, long length) {
        try (InputStream in = slice(file, from, length)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (IOException e) {
            throw new StorageUnreachableException("cannot read " + file + " to store it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }

    private static InputStream slice(Path file, long from, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(from);
            return BoundedInputStream.builder().setInputStream(Channels.newInputStream(channel)).setMaxCount(length).get();
        } catch (IOException e) {
            throw new StorageUnreachableException("cannot read " + file + " to store it: " + e.getMessage(), e);
        }
    }

    @Override
    public SeekableByteChannel open(String key) throws IOException {
        String name = name(key);
        HeadObjectResponse head = head(name);
        if (head == null) {
            throw new NoSuchFileException(key, null, "not in " + where.describe());
        }
        return new BucketObjectChannel(head.contentLength(), from -> get(key, name, from));
    }

    private ResponseInputStream<GetObjectResponse> get(String key, String name, long from) throws IOException {
        try {
            return call("read " + key, () -> s3.getObject(b -> b.bucket(where.bucket()).key(name).range("bytes=" + from + "-")));
        } catch (StorageUnreachableException e) {
            if (e.getCause() instanceof S3Exception s && s.statusCode() == 404) {
                throw new NoSuchFileException(key, null, "removed from " + where.describe() + " while it was read");
            }
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        HeadObjectResponse head = head(name(key));
        if (head == null) {
            throw new NoSuchFileException(key, null, "not in " + where.describe());
        }
        return head.contentLength();
    }

    @Override
    public boolean exists(String key) {
        return head(name(key)) != null;
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
        if (freshlyMarked(mark)) {
            copy(aside, name);
            remove(aside);
            return false;
        }
        remove(aside);
        remove(mark);
        return true;
    }

    private boolean freshlyMarked(String mark) {
        HeadObjectResponse head = head(mark);
        return head != null && head.lastModified().isAfter(Instant.now().minus(LocalBlobStore.REPUT_GRACE));
    }

    /** @return false when there was nothing to copy */
    private boolean copy(String from, String to) {
        try {
            call("copy " + from, () -> s3.copyObject(b -> b.sourceBucket(where.bucket()).sourceKey(from)
                    .destinationBucket(where.bucket()).destinationKey(to)));
            return true;
        } catch (StorageUnreachableException e) {
            if (e.getCause() instanceof S3Exception s && s.statusCode() == 404) {
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
            if (e.getCause() instanceof S3Exception s && s.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private String name(String key) {
        return where.prefix() + ContentKey.place(key);
    }

    /** Every failure of the bucket (after the SDK's own retries) as one refusal that names what was being done. */
    private <T> T call(String doing, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new StorageUnreachableException("the object storage (" + where.describe() + ") refused to " + doing + ": HTTP "
                    + e.statusCode() + (code == null ? "" : " " + code), e);
        } catch (SdkException e) {
            throw new StorageUnreachableException("the object storage (" + where.describe() + ") could not " + doing + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
