package io.verbatim.backup;

import io.verbatim.storage.Bucket;
import io.verbatim.storage.StorageUnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups in an S3-compatible bucket, each under {@code <prefix><id>/}. A bucket has no rename, so a backup is
 * complete once its {@code manifest.json} is there, which is written last (a PUT is whole or absent); deleting one
 * removes its manifest first. Each file is encrypted into the node's staging folder and then uploaded (a multipart
 * upload when large), so the node needs room for the largest file of a backup (a table's dump), not for the backup;
 * what a crash leaves there is cleared at the node's next start. The size, SHA-256 and ETag of each file written are
 * recorded in the data folder's {@code backup-records/}; a record counts only while the bucket still shows that ETag
 * for the file (a run restarted elsewhere may have written it again), and a file without one is read back and hashed.
 */
final class BackupBucket extends BackupPlace {

    private static final Logger LOG = Logger.getLogger(BackupBucket.class.getName());

    /** Makes an empty local file for a file of a backup on its way up. */
    interface Spool {
        Path newFile() throws IOException;
    }

    private final Bucket bucket;
    private final String prefix;
    private final Spool spool;
    private final Path records;

    /**
     * @param prefix  put before each backup's id: empty, or ending in {@code /}
     * @param records the folder where what was written is recorded
     */
    BackupBucket(Bucket bucket, String prefix, Spool spool, Path records) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.spool = spool;
        this.records = records;
    }

    @Override
    String describe() {
        return "s3://" + bucket.where().bucket() + "/" + prefix;
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (String folder : bucket.folders(prefix)) {
            String id = folder.substring(prefix.length(), folder.length() - 1);
            if (BackupManifest.ID.matcher(id).matches()) {
                ids.add(id);
            }
        }
        ids.sort(null);
        return ids;
    }

    @Override
    List<String> complete() {
        return ids().stream().filter(this::isComplete).toList();
    }

    @Override
    List<String> unfinished() {
        return ids().stream().filter(id -> !isComplete(id)).toList();
    }

    @Override
    BackupSet partial(String id) {
        return new InBucket(id);
    }

    @Override
    boolean partialHolds(String id, String relative) {
        return bucket.head(prefix + id + "/" + relative) != null;
    }

    @Override
    BackupSet completeSet(String id) {
        return new InBucket(id);
    }

    @Override
    boolean isComplete(String id) {
        return bucket.head(prefix + id + "/" + BackupManifest.FILE) != null;
    }

    @Override
    void delete(String id, boolean complete) throws IOException {
        String folder = prefix + id + "/";
        bucket.remove(folder + BackupManifest.FILE);
        bucket.removeAll(folder);
        Files.deleteIfExists(recordsFile(id));
    }

    /** Makes the bucket when there is none yet; one that cannot be reached now is told when a backup is written. */
    @Override
    void prepare() {
        try {
            if (bucket.createIfMissing()) {
                LOG.info("Made the bucket " + bucket.where().bucket() + " for backups");
            }
        } catch (StorageUnreachableException e) {
            LOG.warning("The bucket for backups cannot be used yet: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        bucket.close();
    }

    private Path recordsFile(String id) {
        return records.resolve(id + ".files.list");
    }

    /** Also forgets the records of every backup no longer being written (completed or pruned, here or by another node). */
    @Override
    List<String> prune(int keep) throws IOException {
        List<String> deleted = super.prune(keep);
        Set<String> unfinished = Set.copyOf(unfinished());
        if (Files.isDirectory(records)) {
            try (Stream<Path> files = Files.list(records)) {
                for (Path file : files.toList()) {
                    String id = file.getFileName().toString().replace(".files.list", "");
                    if (!unfinished.contains(id)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        return deleted;
    }

    /** One backup's objects. */
    private final class InBucket extends BackupSet {
        private final String folder;
        /** The ETag of each file this object uploaded, for its record. */
        private final Map<String, String> uploaded = new ConcurrentHashMap<>();

        InBucket(String id) {
            super(id);
            this.folder = prefix + id + "/";
        }

        @Override
        String where() {
            return "s3://" + bucket.where().bucket() + "/" + folder;
        }

        @Override
        NewFile create(String relative) throws IOException {
            return new BackupSet.LocalFile(spool.newFile()) {
                @Override
                public void keep() throws IOException {
                    out().flush();
                    channel.close();
                    uploaded.put(relative, bucket.upload(folder + relative, file, relative + " of backup " + id()));
                }
            };
        }

        @Override
        InputStream open(String relative) throws IOException {
            return bucket.read(folder + relative, 0, relative + " of backup " + id());
        }

        @Override
        InputStream openLocally(String relative) throws IOException {
            Path local = spool.newFile();
            try (InputStream in = open(relative)) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
                return Files.newInputStream(local, StandardOpenOption.DELETE_ON_CLOSE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(local);
                throw e;
            }
        }

        @Override
        boolean holds(String relative) {
            return bucket.head(folder + relative) != null;
        }

        /** Each file outside the blobs' folder with its ETag, as the bucket lists them (the files right in it, then its folders'). */
        @Override
        Map<String, String> listed() {
            Map<String, String> etags = new LinkedHashMap<>();
            List<S3Object> objects = new ArrayList<>(bucket.objectsAt(folder));
            for (String below : bucket.folders(folder)) {
                if (!below.equals(folder + BLOBS)) {
                    bucket.objects(below).forEach(objects::add);
                }
            }
            for (S3Object object : objects) {
                etags.put(object.key().substring(folder.length()), object.eTag());
            }
            return etags;
        }

        /** The blobs' folder as the bucket lists it, in the order of the names, read alongside. */
        @Override
        BlobPresence blobsPresent() {
            Iterator<S3Object> listed = bucket.objects(folder + BLOBS).iterator();
            return new BlobPresence() {
                private S3Object at = listed.hasNext() ? listed.next() : null;

                @Override
                public String version(String relative) {
                    String key = folder + relative;
                    while (at != null && at.key().compareTo(key) < 0) {
                        S3Object before = at;
                        at = listed.hasNext() ? listed.next() : null;
                        if (at != null && at.key().compareTo(before.key()) <= 0) { // read side by side, it would pass files by
                            throw new IllegalStateException("the bucket " + bucket.where().bucket() + " does not list objects in the"
                                    + " order of their names (" + at.key() + " after " + before.key() + "): backups need a bucket that"
                                    + " does, as S3's general-purpose buckets do");
                        }
                    }
                    return at != null && at.key().equals(key) ? at.eTag() : null;
                }
            };
        }

        @Override
        BackupRecords records() {
            return new BackupRecords(recordsFile(id()));
        }

        @Override
        String keptVersion(String relative) {
            return uploaded.remove(relative);
        }

        @Override
        void writePlain(String relative, byte[] bytes) throws IOException {
            try (NewFile file = create(relative)) {
                file.out().write(bytes);
                file.keep();
            }
        }

        @Override
        BackupSet completed() throws IOException {
            Files.deleteIfExists(recordsFile(id()));
            return this;
        }
    }
}
