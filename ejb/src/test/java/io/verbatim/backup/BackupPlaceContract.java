package io.verbatim.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every place backups are kept in must do alike (a folder, a bucket): files come back as written and a changed
 * or missing one is named; a backup is complete only once its manifest is written; keeping the newest few keeps what
 * they build on; a backup whose base is gone is refused.
 */
abstract class BackupPlaceContract {

    static StreamingAead key;

    @BeforeAll
    static void makeKey() throws Exception {
        StreamingAeadConfig.register();
        key = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM_HKDF_1MB")).getPrimitive(StreamingAead.class);
    }

    abstract BackupPlace place();

    /** The bytes of a file as kept, where a person (or an attacker) with access to the storage finds them. */
    abstract Path storedFile(String id, String relative);

    private BackupSet backup(String id, String base) throws Exception {
        BackupSet set = place().partial(id);
        set.write("database/recording.json", key, out -> out.write(("rows of " + id).getBytes(StandardCharsets.UTF_8)));
        return complete(set, base);
    }

    /** Completes a backup that is to hold these blobs (stored keys, in order). */
    private BackupSet complete(BackupSet set, String base, String... blobs) throws Exception {
        List<String> missing = new ArrayList<>();
        BlobSums.Summary sums = BlobSums.write(set, List.of(blobs).iterator(), stored -> false, missing); // erased meanwhile
        new BackupManifest(set.id(), base == null ? BackupManifest.FULL : BackupManifest.INCREMENTAL, base, Instant.now(), "n",
                "H2", "34", Map.of("recording", 1L), blobs.length, missing, set.written(), sums).writeTo(set, key);
        return set.completed();
    }

    private List<String> left() {
        List<String> left = new ArrayList<>(place().complete());
        place().unfinished().forEach(id -> left.add(id + BackupFolder.PARTIAL));
        left.sort(null);
        return left;
    }

    @Test
    void filesComeBackAsWrittenAndAChangedOrMissingOneIsNamed() throws Exception {
        String id = "20260101T000000Z-full";
        BackupSet set = place().partial(id);
        byte[] blob = new byte[300_000];
        new java.util.Random(5).nextBytes(blob);
        set.write("blobs/0a1b", key, out -> out.write(blob));
        set.write("database/recording.json", key, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));
        set.write("blobs/0a1b", key, out -> out.write(blob)); // a restarted run writes it again: listed once
        assertThat(place().complete()).as("no manifest yet").isEmpty();
        assertThat(place().unfinished()).containsExactly(id);
        assertThat(place().partialHolds(id, "blobs/0a1b")).isTrue();
        assertThat(set.listed().keySet()).as("the blobs' are listed apart").containsExactly("database/recording.json");
        List<BackupSet.FileEntry> written = set.written();
        assertThat(written).extracting(BackupSet.FileEntry::path).containsExactly("database/recording.json");
        BackupSet.FileEntry blobEntry = set.hashed("blobs/0a1b");
        assertThat(blobEntry.size()).as("encrypted: larger than the blob").isGreaterThan(blob.length);

        BackupSet done = complete(set, null, "sha256:0a1b", "sha256:0c0d"); // the second erased before it was copied
        assertThat(place().complete()).containsExactly(id);
        assertThat(place().unfinished()).isEmpty();
        BackupManifest manifest = BackupManifest.verified(place().completeSet(id), key);
        assertThat(manifest.files()).isEqualTo(written);
        assertThat(manifest.blobsMissing()).containsExactly("sha256:0c0d");
        assertThat(manifest.blobsHere()).isEqualTo(1);
        try (BlobSums.Entries sums = manifest.blobEntries(place().completeSet(id))) {
            assertThat(sums.next()).as("the last write's record").isEqualTo(blobEntry);
            assertThat(sums.next()).isNull();
        }
        try (InputStream in = place().completeSet(id).read("blobs/0a1b", key)) {
            assertThat(in.readAllBytes()).isEqualTo(blob);
        }
        assertThat(BackupManifest.signedWith(done, key)).isTrue();

        Path sums = storedFile(id, BlobSums.FILE);
        byte[] original = Files.readAllBytes(sums);
        Files.write(sums, new String(original, StandardCharsets.US_ASCII).replace(" blobs/", "  blobs/").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> BackupManifest.verified(place().completeSet(id), key)).isInstanceOf(BackupDamaged.class)
                .hasMessage(BlobSums.FILE + " of backup " + id + " is damaged at line 1");
        Files.write(sums, original);

