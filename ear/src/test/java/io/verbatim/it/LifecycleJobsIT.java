package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.delete;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.send;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The lifecycle jobs on recordings either side of their limits: retention (protected and recycled recordings
 * included), the recycle bin's purge, the licence grace (also for an owner licensed again), and a run stopped
 * mid-way and restarted, which deletes each recording exactly once.
 */
@ResourceLock(DisposableServer.WHOLE_MACHINE)
class LifecycleJobsIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final String OWNER = "aged" + SUFFIX;
    static final Instant NOW = Instant.now();
    static JsonObject settingsBefore;

    @BeforeAll
    static void setUp() throws Exception {
        VerbatimServer.createUser(OWNER, "USER", true);
        settingsBefore = json(getText("/api/v1/settings", admin()).body());
    }

    @AfterAll
    static void settingsAsBefore() throws Exception {
        assertThat(putJson("/api/v1/settings", "{\"retentionDays\":" + settingsBefore.getInt("retentionDays")
                + ",\"recycleBinDays\":" + settingsBefore.getInt("recycleBinDays") + "}", admin()).statusCode()).isEqualTo(200);
    }

    /** A converted recording of {@code owner} whose call started at {@code start}: the capture's packet times moved there. */
    static long recordedAt(String owner, Instant start) throws Exception {
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        ByteBuffer pcap = ByteBuffer.wrap(capture).order(capture[0] == (byte) 0xd4 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long shift = start.getEpochSecond() - Integer.toUnsignedLong(pcap.getInt(24));
        for (int at = 24; at + 16 <= capture.length; at += 16 + pcap.getInt(at + 8)) {
            pcap.putInt(at, (int) (Integer.toUnsignedLong(pcap.getInt(at)) + shift));
        }
        long id = idFrom(upload(captureName(owner), capture));
        JsonObject r = VerbatimServer.awaitConverted(id);
        assertThat(r.getString("state")).isEqualTo("READY");
        assertThat(Duration.between(start, Instant.parse(r.getString("start"))).abs()).isLessThan(Duration.ofSeconds(2));
        return id;
    }

    static Instant daysAgo(double days) {
        return NOW.minusSeconds((long) (days * 86400));
    }

    static void settings(String json) throws Exception {
        HttpResponse<String> response = putJson("/api/v1/settings", json, admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static long start(String job) throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/jobs/" + job + "/runs", "", "application/json", admin());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/v1/jobs/runs/"));
        return json(started.body()).getJsonNumber("executionId").longValue();
    }

    static JsonObject awaitEnd(long run) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonObject r = json(getText("/api/v1/jobs/runs/" + run, admin()).body());
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(r.getString("status"))) {
                return r;
            }
            assertThat(Instant.now()).as("run %d still %s", run, r.getString("status")).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    static boolean exists(long id) throws Exception {
        return getText("/api/v1/recordings/" + id, admin()).statusCode() == 200;
    }

    static boolean binned(long id) throws Exception {
        JsonArray bin = json(getText("/api/v1/recycle-bin?limit=500", admin()).body()).getJsonArray("items");
        return bin.stream().anyMatch(r -> r.asJsonObject().getJsonNumber("id").longValue() == id);
    }

    static List<JsonObject> log(long id, String action) throws Exception {
        JsonArray items = json(getText("/api/v1/action-log?recordingId=" + id + "&action=" + action, admin()).body()).getJsonArray("items");
        return items.stream().map(v -> v.asJsonObject()).toList();
    }

    @Test
    void retentionDeletesWhatIsOlderThanTheTtlUnlessProtected() throws Exception {
        long older = recordedAt(OWNER, daysAgo(10).minusSeconds(3600));
        long younger = recordedAt(OWNER, daysAgo(10).plusSeconds(3600));
        long protectedOne = recordedAt(OWNER, daysAgo(20));
        long recycled = recordedAt(OWNER, daysAgo(20));
        assertThat(putJson("/api/v1/recordings/" + protectedOne + "/protection", "", admin()).statusCode()).isEqualTo(200);
        assertThat(delete("/api/v1/recordings/" + recycled, admin()).statusCode()).isEqualTo(200);

        settings("{\"retentionDays\":10}");
        JsonObject run = awaitEnd(start("retention"));
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getString("job")).isEqualTo("retention");
        assertThat(run.getJsonNumber("written").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(run.getString("parameters")).contains("cutoff=");

        assertThat(exists(older)).as("older than the TTL").isFalse();
        assertThat(binned(older)).isFalse();
        assertThat(exists(younger)).as("younger than the TTL").isTrue();
        assertThat(exists(protectedOne)).as("protected").isTrue();
        assertThat(binned(recycled)).as("retention also empties the bin of what is too old").isFalse();
        List<JsonObject> timeout = log(older, "timeout");
        assertThat(timeout).hasSize(1);
        assertThat(timeout.get(0).getString("user")).isEqualTo("server");
        assertThat(timeout.get(0).getString("detail")).startsWith("retention: recorded before ");
        assertThat(log(recycled, "timeout")).hasSize(1);

        JsonArray runs = VerbatimServer.jsonArray(getText("/api/v1/jobs", admin()).body());
        assertThat(runs.stream().map(r -> r.asJsonObject().getJsonNumber("executionId").longValue()))
                .contains(run.getJsonNumber("executionId").longValue());
    }

    @Test
    void theRecycleBinIsPurgedAfterItsDays() throws Exception {
        long recycled = recordedAt(OWNER, daysAgo(1));
        assertThat(delete("/api/v1/recordings/" + recycled, admin()).statusCode()).isEqualTo(200);
        settings("{\"recycleBinDays\":30}");
        awaitEnd(start("recycle-purge"));
        assertThat(binned(recycled)).as("deleted today, kept 30 days").isTrue();

        settings("{\"recycleBinDays\":0}");
        JsonObject run = awaitEnd(start("recycle-purge"));
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(binned(recycled)).isFalse();
        assertThat(log(recycled, "purge").get(0).getString("detail")).startsWith("recycle bin: deleted by " + VerbatimServer.ADMIN);
    }

    @Test
    void recordingsOfOwnersWithoutALicenceGoAfterTheGracePeriodUnlessLicensedAgain() throws Exception {
        String unlicensed = "nolicence" + SUFFIX;
        String relicensed = "relicensed" + SUFFIX;
        VerbatimServer.createUser(unlicensed, "USER", false);
        VerbatimServer.createUser(relicensed, "USER", false);
        settings("{\"retentionDays\":60}");
        long pastGrace = recordedAt(unlicensed, daysAgo(31));
        long inGrace = recordedAt(unlicensed, daysAgo(29));
        long licensedAgain = recordedAt(relicensed, daysAgo(31));
        long licensedOwners = recordedAt(OWNER, daysAgo(31));
        long unassigned = recordedAt("nobody" + SUFFIX, daysAgo(31));
        assertThat(putJson("/api/v1/users/" + relicensed, "{\"licensed\":true}", admin()).statusCode()).isEqualTo(200);

        JsonObject run = awaitEnd(start("licence-grace"));
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(exists(pastGrace)).isFalse();
        assertThat(log(pastGrace, "licence-grace").get(0).getString("detail"))
                .startsWith("licence grace: " + unlicensed + " holds no recorder licence");
        assertThat(exists(inGrace)).as("within the 30 days").isTrue();
        assertThat(exists(licensedAgain)).as("licensed again during the grace").isTrue();
        assertThat(exists(licensedOwners)).isTrue();
        assertThat(exists(unassigned)).as("no user: waits for an administrator").isTrue();

        settings("{\"retentionDays\":20}");
        awaitEnd(start("licence-grace"));
        assertThat(exists(inGrace)).as("the TTL is shorter than the grace").isFalse();
        assertThat(exists(licensedOwners)).isTrue();
    }

    @Test
    void aStoppedRunRestartsFromItsCheckpointAndDeletesEachRecordingOnce() throws Exception {
        settings("{\"retentionDays\":0}");
        List<Long> old = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            old.add(recordedAt(OWNER, daysAgo(100 + i)));
        }
        settings("{\"retentionDays\":50}");
        long first = start("retention");
        HttpResponse<String> stopping = send("POST", "/api/v1/jobs/runs/" + first + "/stop", "", "application/json", admin());
        JsonObject stopped = awaitEnd(first);
        long restartedRun = first;
        if (stopping.statusCode() == 200 && stopped.getString("status").equals("STOPPED")) {
            assertThat(stopped.getJsonNumber("written").longValue()).as("stopped part-way").isLessThan(old.size());
            HttpResponse<String> restarted = send("POST", "/api/v1/jobs/runs/" + first + "/restart", "", "application/json", admin());
            assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(202);
            restartedRun = json(restarted.body()).getJsonNumber("executionId").longValue();
            assertThat(restartedRun).isNotEqualTo(first);
            JsonObject done = awaitEnd(restartedRun);
            assertThat(done.getString("status")).isEqualTo("COMPLETED");
            assertThat(done.getString("parameters")).isEqualTo(stopped.getString("parameters"));
        } else {
            // the run finished before the stop reached it; the checkpoint is still shown by the ids being once each
            assertThat(stopped.getString("status")).isEqualTo("COMPLETED");
        }
        for (long id : old) {
            assertThat(exists(id)).isFalse();
            assertThat(log(id, "timeout")).as("recording %d deleted once", id).hasSize(1);
        }
        HttpResponse<String> again = send("POST", "/api/v1/jobs/runs/" + restartedRun + "/restart", "", "application/json", admin());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again.body()).getString("message")).contains("only FAILED or STOPPED runs restart");
    }
}
