package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A backup taken from one server rebuilds another from nothing: a full backup, then an incremental one holding only
 * what came after; a server started on an empty data folder and database with VERBATIM_RESTORE_FROM plays every
 * recording byte for byte, the action log's chains verify, seals verify, what was encrypted at rest decrypts, and new
 * uploads go on after the restored ids. A backup with one changed byte is refused at start, naming the file, and
 * changes nothing; a restore refused partway (another master key in the way) leaves an empty database to start again
 * on, and one killed partway is finished by the next start. Runs in the pass with PostgreSQL and an S3-compatible
 * server: each server keeps its blobs in a
 * bucket of its own, so the restore fills an empty bucket. (On H2 the same restore passes too; one pass keeps the
 * suite within its time.) Its servers and database are its own: it runs beside the suite's server's tests, which
 * keeps the PostgreSQL pass within the suite's 30 minutes (its six starts were two and a half minutes of it alone).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(DisposableServer.WHOLE_MACHINE) // not beside the tests that time a server of their own (ClusterIT, DurabilityIT)
class BackupIT {

    private static final String PBX = "backup.example.com";

    @Test
    void aSystemIsRebuiltFromItsBackupsAndADamagedBackupIsRefused() throws Exception {
        assumeTrue(PrivateObjectStore.available(), "runs in the pass that has S3Proxy (-Dverbatim.s3proxy.classpath)");
        Path outside = Files.createTempDirectory("verbatim-backup-it-");
        Path key = outside.resolve("backup-key.json");
        PrivateObjectStore sourceBucket = PrivateObjectStore.create();
        PrivateObjectStore restoredBucket = PrivateObjectStore.create();
        PrivateObjectStore offSite = PrivateObjectStore.create(); // the backups' own S3-compatible server; their bucket made by the server
        Path backups = offSite.folderOf("backups").resolve("site-a"); // the objects as files: a folder of backups
        Map<String, String> backingUp = new HashMap<>(Map.of("VERBATIM_BACKUP_KEY_FILE", key.toString(),
                "VERBATIM_BACKUP_OVERDUE_HOURS", "0.004")); // 14.4 s, so that no backup yet is an alarm within the test
        backingUp.putAll(offSite.backupEnvironment("backups", "site-a"));
        Map<String, String> restoring = new HashMap<>(offSite.backupEnvironment("backups", "site-a"));
        restoring.remove("VERBATIM_BACKUP_DIR");
        restoring.putAll(Map.of("VERBATIM_RESTORE_FROM", "s3://backups/site-a/", "VERBATIM_BACKUP_KEY_FILE", key.toString()));
        backingUp.putAll(sourceBucket.serverEnvironment());
        restoring.putAll(restoredBucket.serverEnvironment());
        try {
            Map<Long, byte[]> audio = new LinkedHashMap<>();
            long encrypted;
            long lastId;
            try (DisposableServer source = DisposableServer.create("backup-source", null, backingUp)) {
                source.start();
                assertThat(source.putJson("/api/v1/settings", "{\"sealEnabled\":true}").statusCode()).isEqualTo(200);
                long plain = converted(source, 1);
                HttpResponse<String> crypt = source.putJson("/api/v1/settings", "{\"cryptKey\":\"the backup test's crypt key\"}");
                assertThat(crypt.statusCode()).as(crypt.body()).isEqualTo(200);
                encrypted = converted(source, 2);
                assertThat(source.recording(encrypted).getString("sealedAt")).isNotBlank();
                audio.put(plain, audioOf(source, plain));
                audio.put(encrypted, audioOf(source, encrypted));

                JsonObject overdue = AlarmsIT.awaitAlarm(source, "BACKUP_OVERDUE");
                assertThat(overdue.getString("detail")).startsWith("no readable backup in s3://backups/site-a/ has completed since this"
                        + " server started ").endsWith(" ago (the limit is 14 seconds): see the backup runs on the Jobs page");

                JsonObject full = source.awaitRun(started(source, "full"));
                assertThat(full.getString("status")).as(full.toString()).isEqualTo("COMPLETED");
                AlarmsIT.awaitNoAlarm(source, "BACKUP_OVERDUE");
                long later = converted(source, 3);
                audio.put(later, audioOf(source, later));
                JsonObject incremental = source.awaitRun(started(source, "incremental"));
                assertThat(incremental.getString("status")).as(incremental.toString()).isEqualTo("COMPLETED");
                assertThat(incremental.getJsonNumber("written").longValue()).as("only the new recording's original and audio").isEqualTo(2);

                JsonArray listed = Json.createReader(new StringReader(source.get("/api/v1/backups").body())).readArray();
                assertThat(listed).hasSize(2);
                JsonObject newest = listed.getJsonObject(0);
                JsonObject first = listed.getJsonObject(1);
                assertThat(first.getString("kind")).isEqualTo("full");
                assertThat(first.getJsonNumber("blobsHere").longValue()).as("two recordings, original and audio each").isEqualTo(4);
                assertThat(newest.getString("kind")).isEqualTo("incremental");
                assertThat(newest.getString("base")).isEqualTo(first.getString("id"));
                assertThat(newest.getJsonNumber("blobsNeeded").longValue()).isEqualTo(6);
                assertThat(newest.getJsonNumber("blobsHere").longValue()).isEqualTo(2);
                assertThat(Files.readString(backups.resolve(first.getString("id")).resolve("manifest.json")))
                        .as("readable without the key").contains("\"recording\":2");
                lastId = later;
            }

            // one changed byte in one blob of the full backup, copied down from the bucket into a folder (which restores
            // like the bucket): refused at start, naming it, and nothing written
            Path damaged = outside.resolve("damaged");
            copy(backups, damaged);
            Path fullBackup;
            try (Stream<Path> all = Files.list(damaged)) {
                fullBackup = all.filter(p -> p.getFileName().toString().endsWith("-full")).findFirst().orElseThrow();
            }
            Path blob;
            try (Stream<Path> blobs = Files.list(fullBackup.resolve("blobs"))) {
                blob = blobs.findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(blob);
            bytes[bytes.length / 2] ^= 1;
            Files.write(blob, bytes);
            try (DisposableServer refused = DisposableServer.create("backup-damaged", null,
                    Map.of("VERBATIM_RESTORE_FROM", damaged.toString(), "VERBATIM_BACKUP_KEY_FILE", key.toString()))) {
                assertThatThrownBy(refused::start).isInstanceOf(IllegalStateException.class);
                assertThat(refused.log()).content().contains("blobs/" + blob.getFileName() + " of backup " + fullBackup.getFileName()
                        + " is damaged: its SHA-256 is not the one in the manifest");
                assertThat(refused.data().resolve("blobs")).as("nothing restored").doesNotExist();
            }

            // the real one from the bucket, into an empty data folder and database: the newest backup and the full one it builds on
            try (DisposableServer restored = DisposableServer.create("backup-restored", null, restoring)) {
                // first with another master key in its keys folder: refused partway, after the schema was made, and
                // the database emptied again, so the second start, without that file, restores
                Path otherKey = Files.createDirectories(restored.data().resolve("keys")).resolve("master-key.json");
                Files.writeString(otherKey, "{\"another\": \"key\"}");
                assertThatThrownBy(restored::start).isInstanceOf(IllegalStateException.class);
                assertThat(restored.log()).content().contains(otherKey + " is another key")
                        .contains("The database was filled only in part, and was emptied again");
                restored.stop();
                Files.delete(otherKey);
                // then killed while the restore makes the backup's schema (some nine migrations in): the next start goes
                // on from there and fills it; or, when the kill cut a migration short and left it in part (CI saw it on
                // PostgreSQL too), that start fails on it and empties the schema, and the one after fills it
                restored.killOnceLogged("to version \"10 - ");
                try {
                    restored.start();
                } catch (IllegalStateException cutShort) {
                    assertThat(restored.log()).content().contains("The database was filled only in part, and was emptied again");
                    restored.kill();
                    restored.start();
                }
                assertThat(restored.log()).content().containsPattern("The database was being filled when the server stopped \\(its"
                        + " schema is at version \\d+, without rows\\): filling it again").contains("Restore: restored backup ");
                if (restoredBucket != null) {
                    assertThat(restoredBucket.blobs()).as("the blobs went into the new bucket").isNotEmptyDirectory();
                }
                for (Map.Entry<Long, byte[]> recording : audio.entrySet()) {
                    assertThat(restored.recording(recording.getKey()).getString("state")).isEqualTo("READY");
                    assertThat(audioOf(restored, recording.getKey())).as("recording %d byte for byte", recording.getKey())
                            .isEqualTo(recording.getValue());
                    JsonObject seal = json(restored.get("/api/v1/recordings/" + recording.getKey() + "/seal").body());
                    assertThat(seal.getString("status")).as(seal.toString()).isEqualTo("valid");
                }
                JsonObject verification = json(restored.get("/api/v1/action-log/verification").body());
                assertThat(verification.getBoolean("valid")).as(verification.toString()).isTrue();
                JsonArray restore = json(restored.get("/api/v1/action-log?action=backup-restore").body()).getJsonArray("items");
                assertThat(restore).hasSize(1);
                assertThat(restore.getJsonObject(0).getString("detail")).startsWith("restored backup ");
                long next = converted(restored, 4);
                assertThat(next).as("new recordings go on after the restored ones").isGreaterThan(lastId);
                assertThat(restored.recording(encrypted).getString("state")).isEqualTo("READY");

                // started again with the variable still set: it was restored already, nothing happens
                restored.stop();
                restored.start();
                assertThat(audioOf(restored, next)).hasSizeGreaterThan(44);
                assertThat(json(restored.get("/api/v1/action-log?action=backup-restore").body()).getJsonArray("items")).hasSize(1);
            }
        } finally {
            delete(outside);
            sourceBucket.close();
            restoredBucket.close();
            offSite.close();
        }
    }

    private static long started(DisposableServer server, String kind) throws Exception {
        HttpResponse<String> started = server.post("/api/v1/backups?kind=" + kind);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return json(started.body()).getJsonNumber("executionId").longValue();
    }

    private static long converted(DisposableServer server, long seed) throws Exception {
        long id = VerbatimServer.idFrom(server.upload(PBX, String.format("%032d", seed) + "-009033aabbcc-1--backup.pcap",
                G711Calls.twoParty(5, seed)));
        assertThat(server.awaitConverted(id).getString("state")).isEqualTo("READY");
        return id;
    }

    private static byte[] audioOf(DisposableServer server, long id) throws Exception {
        HttpResponse<byte[]> audio = server.getBytes("/api/v1/recordings/" + id + "/audio");
        assertThat(audio.statusCode()).isEqualTo(200);
        return audio.body();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
