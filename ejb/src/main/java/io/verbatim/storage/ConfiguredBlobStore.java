package io.verbatim.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The blob store the server is configured with, which every user of {@link BlobStore} gets (with encryption around
 * it): an S3-compatible bucket when {@code verbatim.s3.bucket} is set ({@link BucketSettings}), otherwise the data
 * folder ({@link LocalBlobStore}), which may be a shared folder.
 */
@ApplicationScoped
public class ConfiguredBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(ConfiguredBlobStore.class.getName());

    @Inject
    LocalBlobStore local;

    @Inject
    Config config;

    private BucketBlobStore inBucket;
    private BlobStore store;

    @PostConstruct
    void choose() {
        Optional<BucketSettings> where = BucketSettings.configured(text("bucket"), text("endpoint"), text("region"),
                text("access-key"), text("secret-key"), config.getOptionalValue("verbatim.s3.path-style", Boolean.class),
                text("prefix"));
        if (where.isPresent()) {
            inBucket = new BucketBlobStore(where.get());
            store = inBucket;
            LOG.info("Blobs are kept in " + where.get().describe());
            try {
                if (inBucket.createIfMissing()) {
                    LOG.info("Made the bucket " + where.get().bucket());
                }
            } catch (StorageUnreachableException e) { // readiness says so until it answers
                LOG.warning("The bucket cannot be used yet: " + e.getMessage());
            }
        } else {
            store = local;
        }
    }

    private Optional<String> text(String name) {
        return config.getOptionalValue("verbatim.s3." + name, String.class);
    }

    @PreDestroy
    void close() {
        if (inBucket != null) {
            inBucket.close();
        }
    }

    /** Where the blobs are, in words (no credentials). */
    public String describe() {
        return inBucket != null ? inBucket.where().describe() : "the data folder";
    }

    /**
     * Whether the bucket answers and is ours to use (nothing to ask of the data folder here: readiness writes to it).
     * @throws StorageUnreachableException naming what is wrong
     */
    public void probe() {
        if (inBucket != null) {
            inBucket.probe();
        }
    }

    @Override
    public String put(Path completeFile, String sha256Hex, String pbx) throws IOException {
        return store.put(completeFile, sha256Hex, pbx);
    }

    /**
     * Puts back bytes exactly as they were stored (a restore: what was encrypted at rest stays encrypted with its own
     * crypt key, which the restored key ring holds), without the encryption every other put goes through.
     * @return their key, {@code sha256:<hex>}
     */
    public String putAsStored(Path completeFile, String sha256Hex) throws IOException {
        return store.put(completeFile, sha256Hex, null);
    }

    @Override
    public SeekableByteChannel open(String key) throws IOException {
        return store.open(key);
    }

    @Override
    public long size(String key) throws IOException {
        return store.size(key);
    }

    @Override
    public boolean exists(String key) {
        return store.exists(key);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return store.delete(key);
    }
}
