package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A full disk, made real: a server of the test's own keeps its data folder on a 64 MB tmpfs the test mounts, with a
 * reserve of 1 MiB. Uploads are refused with 507 before the disk is full and leave nothing half-written; the
 * conversion that meets the really full disk waits instead of failing, and everything converts once room is made. Mounting needs root
 * (as the suite runs in CI); elsewhere the test is skipped, and says so. Checked on H2 only: the disk it fills is the
 * data folder's, and the database lives elsewhere in either pass.
 */
class DiskFullIT {

    @Test
    void uploadsAreRefusedAtTheReserveAndConversionsWaitForRoom() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the full disk is the data folder's, not the database's: checked on H2");
        Path mount = Files.createTempDirectory("verbatim-small-disk-");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root");
        Path filler = mount.resolve("filler");
        // the embedded database lives elsewhere: this test fills the disk of the recordings, not of the database
        Path database = Files.createTempDirectory("verbatim-small-disk-db-");
        Files.createDirectories(mount.resolve("data"));
        Files.createSymbolicLink(mount.resolve("data/db"), database);
        try (DisposableServer server = DisposableServer.create("disk-full", mount.resolve("data"),
                Map.of("VERBATIM_DISK_RESERVE", "1MiB"))) {
            server.start();
            // what else lives on the disk: made to go away later, so there is room again
            Files.write(filler, new byte[20 << 20]);

            List<Long> accepted = new ArrayList<>();
            HttpResponse<String> refused = null;
            for (int i = 0; i < 40 && refused == null; i++) {
                HttpResponse<String> answer = upload(server, "call-" + i, G711Calls.twoParty(60, 90_000L + i));
                if (answer.statusCode() == 201) {
                    accepted.add(json(answer.body()).getJsonNumber("id").longValue());
                } else {
                    refused = answer;
                }
            }
            assertThat(refused).as("an upload refused before the disk is full").isNotNull();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
            assertThat(json(refused.body()).getString("message")).contains("disk is nearly full").contains("send it again later");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(accepted).as("uploads taken while there was room").hasSizeGreaterThanOrEqualTo(3);
            assertThat(leftIn(server.data().resolve("intake"))).as("intake receipts").isEmpty();
            assertThat(Files.readString(server.log())).contains("disk is nearly full");
            // something else eats the rest, down into the reserve: the node is no longer ready, though alive
            HttpResponse<String> notReady;
            Instant squeezing = Instant.now().plusSeconds(30);
            int part = 0;
            // conversions still finishing give back their work files' room: squeeze again until it stays below
            while ((notReady = server.getUnsigned("/health/ready")).statusCode() == 200 && Instant.now().isBefore(squeezing)) {
                long usable = Files.getFileStore(mount).getUsableSpace();
                if (usable > (512 << 10)) {
                    Files.write(mount.resolve("squeeze-" + part++), new byte[(int) (usable - (512 << 10))]);
                }
                Thread.sleep(250);
            }
            assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
            assertThat(check(notReady, "storage").getString("status")).isEqualTo("DOWN");
            assertThat(check(notReady, "storage").getJsonObject("data").getString("problem")).contains("below the reserve");
            assertThat(server.getUnsigned("/health/live").statusCode()).as("alive while the disk is full").isEqualTo(200);
            assertThat(AlarmsIT.awaitAlarm(server, "DISK_LOW").getString("detail")).contains("kept in reserve");
            for (int i = 0; i < part; i++) {
                Files.delete(mount.resolve("squeeze-" + i));
            }

            Thread.sleep(1000); // conversions meet the full disk meanwhile
            for (long id : accepted) {
                assertThat(state(server, id)).as("recording %d on a full disk", id).doesNotStartWith("FAILED");
            }

            Files.delete(filler);
            awaitReady(server, accepted);
            for (long id : accepted) { // each comes out whole: its audio and the player's waveform of the whole minute
                JsonObject waveform = json(server.get("/api/v1/recordings/" + id + "/waveform").body());
                double seconds = json(server.get("/api/v1/recordings/" + id).body()).getJsonNumber("durationSeconds").doubleValue();
                assertThat(seconds).isGreaterThan(59);
                int peaks = (int) Math.ceil(seconds * 1000 / waveform.getInt("stretchMillis"));
                assertThat(waveform.getJsonArray("remote")).as("recording %d's waveform", id).hasSize(peaks);
                assertThat(waveform.getJsonArray("local")).as("recording %d's waveform", id).hasSize(peaks);
            }
            assertThat(server.getUnsigned("/health/ready").statusCode()).as("ready once there is room").isEqualTo(200);
            AlarmsIT.awaitNoAlarm(server, "DISK_LOW");
            // no half-written upload, no conversion's work file left behind
            assertThat(leftIn(server.data().resolve("staging"))).as("files left in staging").isEmpty();

            // one more call, with room for its upload but not for its conversion (a copy of the capture and the audio,
            // 3.3 MB): the conversion meets the really full disk, waits instead of failing, and converts once there is room
            byte[] call = G711Calls.twoParty(60, 95_000L);
            long leave = (1L << 20) + call.length + (600L << 10);
            Files.write(filler, new byte[(int) (Files.getFileStore(mount).getUsableSpace() - leave)]);
            HttpResponse<String> taken = upload(server, "probe", call);
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
            long probe = json(taken.body()).getJsonNumber("id").longValue();
            Instant deadline = Instant.now().plusSeconds(30);
            while (!Files.readString(server.log()).contains("Conversion of recording " + probe + " postponed")) {
                assertThat(Instant.now()).as("recording %d is %s; its conversion was not postponed", probe, state(server, probe))
                        .isBefore(deadline);
                Thread.sleep(250);
            }
            assertThat(state(server, probe)).isEqualTo("RECEIVED");
            System.out.printf("disk full: %d uploads taken, then 507; %d conversions postponed for want of room%n",
                    accepted.size(), Files.readAllLines(server.log()).stream().filter(l -> l.contains("postponed")).count());
            Files.delete(filler);
            awaitReady(server, List.of(probe));

            HttpResponse<String> again = upload(server, "after-room", G711Calls.twoParty(5, 99_999L));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        } finally {
            run("umount", "-l", mount.toString());
            Files.deleteIfExists(mount);
            try (Stream<Path> all = Files.walk(database)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void awaitReady(DisposableServer server, List<Long> ids) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        for (long id : ids) {
            String state;
            while (!(state = state(server, id)).equals("READY")) {
                assertThat(state).as("recording %d after room was made", id).doesNotStartWith("FAILED");
                assertThat(Instant.now()).as("recording %d still %s", id, state).isBefore(deadline);
                Thread.sleep(500);
            }
        }
    }

    private static HttpResponse<String> upload(DisposableServer server, String name, byte[] capture) throws Exception {
        return server.upload("small-disk.example.com",
                "00000000000000000000000000" + Math.abs(name.hashCode() % 1_000_000) + "-" + name + ".pcap", capture);
    }

    private static String state(DisposableServer server, long id) throws Exception {
        JsonObject recording = server.recording(id);
        String state = recording.getString("state");
        return state.equals("FAILED") ? state + ": " + recording.getString("failureReason") : state;
    }

    /** One check of a MicroProfile Health answer, by name. */
    static JsonObject check(HttpResponse<String> health, String name) {
        return json(health.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health.body()));
    }

    private static List<Path> leftIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException notThere) {
            return -1;
        }
    }
}
