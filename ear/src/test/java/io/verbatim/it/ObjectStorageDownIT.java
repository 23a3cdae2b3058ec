package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The object storage (an S3-compatible server of the test's own) killed under a server that keeps its blobs there,
 * right after a burst of uploads whose conversions are still to come: those wait and none fails; an upload meanwhile
 * is answered 503 with Retry-After, never 201, names the storage and leaves nothing in staging; playing a stored
 * recording is 503 too; readiness says the storage does not answer. Once it is back, the device's second try is stored and
 * converted and the earlier audio plays byte for byte as before, with nobody doing anything. Runs in the pass whose
 * suite has an S3-compatible server (PostgreSQL).
 */
class ObjectStorageDownIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PBX = "s3-down.example.com";

    @Test
    void whileTheBucketIsAwayNothingIsAcknowledgedAndEverythingSaysSoThenRecovers() throws Exception {
        assumeTrue(PrivateObjectStore.available(), "runs in the pass that has S3Proxy (-Dverbatim.s3proxy.classpath)");
        try (PrivateObjectStore store = PrivateObjectStore.create();
             DisposableServer server = DisposableServer.create("s3-down", null, retryingSoon(store.serverEnvironment()))) {
            server.start();
            long before = VerbatimServer.idFrom(upload(server, 1));
            assertThat(await(server, before).getString("state")).isEqualTo("READY");
            byte[] audio = audio(server, before).body();
            assertThat(audio).hasSizeGreaterThan(44);
            assertThat(store.blobs()).as("the blobs are in the bucket, not the data folder").isNotEmptyDirectory();
            assertThat(server.data().resolve("blobs")).doesNotExist();

            // a burst whose conversions are still to come when the storage goes: they wait, none fails
            List<Long> burst = new ArrayList<>();
            ExecutorService devices = Executors.newFixedThreadPool(8);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long seed = 10 + i;
                sent.add(devices.submit(() -> server.upload(PBX, String.format("%032d", seed) + "-009033aabbcc-1--s3down.pcap",
                        G711Calls.twoParty(60, seed))));
            }
            for (Future<HttpResponse<String>> answer : sent) {
                burst.add(VerbatimServer.idFrom(answer.get()));
            }
            devices.shutdown();
            store.kill();
            long waiting = 0;
            for (long id : burst) {
                waiting += server.recording(id).getString("state").equals("READY") ? 0 : 1;
            }
            HttpResponse<String> refused = upload(server, 2);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(refused.body()).getString("message")).contains("object storage").contains(PrivateObjectStore.BUCKET);
            HttpResponse<byte[]> notPlayed = audio(server, before);
            assertThat(notPlayed.statusCode()).isEqualTo(503);
            assertThat(new String(notPlayed.body())).contains("object storage");
            HttpResponse<String> notReady = server.getUnsigned("/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("the object storage does not answer");
            assertThat(server.log()).content().contains("Upload of " + PBX).contains("refused with 503");
            for (long id : burst) {
                assertThat(server.recording(id).getString("state")).as("recording %d while the storage is away", id).isNotEqualTo("FAILED");
            }
            if (waiting > 0) { // as good as always: eight calls of a minute take a few seconds to convert
                assertThat(server.log()).content().contains("postponed: the object storage");
            }

            store.start();
            HttpResponse<String> again = upload(server, 2);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            assertThat(await(server, VerbatimServer.idFrom(again)).getString("state")).isEqualTo("READY");
            HttpResponse<byte[]> played = audio(server, before);
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.body()).as("the same audio as before the outage").isEqualTo(audio);
            assertThat(server.getUnsigned("/health/ready").statusCode()).as("ready again").isEqualTo(200);
            Instant converted = Instant.now().plusSeconds(60); // the postponed ones are tried again every 3 s here
            for (long id : burst) {
                assertThat(await(server, id, converted).getString("state")).as("recording %d after the outage", id).isEqualTo("READY");
            }
            try (Stream<Path> staged = Files.walk(server.data().resolve("staging"))) { // all done: only leftovers would be there
                assertThat(staged.filter(Files::isRegularFile).toList()).as("nothing refused or postponed stays in staging").isEmpty();
            }
            System.out.printf("ObjectStorageDownIT: %d of %d conversions were still to come when the storage went%n", waiting, burst.size());
        }
    }

    /** Conversions that wait for the storage try again every 3 s instead of 30, so the test need not wait. */
    private static Map<String, String> retryingSoon(Map<String, String> environment) {
        Map<String, String> more = new HashMap<>(environment);
        more.put("VERBATIM_CONVERSION_RETRY_SECONDS", "3");
        return more;
    }

    private static HttpResponse<String> upload(DisposableServer server, long seed) throws Exception {
        return server.upload(PBX, String.format("%032d", seed) + "-009033aabbcc-1--s3down.pcap", G711Calls.twoParty(5, seed));
    }

    private static HttpResponse<byte[]> audio(DisposableServer server, long id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/recordings/" + id + "/audio"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", VerbatimServer.basic("admin", DisposableServer.ADMIN_PASSWORD))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static jakarta.json.JsonObject await(DisposableServer server, long id) throws Exception {
        return await(server, id, Instant.now().plusSeconds(90));
    }

    private static jakarta.json.JsonObject await(DisposableServer server, long id, Instant deadline) throws Exception {
        while (true) {
            jakarta.json.JsonObject r = server.recording(id);
            String state = r.getString("state");
            if (!state.equals("RECEIVED") && !state.equals("CONVERTING") || Instant.now().isAfter(deadline)) {
                return r;
            }
            Thread.sleep(200);
        }
    }
}
