package io.verbatim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
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
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jgroups.JChannel;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.NAKACK4;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST4;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.stack.Protocol;
import org.jgroups.util.DefaultSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two nodes of one cluster on this machine: two servers of the test's own on one PostgreSQL database, one bucket of an
 * S3-compatible server and one keys folder, each with its own name, behind HAProxy. A start without the cluster's key
 * pair and a start with a name in use are refused; uploads through the balancer land on both nodes and are stored,
 * converted and played by both; a setting changed on one is in force on the other, a crypt key set on one encrypts
 * what the other stores, and a trace level set on one is the other's within a minute; the nightly jobs, whose timers fire on both nodes (every second here), run once; and uploads acknowledged by a node killed with
 * SIGKILL while it converts them all become READY through the other, while devices sending through the balancer go
 * on. The nodes run the cluster's configuration (WildFly's HA profile, JGroups over TCP on loopback): a browser whose
 * session was on the killed node goes on signed in on the other, on the very page it had open; a 4-eyes request made
 * on one node reaches the monitor's page on the other and the grant comes back; and the grant of a monitor whose
 * browser went with the killed node ends on the other; and a JGroups peer gets into the cluster only over TLS with
 * the cluster's key pair.
 * Runs in the PostgreSQL pass, which has S3Proxy.
 */
