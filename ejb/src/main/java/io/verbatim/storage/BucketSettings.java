package io.verbatim.storage;

import java.net.URI;
import java.util.Optional;

/**
 * Where the blobs go when they live in an S3-compatible bucket instead of the data folder: server configuration (system
 * properties {@code verbatim.s3.*} or the environment's {@code VERBATIM_S3_*}), not a setting, because every node of a
 * cluster and a restore must agree on it before the database is read.
 *
 * @param endpoint  the S3 API's address ({@code null}: AWS itself, found from the region)
 * @param region    the bucket's region (any name for most S3-compatible servers)
 * @param bucket    the bucket, which must exist
 * @param accessKey with {@code secretKey}, the credentials; {@code null}: the AWS default chain (environment, profile,
 *                  instance role)
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: what most S3-compatible
 *                  servers need
 * @param prefix    put before every key, so one bucket can hold other things too
 */
public record BucketSettings(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                             boolean pathStyle, String prefix) {

    public BucketSettings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("verbatim.s3.bucket names no bucket");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("verbatim.s3.access-key and verbatim.s3.secret-key go together: set both or neither");
        }
        prefix = prefix == null ? "" : prefix;
    }

    /** The bucket, when one is configured; otherwise the data folder holds the blobs. */
    public static Optional<BucketSettings> configured(Optional<String> bucket, Optional<String> endpoint, Optional<String> region,
                                                      Optional<String> accessKey, Optional<String> secretKey,
                                                      Optional<Boolean> pathStyle, Optional<String> prefix) {
        return bucket.filter(b -> !b.isBlank()).map(b -> new BucketSettings(
                endpoint.filter(e -> !e.isBlank()).map(URI::create).orElse(null),
                region.filter(r -> !r.isBlank()).orElse("us-east-1"),
                b, accessKey.filter(k -> !k.isBlank()).orElse(null), secretKey.filter(k -> !k.isBlank()).orElse(null),
                pathStyle.orElse(endpoint.isPresent()),
                prefix.orElse("blobs/")));
    }

    /** Where, in words for a log or a page: never the credentials. */
    public String describe() {
        return "bucket " + bucket + (prefix.isEmpty() ? "" : " under " + prefix) + " at "
                + (endpoint == null ? "AWS S3 (" + region + ")" : endpoint);
    }
}
