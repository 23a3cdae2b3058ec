package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A folder of captures from elsewhere, placed in the server's import folder, is imported as uploads of a PBX: each
 * becomes a recording that converts; what is not a capture is refused with its reason and counted; a second import
 * of the same folder stores nothing twice; a folder outside the import folder is refused, naming it.
 */
class ImportIT {

    @Test
    void aFolderOfCapturesBecomesRecordingsOnceAndWhatIsNotACaptureIsRefused() throws Exception {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        Path folder = Path.of(System.getProperty("verbatim.data")).resolve("import").resolve("old-recorder-" + suffix);
        // as the server's user copies them in (umask 077): the data folder is its user's alone (SessionSecurityIT)
        for (Path made : List.of(folder.getParent(), folder, folder.resolve("2026"), folder.resolve("2026/11"))) {
            Files.createDirectories(made);
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwx------"));
        }
        try {
            importsOnceAndRefusesWhatIsNotACapture(folder, suffix);
        } finally {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void importsOnceAndRefusesWhatIsNotACapture(Path folder, String suffix) throws Exception {
        String[] callIds = new String[2];
        for (int i = 0; i < callIds.length; i++) {
            byte[] id = new byte[16];
            ThreadLocalRandom.current().nextBytes(id);
            callIds[i] = HexFormat.of().formatHex(id);
            ownerOnly(Files.write(folder.resolve(i == 0 ? "" : "2026/11").resolve(callIds[i] + "-009033aabbcc-1--imported.pcap"),
                    G711Calls.twoParty(5, 700 + i)));
        }
        ownerOnly(Files.writeString(folder.resolve("2026/notes.pcap"), "not a capture", StandardCharsets.UTF_8));
        ownerOnly(Files.writeString(folder.resolve("readme.txt"), "left alone: not a capture's name", StandardCharsets.UTF_8));

        JsonObject first = imported("old-recorder-" + suffix);
        assertThat(first.getString("status")).as(first.toString()).isEqualTo("COMPLETED");
        assertThat(first.getString("exitStatus")).isEqualTo("imported 2, already there 0, refused 1 (see the log and the quarantine)");
        for (String callId : callIds) {
            JsonArray found = json(getText("/api/v1/recordings?callId=" + callId, admin()).body()).getJsonArray("items");
            assertThat(found).as("recording of call %s", callId).hasSize(1);
            JsonObject recording = VerbatimServer.awaitConverted(found.getJsonObject(0).getJsonNumber("id").longValue());
            assertThat(recording.getString("state")).isEqualTo("READY");
            assertThat(recording.getString("pbx")).isEqualTo(VerbatimServer.PBX);
        }

        JsonObject again = imported("old-recorder-" + suffix);
        assertThat(again.getString("exitStatus")).isEqualTo("imported 0, already there 2, refused 1 (see the log and the quarantine)");
        assertThat(json(getText("/api/v1/recordings?callId=" + callIds[0], admin()).body()).getJsonArray("items")).hasSize(1);

        HttpResponse<String> outside = postJson("/api/v1/imports", "{\"folder\":\"../db\",\"pbx\":\"" + VerbatimServer.PBX + "\"}", admin());
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(json(outside.body()).getString("message")).startsWith("folder: ../db is not inside the import folder");
        HttpResponse<String> missing = postJson("/api/v1/imports", "{\"folder\":\"nothing-" + suffix + "\",\"pbx\":\"" + VerbatimServer.PBX + "\"}", admin());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing.body()).getString("message")).contains("there is no folder");
    }

    private static void ownerOnly(Path file) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static JsonObject imported(String folder) throws Exception {
        HttpResponse<String> started = postJson("/api/v1/imports", "{\"folder\":\"" + folder + "\",\"pbx\":\"" + VerbatimServer.PBX + "\"}", admin());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long run = json(started.body()).getJsonNumber("executionId").longValue();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonObject r = json(getText("/api/v1/jobs/runs/" + run, admin()).body());
            if (!r.getString("status").equals("STARTING") && !r.getString("status").equals("STARTED") || Instant.now().isAfter(deadline)) {
                return r;
            }
            Thread.sleep(200);
        }
    }
}
