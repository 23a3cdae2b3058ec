package io.verbatim.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.storage.Bucket;
import io.verbatim.storage.InProcessS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups in an S3-compatible bucket (S3Proxy on a local port, whose folder shows each object as a file), held to
 * {@link BackupPlaceContract}; and the node's spool folder is left empty once a backup is complete.
 */
class BackupBucketTest extends BackupPlaceContract {

    private static final String BUCKET = "backups";
    private static final String PREFIX = "site-a/";

    @TempDir
    static Path objects;

    private static InProcessS3 server;

    @TempDir
    Path spool;

    private BackupBucket place;

    @BeforeAll
    static void startServer() throws Exception {
        server = new InProcessS3(objects, BUCKET);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void emptyBucket() throws Exception {
        Path bucket = server.folderOf(BUCKET);
        try (Stream<Path> left = Files.walk(bucket)) { // by the test before: the folders too, which S3Proxy lists as prefixes
            for (Path file : left.filter(f -> !f.equals(bucket)).sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        Path staging = Files.createDirectories(spool.resolve("staging"));
        place = new BackupBucket(new Bucket(server.settings(BUCKET, PREFIX)), PREFIX,
                () -> Files.createTempFile(staging, "upload-", ".backup"), spool.resolve("backup-records"));
    }

    @AfterEach
    void close() {
        place.close();
    }

    @Override
    BackupPlace place() {
        return place;
    }

    @Override
    Path recordsOf(BackupSet set) {
        return spool.resolve("backup-records").resolve(set.id() + ".files.list");
    }

    @Override
    Path storedFile(String id, String relative) {
        return server.folderOf(BUCKET).resolve(PREFIX + id).resolve(relative);
    }

    @Test
    void nothingIsLeftInTheStagingOrRecordFoldersOnceABackupIsComplete() throws Exception {
        BackupSet set = place.partial("20260101T000000Z-full");
        set.write("blobs/ff", key, out -> out.write(new byte[40_000]));
        assertThat(spool.resolve("staging")).as("uploaded, then removed").isEmptyDirectory();
        assertThat(spool.resolve("backup-records")).as("the record of what was written").isNotEmptyDirectory();
        set.completed();
        assertThat(spool.resolve("backup-records")).isEmptyDirectory();
        assertThat(place.describe()).isEqualTo("s3://backups/site-a/");
    }

    /** A backup is deleted a thousand objects a request where the server takes that, one at a time where not (S3Proxy, as run here). */
    @Test
    void aBackupIsDeletedWholeWhetherTheServerDeletesManyObjectsAtOnceOrNot() throws Exception {
        try (InProcessS3 takesBatches = new InProcessS3(Files.createDirectories(spool.resolve("batches")), BUCKET, true);
             BackupBucket batched = new BackupBucket(new Bucket(takesBatches.settings(BUCKET, PREFIX)), PREFIX,
                     () -> Files.createTempFile(spool, "upload-", ".backup"), spool.resolve("batch-records"))) {
            for (BackupBucket bucket : java.util.List.of(place, batched)) {
                BackupSet set = bucket.partial("20260101T000000Z-full");
                for (int i = 0; i < 5; i++) {
                    set.write("blobs/0" + i, key, out -> out.write(7));
                }
                bucket.delete(set.id(), false);
                assertThat(bucket.unfinished()).isEmpty();
            }
            assertThat(filesIn(server.folderOf(BUCKET))).isZero();
            assertThat(filesIn(takesBatches.folderOf(BUCKET))).isZero();
        }
    }

    private static long filesIn(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aRecordOfAFileWrittenAgainByAnotherNodeNoLongerCounts() throws Exception {
        String id = "20260101T000000Z-full";
        place.partial(id).write("database/recording.json", key, out -> out.write(1));
        // the run went on on another node, with records of its own, which wrote the file again: new encryption, other bytes
        try (BackupBucket elsewhere = new BackupBucket(new Bucket(server.settings(BUCKET, PREFIX)), PREFIX,
                () -> Files.createTempFile(spool, "elsewhere-", ".backup"), spool.resolve("elsewhere-records"))) {
            elsewhere.partial(id).write("database/recording.json", key, out -> out.write(1));
        }
        BackupSet back = place.partial(id); // and came back here to complete
        assertThat(back.written()).containsExactly(back.hashed("database/recording.json"));
    }
}
