package io.verbatim.backup;

import io.verbatim.storage.Bucket;
import io.verbatim.storage.StorageUnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        for (S3Object object : bucket.objects(folder)) {
            bucket.remove(object.key());
        }
        Files.deleteIfExists(records(id));
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

    private Path records(String id) {
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
        boolean holds(String relative) {
            return bucket.head(folder + relative) != null;
        }

        @Override
        Set<String> files() {
            return etags().keySet();
        }

        /** Each file's ETag, as the bucket lists them. */
        private Map<String, String> etags() {
            Map<String, String> etags = new LinkedHashMap<>();
            for (S3Object object : bucket.objects(folder)) {
                etags.put(object.key().substring(folder.length()), object.eTag());
            }
            return etags;
        }

        @Override
        void record(FileEntry entry) throws IOException {
            String etag = uploaded.remove(entry.path());
            Files.createDirectories(records);
            BackupFolder.appendRecord(records(id()), new FileEntry(entry.path() + " " + etag, entry.size(), entry.sha256()));
        }

        /** The records whose file the bucket still holds as it was uploaded then. */
        @Override
        List<FileEntry> recorded() throws IOException {
            Map<String, String> now = etags();
            List<FileEntry> current = new ArrayList<>();
            for (FileEntry record : BackupFolder.readRecords(records(id()))) {
                int space = record.path().lastIndexOf(' ');
                String path = record.path().substring(0, space);
                if (space > 0 && Objects.equals(unquoted(now.get(path)), unquoted(record.path().substring(space + 1)))) {
                    current.add(new FileEntry(path, record.size(), record.sha256()));
                }
            }
            return current;
        }

        private static String unquoted(String etag) {
            return etag == null ? null : etag.replace("\"", "");
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
            Files.deleteIfExists(records(id()));
            return this;
        }
    }
}
