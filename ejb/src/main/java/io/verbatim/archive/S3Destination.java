package io.verbatim.archive;

import io.verbatim.storage.Bucket;
import io.verbatim.storage.BucketSettings;
import io.verbatim.storage.StorageUnreachableException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** An S3-compatible bucket under a prefix, through the same client the blob store uses (an object is whole or absent). */
final class S3Destination implements ExportDestination {

    private final ExportTarget target;
    private final Bucket bucket;
    private final String prefix;

    S3Destination(ExportTarget target, ExportSecret secret) {
        this.target = target;
        String location = target.getLocation().strip().replaceFirst("^/", "");
        int slash = location.indexOf('/');
        String name = slash < 0 ? location : location.substring(0, slash);
        String under = slash < 0 ? "" : location.substring(slash + 1);
        this.prefix = under.isEmpty() || under.endsWith("/") ? under : under + "/";
        URI endpoint = target.getEndpoint() == null ? null : URI.create(target.getEndpoint());
        this.bucket = new Bucket(new BucketSettings(endpoint, target.getRegion(), name, target.getUsername(), secret.secretKey(),
                endpoint != null, prefix));
    }

    @Override
    public void put(String path, Path file) throws IOException {
        try {
            bucket.upload(prefix + path, file, "export " + path);
        } catch (StorageUnreachableException e) {
            throw new ExportFailedException(target.describe() + " could not store " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        bucket.close();
    }
}
