package io.verbatim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one cluster on this machine: two servers of the test's own on one PostgreSQL database, one bucket of an
 * S3-compatible server and one keys folder, each with its own name, behind HAProxy. A third start with a name in use
 * is refused; uploads through the balancer land on both nodes and are stored, converted and played by both; a setting changed on one is in force on the
 * other; the nightly jobs, whose timers fire on both nodes (every second here), run once; and uploads acknowledged by a node killed with
 * SIGKILL while it converts them all become READY through the other, while devices sending through the balancer go
 * on. Runs in the PostgreSQL pass, which has S3Proxy.
 */
class ClusterIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PBX = "cluster.example.com";
    private static final String ADMIN = VerbatimServer.basic("admin", DisposableServer.ADMIN_PASSWORD);

    @Test
    void twoNodesShareTheWorkAndTheSurvivorFinishesWhatTheDeadOneAcknowledged() throws Exception {
        assumeTrue(DisposableServer.onPostgres() && PrivateObjectStore.available() && PrivateLoadBalancer.available(),
                "runs in the PostgreSQL pass, which has S3Proxy (-Dverbatim.s3proxy.classpath) and HAProxy");
        Path keys = Files.createTempDirectory("verbatim-cluster-keys-");
        try (PrivateObjectStore store = PrivateObjectStore.create()) {
            Map<String, String> cluster = new HashMap<>(store.serverEnvironment());
            cluster.put("VERBATIM_KEYS_DIR", keys.toString());
            cluster.put("VERBATIM_LIFECYCLE_SCHEDULE", "*:*:*"); // every second: the lease lets the jobs run once
            cluster.put("VERBATIM_NODE_LEASE_SECONDS", "10"); // a dead node's conversions return within seconds
            try (DisposableServer a = DisposableServer.create("cluster-a", null, cluster).named("node-a")) {
                a.start();
                Map<String, String> sameDatabase = new HashMap<>(cluster);
                sameDatabase.put("VERBATIM_DB_URL", a.databaseUrl());
                try (DisposableServer b = DisposableServer.create("cluster-b", null, sameDatabase).named("node-a")) {
                    assertThatThrownBy(b::start).as("a second node named node-a").isInstanceOf(IllegalStateException.class);
                    assertThat(b.log()).content().contains("The node name node-a is in use by node-a on");
                    b.kill();
                    b.named("node-b").start();
                    try (PrivateLoadBalancer balancer = PrivateLoadBalancer.start(Map.of("node-a", a.url(), "node-b", b.url()))) {
                        clusterAt(balancer, a, b);
                    }
                }
            }
        } finally {
            try (var files = Files.walk(keys)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void clusterAt(PrivateLoadBalancer balancer, DisposableServer a, DisposableServer b) throws Exception {
        // uploads through the balancer land on both nodes; each is stored, converted and played by both
        List<Long> ids = new ArrayList<>();
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> stored = upload(balancer.url(), i);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            answeredBy.add(stored.headers().firstValue("X-Verbatim-Node").orElse("?"));
            ids.add(VerbatimServer.idFrom(stored));
        }
        assertThat(answeredBy).containsExactlyInAnyOrder("node-a", "node-b");
        for (long id : ids) {
            assertThat(awaitConverted(a, id).getString("state")).isEqualTo("READY");
            byte[] fromA = audio(a, id).body();
            assertThat(fromA).hasSizeGreaterThan(44);
            assertThat(audio(b, id).body()).as("recording %d played by the other node", id).isEqualTo(fromA);
        }

        // a setting changed on one node is in force on the other at once
        assertThat(putSettings(a, "{\"maxCaptureBytes\": 1024}").statusCode()).isEqualTo(200);
        HttpResponse<String> tooLarge = upload(b, 100);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(putSettings(b, "{\"maxCaptureBytes\": 2147483648}").statusCode()).isEqualTo(200);

        // the nightly timers fire on both nodes every second here: the jobs ran once
        Instant fired = Instant.now().plusSeconds(20);
        while (!Files.readString(b.log()).contains("Lifecycle jobs not started: they were started less than")) {
            assertThat(Instant.now()).as("node-b's lifecycle timer fired").isBefore(fired);
            Thread.sleep(500);
        }
        assertThat(runsOf(a, "export-expiry")).as("export-expiry runs in the cluster").isEqualTo(1);
        assertThat(Files.readString(a.log()) + Files.readString(b.log())).containsOnlyOnce("Started export-expiry");

        // node-b acknowledges uploads and is killed while it converts them: node-a converts every one
        Path pile = Files.createDirectories(b.data().resolve("import/pile")); // for a job it runs then, made beforehand
        for (int i = 0; i < 150; i++) {
            Files.write(pile.resolve(String.format("%032d", 400 + i) + "-009033aabbcc-1--pile.pcap"), G711Calls.twoParty(5, 400 + i));
        }
        List<Long> acknowledged = new ArrayList<>();
        ExecutorService devices = Executors.newFixedThreadPool(8);
        boolean seen = false;
        for (int round = 0; round < 5 && !seen; round++) { // until node-b is seen converting one of them
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                long seed = 200 + round * 16 + i;
                sent.add(devices.submit(() -> uploadCall(b.url(), seed, 60)));
            }
            for (Future<HttpResponse<String>> answer : sent) {
                HttpResponse<String> r = answer.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                acknowledged.add(VerbatimServer.idFrom(r));
            }
            seen = converting(b);
        }
        assertThat(seen).as("node-b converts one of them as it is killed").isTrue();
        devices.shutdown();
        // and runs a job: an import of a pile of captures it is still reading when it dies
        HttpResponse<String> importing = b.postJson("/api/v1/imports", "{\"folder\":\"pile\",\"pbx\":\"" + PBX + "\"}");
        assertThat(importing.statusCode()).as(importing.body()).isEqualTo(202);
        long interrupted = VerbatimServer.json(importing.body()).getJsonNumber("executionId").longValue();
        b.kill();
        for (int i = 0; i < 4; i++) { // devices sending through the balancer go on as if nothing happened
            // each on a connection of its own, as a device sends each call's file
            HttpClient device = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> stored = device.send(HttpRequest.newBuilder(URI.create(balancer.url() + "/" + PBX
                            + "/recordings/Files/" + String.format("%032d", 300 + i) + "-009033aabbcc-1--cluster.pcap"))
                    .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofByteArray(G711Calls.twoParty(5, 300 + i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            assertThat(stored.headers().firstValue("X-Verbatim-Node")).contains("node-a");
            acknowledged.add(VerbatimServer.idFrom(stored));
        }
        Instant done = Instant.now().plusSeconds(120);
        for (long id : acknowledged) {
            JsonObject r = awaitConverted(a, id, done);
            assertThat(r.getString("state")).as("recording %d, acknowledged by the killed node", id).isEqualTo("READY");
        }
        assertThat(a.log()).content().as("node-a took over what node-b had claimed").contains("abandoned by a stopped node");
        // the dead node's run ends FAILED without waiting for a node to start, and reaches the operator as an alarm
        JsonObject run = a.awaitRun(interrupted);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.getString("exitStatus")).contains("the server stopped during this run");
        Instant alarmed = Instant.now().plusSeconds(30);
        while (!a.get("/api/v1/alarms").body().contains("capture-import run " + interrupted)) {
            assertThat(Instant.now()).as("an alarm names the failed run").isBefore(alarmed);
            Thread.sleep(500);
        }
    }

    private static HttpResponse<String> upload(DisposableServer node, long seed) throws Exception {
        return upload(node.url(), seed);
    }

    /** As a device does, to a node or to the balancer. */
    private static HttpResponse<String> upload(String url, long seed) throws Exception {
        return uploadCall(url, seed, 5);
    }

    private static HttpResponse<String> uploadCall(String url, long seed, int seconds) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + PBX + "/recordings/Files/" + String.format("%032d", seed)
                        + "-009033aabbcc-1--cluster.pcap")).timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(G711Calls.twoParty(seconds, seed))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the node is converting a recording now (looked at for a second). */
    private static boolean converting(DisposableServer node) throws Exception {
        Instant until = Instant.now().plusSeconds(1);
        while (Instant.now().isBefore(until)) {
            if (VerbatimServer.json(node.get("/api/v1/recordings?state=CONVERTING&limit=1").body()).getJsonNumber("total").longValue() > 0) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static HttpResponse<byte[]> audio(DisposableServer node, long id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/recordings/" + id + "/audio"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> putSettings(DisposableServer node, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/settings")).timeout(Duration.ofSeconds(60))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long runsOf(DisposableServer node, String job) throws Exception {
        HttpResponse<String> runs = node.get("/api/v1/jobs?perJob=50");
        assertThat(runs.statusCode()).as(runs.body()).isEqualTo(200);
        return VerbatimServer.jsonArray(runs.body()).stream().map(JsonValue::asJsonObject)
                .filter(run -> run.getString("job").equals(job)).count();
    }

    private static JsonObject awaitConverted(DisposableServer node, long id) throws Exception {
        return awaitConverted(node, id, Instant.now().plusSeconds(60));
    }

    private static JsonObject awaitConverted(DisposableServer node, long id, Instant deadline) throws Exception {
        while (true) {
            JsonObject r = node.recording(id);
            String state = r.getString("state");
            if (!state.equals("RECEIVED") && !state.equals("CONVERTING") || Instant.now().isAfter(deadline)) {
                return r;
            }
            Thread.sleep(250);
        }
    }
}
