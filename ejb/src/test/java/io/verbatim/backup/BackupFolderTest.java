package io.verbatim.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFolderTest {

    @TempDir
    Path root;

    private void backup(String id, String base) throws IOException {
        Path folder = Files.createDirectories(root.resolve(id));
        Files.writeString(folder.resolve(BackupManifest.FILE), "{\"format\":1,\"id\":\"" + id + "\",\"kind\":\""
                + (base == null ? "full" : "incremental") + "\"" + (base == null ? "" : ",\"base\":\"" + base + "\"")
                + ",\"createdAt\":\"2026-01-01T00:00:00Z\",\"node\":\"n\",\"database\":\"H2\",\"schemaVersion\":\"32\","
                + "\"tables\":{\"recording\":1},\"blobsNeeded\":0,\"blobsMissing\":[],\"files\":[]}");
    }

    private Stream<String> left() throws IOException {
        return Files.list(root).map(p -> p.getFileName().toString()).sorted();
    }

    @Test
    void keepingTheNewestKeepsWhatTheyBuildOnAndNothingElse() throws IOException {
        backup("20260101T000000Z-full", null);
        backup("20260102T000000Z-incremental", "20260101T000000Z-full");
        backup("20260103T000000Z-incremental", "20260102T000000Z-incremental");
        backup("20260104T000000Z-full", null);
        backup("20260105T000000Z-incremental", "20260104T000000Z-full");
        Files.createDirectories(root.resolve("20260101T120000Z-full" + BackupSet.PARTIAL)); // a run that never completed
        Files.createDirectories(root.resolve("20260106T000000Z-incremental" + BackupSet.PARTIAL)); // one being written now
        BackupFolder folder = new BackupFolder(root);

        assertThat(BackupFolder.chain(root.resolve("20260103T000000Z-incremental"))).extracting(p -> p.getFileName().toString())
                .containsExactly("20260101T000000Z-full", "20260102T000000Z-incremental", "20260103T000000Z-incremental");

        assertThat(folder.prune(3)).as("the third newest builds on the first two").containsExactly("20260101T120000Z-full.partial");
        assertThat(folder.prune(2)).containsExactlyInAnyOrder("20260101T000000Z-full", "20260102T000000Z-incremental",
                "20260103T000000Z-incremental");
        assertThat(left()).containsExactly("20260104T000000Z-full", "20260105T000000Z-incremental",
                "20260106T000000Z-incremental.partial");
        assertThat(folder.prune(1)).as("the newest builds on the full one before it").isEmpty();
    }

    @Test
    void aBackupWhoseBaseIsGoneIsRefusedNamingIt() throws IOException {
        backup("20260102T000000Z-incremental", "20260101T000000Z-full");
        assertThatThrownBy(() -> BackupFolder.chain(root.resolve("20260102T000000Z-incremental")))
                .isInstanceOf(BackupDamaged.class)
                .hasMessageContaining("builds on backup 20260101T000000Z-full, which is not in");
    }
}
