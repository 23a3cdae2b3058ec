package io.verbatim.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blobs a backup copies are found by reading sorted lists side by side: the database writes the list of what its
 * rows name sorted and once each, however many tables and columns name a blob and whether it is encrypted at rest; an
 * incremental backup copies what its base's rows did not name, or named while erased; a restart goes on after its
 * checkpoint; a list out of order is refused rather than read wrong.
 */
class BlobsToCopyTest {

    static StreamingAead key;

    @TempDir
    Path folder;

    @BeforeAll
    static void makeKey() throws Exception {
        StreamingAeadConfig.register();
        key = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM_HKDF_1MB")).getPrimitive(StreamingAead.class);
    }

    private static String stored(char c) {
        return "sha256:" + String.valueOf(c).repeat(64);
    }

    @Test
    void theDatabaseListsEachBlobOnceInOrderAsItIsStored() throws Exception {
        BackupSet set = new BackupFolder(folder).partial("20261206T030000Z-full");
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:blobs;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table recording (id bigint primary key, original_key varchar(200), audio_key varchar(200))");
                s.execute("create table cut (id bigint primary key, blob_key varchar(200))");
                s.execute("insert into recording values (1, '" + stored('f') + "', 'enc:k1:" + stored('2') + "')");
                s.execute("insert into recording values (2, '" + stored('a') + "', null)");
                s.execute("insert into cut values (1, '" + stored('a') + "')"); // named twice, listed once
                s.execute("insert into cut values (2, 'enc:k2:" + stored('0') + "')");
            }
            long count = DatabaseDump.writeBlobList(c, set, Backups.BLOB_LIST, key,
                    Map.of("recording", Set.of("original_key", "audio_key"), "cut", Set.of("blob_key")));
            assertThat(count).isEqualTo(4);
        }
        try (BlobsToCopy all = new BlobsToCopy(set, null, Set.of(), null, key)) {
            assertThat(drain(all)).containsExactly(stored('0'), stored('2'), stored('a'), stored('f'));
            assertThat(all.named()).isEqualTo(4);
        }
    }

    @Test
    void anIncrementalBackupCopiesWhatItsBaseDidNotHaveAndARestartGoesOnAfterItsCheckpoint() throws Exception {
        BackupFolder place = new BackupFolder(folder);
        BackupSet base = list(place.partial("20261206T030000Z-full"), 'a', 'b', 'c', 'e');
        BackupSet next = list(place.partial("20261207T030000Z-incremental"), 'a', 'b', 'c', 'd', 'e', 'f');
        Set<String> erasedFromBase = Set.of(stored('c')); // named by the base's rows, but gone before it was copied

        try (BlobsToCopy toCopy = new BlobsToCopy(next, base, erasedFromBase, null, key)) {
            assertThat(drain(toCopy)).containsExactly(stored('c'), stored('d'), stored('f'));
            assertThat(toCopy.named()).isEqualTo(6);
        }
        try (BlobsToCopy restarted = new BlobsToCopy(next, base, erasedFromBase, stored('c'), key)) {
            assertThat(drain(restarted)).containsExactly(stored('d'), stored('f'));
        }
        try (BlobsToCopy full = new BlobsToCopy(next, null, Set.of(), stored('d'), key)) {
            assertThat(drain(full)).containsExactly(stored('e'), stored('f'));
        }
    }

    @Test
    void aListOutOfOrderIsRefused() throws Exception {
        BackupSet set = list(new BackupFolder(folder).partial("20261206T030000Z-full"), 'a', 'c', 'b');
        try (BlobsToCopy toCopy = new BlobsToCopy(set, null, Set.of(), null, key)) {
            assertThat(toCopy.next()).isEqualTo(stored('a'));
            assertThatThrownBy(() -> drain(toCopy)).isInstanceOf(BackupDamaged.class)
                    .hasMessageContaining("is not in order: " + stored('b') + " after " + stored('c'));
        }
    }

    private static BackupSet list(BackupSet set, char... blobs) throws Exception {
        set.write(Backups.BLOB_LIST, key, out -> {
            for (char blob : blobs) {
                out.write((stored(blob) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        });
        return set;
    }

    private static List<String> drain(BlobsToCopy toCopy) {
        List<String> all = new ArrayList<>();
        toCopy.forEachRemaining(all::add);
        return all;
    }
}
