package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The object storage (an S3-compatible server of the test's own) killed under a server that keeps its blobs there:
 * an upload meanwhile is answered 503 with Retry-After, never 201, and names the storage; playing a stored recording
 * is 503 too; readiness says the storage does not answer. Once it is back, the device's second try is stored and
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
             DisposableServer server = DisposableServer.create("s3-down", null, store.serverEnvironment())) {
            server.start();
            long before = VerbatimServer.idFrom(upload(server, 1));
            assertThat(await(server, before).getString("state")).isEqualTo("READY");
            byte[] audio = audio(server, before).body();
            assertThat(audio).hasSizeGreaterThan(44);
            assertThat(store.blobs()).as("the blobs are in the bucket, not the data folder").isNotEmptyDirectory();
            assertThat(server.data().resolve("blobs")).doesNotExist();

            store.kill();
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

            store.start();
            HttpResponse<String> again = upload(server, 2);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            assertThat(await(server, VerbatimServer.idFrom(again)).getString("state")).isEqualTo("READY");
            HttpResponse<byte[]> played = audio(server, before);
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.body()).as("the same audio as before the outage").isEqualTo(audio);
            assertThat(server.getUnsigned("/health/ready").statusCode()).as("ready again").isEqualTo(200);
        }
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
        Instant deadline = Instant.now().plusSeconds(90);
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