        Path stored = storedFile(id, "blobs/0a1b");
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 1;
        Files.write(stored, bytes);
        assertThatThrownBy(() -> BackupManifest.verified(place().completeSet(id), key)).isInstanceOf(BackupDamaged.class)
                .hasMessage("blobs/0a1b of backup " + id + " is damaged: its SHA-256 is not the one in the manifest");
        Files.delete(stored);
        assertThatThrownBy(() -> BackupManifest.verified(place().completeSet(id), key)).isInstanceOf(BackupDamaged.class)
                .hasMessage("backup " + id + " lacks blobs/0a1b");
        Files.delete(storedFile(id, BackupManifest.FILE));
        assertThat(place().complete()).isEmpty();
        assertThatThrownBy(() -> BackupManifest.verified(place().completeSet(id), key)).isInstanceOf(BackupDamaged.class)
                .hasMessageStartingWith("backup " + id + " has no manifest.json");
    }

    @Test
    void aRestartedRunForgetsTheRecordsAfterItsCheckpointAndTheSumsHoldEachFileAsItIsNow() throws Exception {
        String id = "20260101T000000Z-full";
        BackupSet set = place().partial(id);
        for (String blob : List.of("0a", "0b", "0c", "0d")) {
            set.write("blobs/" + blob, key, out -> out.write(blob.getBytes(StandardCharsets.US_ASCII)));
        }
        // the checkpoint was 0a: 0b is written again (new encryption, other bytes), 0c's file is kept but not recorded
        set.records().forgetAfter(BackupSet.BLOBS, "blobs/0a");
        set.write("blobs/0b", key, out -> out.write("0b".getBytes(StandardCharsets.US_ASCII)));
        // and 0d's copy was lost after its chunk completed (a rename a power cut undid): copied again when the sums are made
        Files.delete(storedFile(id, "blobs/0d"));
        List<String> again = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BlobSums.Summary sums = BlobSums.write(set, List.of("sha256:0a", "sha256:0b", "sha256:0c", "sha256:0d").iterator(), stored -> {
            again.add(stored);
            set.write(BackupBlobs.fileOf(stored), key, out -> out.write("0d".getBytes(StandardCharsets.US_ASCII)));
            return true;
        }, missing);
        assertThat(again).containsExactly("sha256:0d");
        assertThat(missing).isEmpty();
        assertThat(sums.count()).isEqualTo(4);
        try (BlobSums.Reader read = new BlobSums.Reader(set, sums)) {
            for (String blob : List.of("0a", "0b", "0c", "0d")) {
                assertThat(read.next()).isEqualTo(set.hashed("blobs/" + blob));
            }
            assertThat(read.next()).isNull();
        }
        // a blob neither the backup nor the store has, though rows name it: the backup is not completed
        assertThatThrownBy(() -> BlobSums.write(set, List.of("sha256:0e").iterator(), stored -> {
            throw new IllegalStateException("blob " + stored + " is named by rows");
        }, missing)).hasMessage("blob sha256:0e is named by rows");
    }

    @Test
    void aRecordACrashCutShortIsForgottenWithWhatFollowsIt() throws Exception {
        BackupSet set = place().partial("20260101T000000Z-full");
        set.write("blobs/0a", key, out -> out.write(1));
        set.write("blobs/0b", key, out -> out.write(2));
        Path records = recordsOf(set);
        long whole = Files.size(records);
        // a record cut short inside its path: it would parse, and sort before the checkpoint
        Files.write(records, ("a".repeat(64) + " 5 - blobs/0").getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        set.records().forgetAfter(BackupSet.BLOBS, "blobs/0b");
        assertThat(Files.size(records)).isEqualTo(whole);
        set.records().forgetAfter(BackupSet.BLOBS, "blobs/0a");
        try (BackupRecords.Reader read = set.records().read()) {
            assertThat(read.next().entry().path()).isEqualTo("blobs/0a");
            assertThat(read.next()).isNull();
        }
    }

    /** Where the place keeps a backup's records while it is written. */
    abstract Path recordsOf(BackupSet set);

    @Test
    void keepingTheNewestKeepsWhatTheyBuildOnAndNothingElse() throws Exception {
        backup("20260101T000000Z-full", null);
        backup("20260102T000000Z-incremental", "20260101T000000Z-full");
        backup("20260103T000000Z-incremental", "20260102T000000Z-incremental");
        backup("20260104T000000Z-full", null);
        backup("20260105T000000Z-incremental", "20260104T000000Z-full");
        place().partial("20260101T120000Z-full").write("blobs.list", key, out -> out.write(1)); // a run that never completed
        place().partial("20260106T000000Z-incremental").write("blobs.list", key, out -> out.write(1)); // one being written now

        assertThat(place().chain("20260103T000000Z-incremental")).extracting(BackupSet::id)
                .containsExactly("20260101T000000Z-full", "20260102T000000Z-incremental", "20260103T000000Z-incremental");

        assertThat(place().prune(3)).as("the third newest builds on the first two").containsExactly("20260101T120000Z-full.partial");
        assertThat(place().prune(2)).containsExactlyInAnyOrder("20260101T000000Z-full", "20260102T000000Z-incremental",
                "20260103T000000Z-incremental");
        assertThat(left()).containsExactly("20260104T000000Z-full", "20260105T000000Z-incremental",
                "20260106T000000Z-incremental.partial");
        assertThat(place().prune(1)).as("the newest builds on the full one before it").isEmpty();
    }

    @Test
    void aBackupWhoseBaseIsGoneIsRefusedNamingIt() throws Exception {
        backup("20260102T000000Z-incremental", "20260101T000000Z-full");
        assertThatThrownBy(() -> place().chain("20260102T000000Z-incremental"))
                .isInstanceOf(BackupDamaged.class)
                .hasMessageContaining("builds on backup 20260101T000000Z-full, which is not in");
    }
}