@ResourceLock(DisposableServer.WHOLE_MACHINE)
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
                Map<String, String> sameDatabase = new HashMap<>(cluster);
                sameDatabase.put("VERBATIM_DB_URL", a.databaseUrl());
                try (DisposableServer b = DisposableServer.create("cluster-b", null, sameDatabase).named("node-a")) {
                    DisposableServer.cluster(a, b);
                    a.start();
                    // a node without the cluster's key pair does not deploy (rather than make a cluster of its own), naming the file
                    Path absent = keys.resolve("absent/cluster-key.p12");
                    b.with("VERBATIM_CLUSTER_KEYSTORE", absent.toString());
                    assertThatThrownBy(b::start).as("a node without the key pair").isInstanceOf(IllegalStateException.class);
                    assertThat(b.log()).content().contains("KeyStore file '" + absent + "' does not exist");
                    b.kill();
                    b.with("VERBATIM_CLUSTER_KEYSTORE", a.clusterKey().toString());
                    assertThatThrownBy(b::start).as("a second node named node-a").isInstanceOf(IllegalStateException.class);
                    assertThat(b.log()).content().contains("The node name node-a is in use by node-a on");
                    b.kill();
                    b.named("node-b").start();
                    try (PrivateLoadBalancer balancer = PrivateLoadBalancer.start(Map.of("node-a", a.url(), "node-b", b.url()))) {
                        clusterAt(balancer, a, b, store.objects());
                    }
                    // the nodes talk TLS and each side shows the cluster's certificate: a JGroups peer with a key pair of
                    // its own, or without TLS, is not let in; one with the cluster's is
                    Path another = DisposableServer.clusterKey(keys.resolve("another-cluster"));
                    assertThat(membersSeenBy(a.jgroupsPort(), another)).as("the view of a peer with another key pair").isEqualTo(1);
                    assertThat(membersSeenBy(a.jgroupsPort(), null)).as("of a peer without TLS").isEqualTo(1);
                    assertThat(membersSeenBy(a.jgroupsPort(), a.clusterKey())).as("with the cluster's").isEqualTo(2);
                }
            }
        } finally {
            try (var files = Files.walk(keys)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * How many members a JGroups peer sees once it has tried to join the cluster (WildFly's channel "ee", cluster
     * "ejb") at this port, with the stack the nodes run, over TLS with the key pair in this keystore (or, if null,
     * without TLS). Each is as patient (four tries of 3 s; with the cluster's key it gets in within a few), so that
     * only the key tells them apart.
     */
    private static int membersSeenBy(int port, Path keystore) throws Exception {
        int free;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        TCP transport = new TCP().setBindAddress(InetAddress.getLoopbackAddress()).setBindPort(free);
        if (keystore != null) {
            transport.setSocketFactory(new DefaultSocketFactory(tlsWith(keystore)));
        }
        List<Protocol> stack = new ArrayList<>(List.of(transport,
                new TCPPING().initialHosts(List.of(new InetSocketAddress("127.0.0.1", port))),
                new NAKACK4(), new UNICAST4(), new GMS().setJoinTimeout(3000).setMaxJoinAttempts(4), new FRAG4()));
        Instant asked = Instant.now();
        try (JChannel peer = new JChannel(stack)) {
            peer.connect("ejb");
            System.out.printf("A JGroups peer with %s sees %s after %d ms%n", keystore == null ? "no TLS" : keystore,
                    peer.getView(), Duration.between(asked, Instant.now()).toMillis());
            return peer.getView().size();
        }
    }

    /** TLS 1.3 showing the key pair in this keystore and trusting its certificate, as the nodes' contexts do. */
    private static SSLContext tlsWith(Path keystore) throws Exception {
        char[] password = "verbatim-cluster".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusted.init(store);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keys.getKeyManagers(), trusted.getTrustManagers(), null);
        return tls;
    }

    private static void clusterAt(PrivateLoadBalancer balancer, DisposableServer a, DisposableServer b, Path objects) throws Exception {
        try (Browser browser = new Browser(); Browser user = new Browser(); Browser monitor = new Browser()) {
            clusterAt(balancer, a, b, objects, browser, user, monitor);
        }
    }

    private static void clusterAt(PrivateLoadBalancer balancer, DisposableServer a, DisposableServer b, Path objects, Browser browser,
                                  Browser user, Browser monitor) throws Exception {
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

        // a crypt key set on one node encrypts what the other stores from then on, and both play it decrypted
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(1));
        assertThat(putSettings(a, "{\"cryptKey\": \"the cluster's crypt key, long enough\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> encrypted = upload(b, 1000);
        assertThat(encrypted.statusCode()).as(encrypted.body()).isEqualTo(201);
        long secret = VerbatimServer.idFrom(encrypted);
        assertThat(awaitConverted(a, secret).getString("state")).isEqualTo("READY");
        byte[] decrypted = audio(a, secret).body();
        assertThat(new String(decrypted, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(audio(b, secret).body()).isEqualTo(decrypted);
        try (var files = Files.walk(objects)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> EncryptionIT.modified(f).compareTo(before) > 0).toList())
                    .as("the original and the audio, as stored").hasSizeGreaterThanOrEqualTo(2).noneMatch(EncryptionIT::startsPlain);
        }
        // a trace level set on one node is in force on the other within its minute (looked at at the end)
        assertThat(putSettings(b, "{\"traceLevels\": {\"conversion\": \"debug\"}}").statusCode()).isEqualTo(200);
        Instant traced = Instant.now();

        // the nightly timers fire on both nodes every second here: the jobs ran once
        Instant fired = Instant.now().plusSeconds(20);
        while (!Files.readString(b.log()).contains("Lifecycle jobs not started: they were started less than")) {
            assertThat(Instant.now()).as("node-b's lifecycle timer fired").isBefore(fired);
            Thread.sleep(500);
        }
        assertThat(runsOf(a, "export-expiry")).as("export-expiry runs in the cluster").isEqualTo(1);
        assertThat(Files.readString(a.log()) + Files.readString(b.log())).containsOnlyOnce("Started export-expiry");

        // an administrator signs in through the balancer and is kept on node-b (HAProxy's cookie), the node killed below
        signIn(balancer, browser, "node-b", "admin", DisposableServer.ADMIN_PASSWORD);
        search(browser, 1);

        // 4-eyes across the nodes: the monitor's pages on node-b, the user's on node-a; each is told of what the other
        // did on the other node
        long watched = fourEyes(a);
        signIn(balancer, monitor, "node-b", "mon", VerbatimServer.USER_PASSWORD);
        monitor.driver.get(balancer.url() + "/app/monitor.xhtml");
        signIn(balancer, user, "node-a", "wat", VerbatimServer.USER_PASSWORD);
        user.driver.findElement(By.id("fourEyes:requestAccess")).click();
        user.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fourEyes:fourEyesState"), "Waiting for the monitor"));
        monitor.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor:requests"), "wat"));
        monitor.driver.findElement(By.cssSelector("#monitor\\:requests .vb-grant")).click();
        monitor.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor:requests"), "GRANTED"));
        user.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recordings:table"), String.format("%032d", 7)));
        assertThat(asUser(a, watched)).as("granted, seen on node-a").isEqualTo(200);

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
        // the monitor's browser closes as node-b dies: node-b never sees it close, node-a ends the grant
        monitor.close();
        b.kill();
        Instant killed = Instant.now();
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
        // the browser whose session was on node-b goes on where it was, signed in: the page made on node-b answers a
        // search on node-a (its view and the session's state were copied to node-a), and the next page opens
        search(browser, 2);
        // the grant of the monitor whose browser went with node-b has ended, and the user's page on node-a was told
        user.wait.withTimeout(Duration.ofSeconds(60)).until(
                ExpectedConditions.presenceOfElementLocated(By.id("fourEyes:fourEyesState")));
        assertThat(asUser(a, watched)).as("the grant ended").isEqualTo(404);
        JsonObject end = VerbatimServer.json(a.get("/api/v1/action-log?action=four-eyes-revoke").body()).getJsonArray("items").getJsonObject(0);
        assertThat(end.getString("user")).isEqualTo("server");
        assertThat(end.getString("detail")).isEqualTo("access of wat to watched ended: the monitor's browser is gone");
        Duration after = Duration.between(killed, Instant.parse(end.getString("occurredAt")));
        System.out.printf("4-eyes: the grant of a monitor lost with node-b ended %d s after the kill%n", after.toSeconds());
        // unseen for 20 s after its last sign (stamped every 5 s), noticed within a round of 5 s, and a margin
        assertThat(after).as("the grant ended after the kill").isBetween(Duration.ofSeconds(10), Duration.ofSeconds(40));
        browser.driver.get(balancer.url() + "/app/admin/jobs.xhtml");
        assertThat(browser.driver.findElement(By.id("signed-in-user")).getText()).isEqualTo("admin");
        assertThat(browser.driver.manage().getCookieNamed("VERBATIM_NODE").getValue()).as("now kept on node-a").isEqualTo("node-a");
        // the dead node's run ends FAILED without waiting for a node to start, and reaches the operator as an alarm
        JsonObject run = a.awaitRun(interrupted);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.getString("exitStatus")).contains("the server stopped during this run");
        Instant alarmed = Instant.now().plusSeconds(30);
        while (!a.get("/api/v1/alarms").body().contains("capture-import run " + interrupted)) {
            assertThat(Instant.now()).as("an alarm names the failed run").isBefore(alarmed);
            Thread.sleep(500);
        }
        // the trace level set on node-b is node-a's too: a conversion there says what it converts
        Instant minute = traced.plusSeconds(62);
        while (!Files.readString(a.log()).contains("Trace level of conversion on this node: debug")) {
            assertThat(Instant.now()).as("node-a took node-b's trace level within its minute").isBefore(minute);
            Thread.sleep(500);
        }
        long debugged = VerbatimServer.idFrom(upload(a, 1001));
        assertThat(awaitConverted(a, debugged).getString("state")).isEqualTo("READY");
        assertThat(a.log()).content().contains("Converting recording " + debugged + " (");
    }

    /** Signs in through the balancer, kept on this node by HAProxy's cookie; the session is that node's. */
    private static void signIn(PrivateLoadBalancer balancer, Browser browser, String node, String username, String password) {
        browser.driver.get(balancer.url() + "/login.xhtml");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().addCookie(new Cookie("VERBATIM_NODE", node));
        browser.signIn(balancer.url(), username, password);
        assertThat(browser.driver.manage().getCookieNamed("JSESSIONID").getValue()).as("a session of %s's", node).endsWith("." + node);
    }

    /**
     * A monitor (mon), a user (wat) on an app object the monitor watches, and a recording of someone on its access
     * list (own, the call of seed 7), made through node-a; returns the recording.
     */
    private static long fourEyes(DisposableServer a) throws Exception {
        for (String[] person : new String[][]{{"mon", "SUPERVISOR"}, {"wat", "USER"}, {"own", "USER"}}) {
            HttpResponse<String> made = a.postJson("/api/v1/users", "{\"username\":\"" + person[0] + "\",\"password\":\""
                    + VerbatimServer.USER_PASSWORD + "\",\"role\":\"" + person[1] + "\",\"pbx\":\"" + PBX + "\",\"licensed\":true}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        }
        HttpResponse<String> watching = a.putJson("/api/v1/app-objects/watched", "{\"pbx\":\"" + PBX
                + "\",\"members\":[\"wat\"],\"accessList\":[\"own\"],\"monitor\":\"mon\"}");
        assertThat(watching.statusCode()).as(watching.body()).isEqualTo(200);
        HttpResponse<String> stored = a.upload(PBX, String.format("%032d", 7) + "-009033aabbcc-1--own.pcap", G711Calls.twoParty(5, 7));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        long id = VerbatimServer.idFrom(stored);
        assertThat(awaitConverted(a, id).getString("state")).isEqualTo("READY");
        assertThat(asUser(a, id)).as("nothing before the grant").isEqualTo(404);
        return id;
    }

    private static int asUser(DisposableServer node, long recording) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/recordings/" + recording))
                .timeout(Duration.ofSeconds(60)).header("Authorization", VerbatimServer.basic("wat", VerbatimServer.USER_PASSWORD))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Searches the Recordings page for the call uploaded with this seed, and waits until it is the one row. */
    private static void search(Browser browser, long seed) throws Exception {
        if (!browser.driver.getCurrentUrl().contains("/app/recordings.xhtml")) {
            throw new AssertionError("not on the Recordings page: " + browser.driver.getCurrentUrl());
        }
        String callId = String.format("%032d", seed);
        WebElement text = browser.driver.findElement(By.id("recordings:text"));
        text.clear();
        text.sendKeys(callId);
        browser.driver.findElement(By.id("recordings:search")).click();
        browser.wait.until(d -> {
            List<String> rows = d.findElements(By.cssSelector("#recordings\\:table_data > tr:not(.ui-datatable-empty-message)"))
                    .stream().map(WebElement::getText).toList();
            return rows.size() == 1 && rows.get(0).contains(callId);
        });
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
