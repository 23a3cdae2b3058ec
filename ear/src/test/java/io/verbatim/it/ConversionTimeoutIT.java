package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbatim.media.bench.ConversionBenchmark;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A capture the converter cannot finish in time never holds up the queue: on a server of the test's own whose
 * conversion time-out is 2 s, a 30-minute hybrid Opus call (about 10 s to convert here) stands in for a capture that
 * hangs the converter. It is stopped each time, tried a bounded number of times, then FAILED with the reason, while
 * the calls uploaded after it are converted meanwhile. A capture made to exhaust the converter's memory (a new RTP
 * flow in every packet) is refused at the converter's bound on flows and FAILED with that reason.
 */
class ConversionTimeoutIT {

    @Test
    void aConversionThatRunsPastItsTimeIsStoppedRetriedAndFailedWithoutHoldingUpTheOthers() throws Exception {
        assumeTrue(DisposableServer.onPostgres(), "the time-out and the bound on flows are the converter's, not the database's: checked on PostgreSQL");
        Path slow = Files.createTempFile("verbatim-slow-", ".pcap");
        try (DisposableServer server = DisposableServer.create("conversion-timeout", null,
                Map.of("VERBATIM_CONVERSION_TIMEOUT_SECONDS", "2"))) {
            server.start();
            ConversionBenchmark.generate("Opus hybrid", 30, slow);
            long poison = id(upload(server, "slow", Files.readAllBytes(slow)));
            long flood = id(upload(server, "flood", G711Calls.flood(50_000))); // five times the flows the converter keeps
            List<Long> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(id(upload(server, "quick-" + i, G711Calls.twoParty(5, 50_000L + i))));
            }
            Instant deadline = Instant.now().plusSeconds(120);
            for (long id : others) {
                String state;
                while (!(state = server.recording(id).getString("state")).equals("READY")) {
                    assertThat(state).isNotEqualTo("FAILED");
                    assertThat(Instant.now()).as("recording %d still %s", id, state).isBefore(deadline);
                    Thread.sleep(250);
                }
            }
            JsonObject stuck;
            while (!(stuck = server.recording(poison)).getString("state").equals("FAILED")) {
                assertThat(Instant.now()).as("the slow recording is still %s", stuck.getString("state")).isBefore(deadline);
                Thread.sleep(250);
            }
            assertThat(stuck.getString("failureReason")).isEqualTo("conversion did not finish within 2 s, 3 times");
            JsonObject flooded = server.recording(flood);
            assertThat(flooded.getString("state")).isEqualTo("FAILED");
            assertThat(flooded.getString("failureReason")).startsWith("more than 10000 RTP flows");
            assertThat(Files.readString(server.log())).contains("runs past 2 s: stopping it");
        } finally {
            Files.deleteIfExists(slow);
        }
    }

    private static HttpResponse<String> upload(DisposableServer server, String name, byte[] capture) throws Exception {
        HttpResponse<String> r = server.upload("timeout.example.com", String.format("%032d", Math.abs(name.hashCode())) + "-009033aabbcc-1--" + name + ".pcap", capture);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    private static long id(HttpResponse<String> created) {
        return json(created.body()).getJsonNumber("id").longValue();
    }

}
