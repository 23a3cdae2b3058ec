package io.verbatim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jakarta.json.JsonObject;

/**
 * A WildFly of the test's own, from the server the build provisioned, with the real EAR: its own configuration
 * folder, data folder, ports and (on PostgreSQL) database, so a test can start it cold, kill it with SIGKILL and
 * start it again on the same data while the suite's server goes on serving the other tests.
 */
final class DisposableServer implements AutoCloseable {

    /** The provisioned server and the EAR, as ear/bin/test built them. */
    private static final Path HOME = Path.of(System.getProperty("verbatim.wildfly.home", "target/server")).toAbsolutePath();
    private static final Path EAR = Path.of(System.getProperty("verbatim.ear", "target/verbatim.ear")).toAbsolutePath();
    /** standalone.xml (H2) or standalone-postgres.xml, the configuration the suite's server runs. */
    private static final String CONFIG = System.getProperty("verbatim.server.config", "standalone.xml");
    /** The PostgreSQL programs of the suite's PostgreSQL (ear/bin/test), for a test that runs one of its own. */
    static final String PG_BIN = System.getProperty("verbatim.pg.bin", "");

    static final String ADMIN_PASSWORD = "disposable-admin-secret";
    /**
     * A disposable server mostly boots and does a little: the quick (C1) compiler alone starts it about a fifth sooner
     * (WildFly's "started in" 20.5 s → 16 s measured on two cores), worth a minute a pass. A test that measures the
     * server's speed runs it {@link #AS_IN_PRODUCTION}.
     */
    /** A resource lock: the classes whose time bounds assume nothing else runs beside them, and the one that runs beside others. */
    static final String WHOLE_MACHINE = "the whole machine";
    private static final String QUICK_TO_START = "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1";
    /** WildFly's own JVM settings, both compilers, as {@code ear/bin/run} starts it. */
    static final Map<String, String> AS_IN_PRODUCTION = Map.of("JBOSS_JAVA_SIZING", "-Xms64m -Xmx512m");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Path base;
    private final Path data;
    private final int offset;
    private final Map<String, String> environment;
    private String nodeName;
    private String config = CONFIG;
    private volatile Process process; // set by the thread that starts it, killed from another (killOnceLogged)

    private DisposableServer(Path base, Path data, int offset, Map<String, String> environment) {
        this.base = base;
        this.data = data;
        this.offset = offset;
        this.environment = environment;
    }

    /** A new server with an empty data folder (and an empty database on PostgreSQL); not started yet. */
    static DisposableServer create(String name) throws Exception {
        return create(name, null, Map.of());
    }

    /**
     * The same with its data folder where the test says (on a small file system, say; null: a folder of its own) and
     * more environment. The server's own files (configuration, log, transaction store) stay apart from it.
     */
    static DisposableServer create(String name, Path data, Map<String, String> more) throws Exception {
        Path base = Files.createTempDirectory("verbatim-" + name + "-");
        Path configuration = base.resolve("configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(HOME.resolve("standalone/configuration"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, configuration.resolve(file.getFileName()));
                }
            }
        }
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(EAR, base.resolve("deployments/verbatim.ear"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "VERBATIM_ADMIN_USER", "admin", "VERBATIM_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "VERBATIM_LIFECYCLE_SCHEDULE", "off", "VERBATIM_WEBHOOK_FIRST_RETRY", "PT1S", "LAUNCH_JBOSS_IN_BACKGROUND", "1",
                "VERBATIM_ALARM_CHECK_SECONDS", "2", // alarms within seconds of their cause
                "JBOSS_JAVA_SIZING", QUICK_TO_START));
        if (onPostgres() && !more.containsKey("VERBATIM_DB_URL")) {
            environment.put("VERBATIM_DB_URL", newDatabase(name.replace('-', '_') + "_" + ProcessHandle.current().pid()
                    + "_" + System.nanoTime() % 100_000));
        }
        environment.putAll(more);
        return new DisposableServer(base, data != null ? data : base.resolve("data"), freeOffset(), environment);
    }

    /** Gives its next start this variable (as an administrator edits a node's environment between starts). */
    DisposableServer with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** Starts it as a node of this name ({@code jboss.node.name}); otherwise WildFly's default, the host's name. */
    DisposableServer named(String node) {
        this.nodeName = node;
        return this;
    }

    /**
     * Makes these servers the nodes of one WildFly cluster (standalone-cluster.xml, the configuration of
     * ear/bin/cluster): each is given every node's JGroups address, on loopback, and the key pair they show each other
     * (in a folder of its own, as the script keeps it apart from the keys folder), as the script does.
     */
    static void cluster(DisposableServer... nodes) throws IOException, InterruptedException {
        String members = java.util.Arrays.stream(nodes).map(n -> "127.0.0.1[" + n.jgroupsPort() + "]")
                .collect(java.util.stream.Collectors.joining(","));
        Path key = clusterKey(Files.createTempDirectory("verbatim-cluster-key-"));
        for (DisposableServer node : nodes) {
            node.config = "standalone-cluster.xml";
            node.environment.put("VERBATIM_CLUSTER_MEMBERS", members);
            node.environment.put("VERBATIM_CLUSTER_KEYSTORE", key.toString());
        }
    }

    /**
     * The key pair the nodes show each other on the JGroups port, made in this folder by ear/bin/cluster's own
     * function (functions.sh cluster_key): its keystore, cluster-key.p12.
     */
    static Path clusterKey(Path folder) throws IOException, InterruptedException {
        Process made = new ProcessBuilder("bash", "-c", "source \"$0\" && cluster_key \"$1\"",
                Path.of("bin", "functions.sh").toAbsolutePath().toString(), folder.toString()).redirectErrorStream(true).start();
        String said = new String(made.getInputStream().readAllBytes());
        if (made.waitFor() != 0) {
            throw new IllegalStateException("cluster_key made no cluster key: " + said);
        }
        return folder.resolve("cluster-key.p12");
    }

    /** The keystore with the key pair a cluster's node shows the others. */
    Path clusterKey() {
        return Path.of(environment.get("VERBATIM_CLUSTER_KEYSTORE"));
    }

    /** Where this node's JGroups listens, when it is one of a cluster (WildFly's 7600 and the offset). */
    int jgroupsPort() {
        return 7600 + offset;
    }

    /** The HTTPS port (WildFly's 8443 and this server's offset). */
    int httpsPort() {
        return 8443 + offset;
    }

    static boolean onPostgres() {
        return CONFIG.contains("postgres");
    }

    String url() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    Path data() {
        return data;
    }

    /** Its own database on the suite's PostgreSQL ({@code null} on H2, whose file only the server opens). */
    String databaseUrl() {
        return environment.get("VERBATIM_DB_URL");
    }

    /** PUTs a capture as a device does, to {@code /{pbx}/recordings/Files/{fileName}}. */
    HttpResponse<String> upload(String pbx, String fileName, byte[] capture) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/" + pbx + "/recordings/Files/" + fileName))
                .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofByteArray(capture)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as the administrator. */
    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", VerbatimServer.basic("admin", ADMIN_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST without a body as the administrator. */
    HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", VerbatimServer.basic("admin", ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of JSON as the administrator. */
    HttpResponse<String> postJson(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", VerbatimServer.basic("admin", ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT of JSON as the administrator. */
    HttpResponse<String> putJson(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", VerbatimServer.basic("admin", ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of bytes (audio, a download) as the administrator. */
    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", VerbatimServer.basic("admin", ADMIN_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET with no credentials, as a load balancer's probe. */
    HttpResponse<String> getUnsigned(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A recording as the API shows it to the administrator. */
    JsonObject recording(long id) throws Exception {
        HttpResponse<String> r = get("/api/v1/recordings/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return VerbatimServer.json(r.body());
    }

    /** Waits until a recording's conversion has ended (READY or FAILED, or 90 s passed) and returns it. */
    JsonObject awaitConverted(long id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            JsonObject r = recording(id);
            String state = r.getString("state");
            if (!state.equals("RECEIVED") && !state.equals("CONVERTING") || Instant.now().isAfter(deadline)) {
                return r;
            }
            Thread.sleep(200);
        }
    }

    /** Waits until a job run has ended and returns it. */
    JsonObject awaitRun(long run) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            JsonObject r = VerbatimServer.json(get("/api/v1/jobs/runs/" + run).body());
            String status = r.getString("status");
            if (!status.equals("STARTING") && !status.equals("STARTED") || Instant.now().isAfter(deadline)) {
                return r;
            }
            Thread.sleep(200);
        }
    }

    /** Starts the server and waits until the EAR is deployed. */
    DisposableServer start() throws Exception {
        Path deployments = base.resolve("deployments");
        Files.deleteIfExists(deployments.resolve("verbatim.ear.deployed"));
        Files.deleteIfExists(deployments.resolve("verbatim.ear.failed"));
        Files.createDirectories(base.resolve("log"));
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/standalone.sh").toString(), "-c", config,
                "-b", "127.0.0.1", "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Dverbatim.data.dir=" + data, "-Djboss.server.data.dir=" + base.resolve("server"),
                "-Djboss.server.log.dir=" + base.resolve("log"), "-Djboss.server.temp.dir=" + base.resolve("tmp"),
                "-Dverbatim.https.port=" + httpsPort()));
        if (nodeName != null) {
            command.add("-Djboss.node.name=" + nodeName);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("log/console.log").toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!Files.exists(deployments.resolve("verbatim.ear.deployed"))) {
            if (Files.exists(deployments.resolve("verbatim.ear.failed")) || !process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the server did not deploy Verbatim; its log ends:\n" + logTail());
            }
            Thread.sleep(200);
        }
        return this;
    }

    /**
     * Starts it and kills it ({@link #kill()}) as soon as its log shows {@code text}, during its start (a restore, a
     * migration), however far that got.
     */
    void killOnceLogged(String text) throws Exception {
        long from = Files.exists(log()) ? Files.size(log()) : 0; // what earlier starts logged does not count
        Thread starting = new Thread(() -> {
            try {
                start();
            } catch (Exception killed) {
                // the start ends with the kill: what is checked is the next start
            }
        });
        starting.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!(Files.exists(log()) && Files.size(log()) > from
                && Files.readString(log(), java.nio.charset.StandardCharsets.ISO_8859_1).substring((int) from).contains(text))) {
            if (Instant.now().isAfter(deadline) || !starting.isAlive()) {
                throw new IllegalStateException("the server's log never showed '" + text + "'; it ends:\n" + logTail());
            }
            Thread.sleep(20);
        }
        kill();
        starting.join();
    }

    /** SIGKILL to the JVM: no shutdown hook, no flush, as a power cut looks to the process. */
    void kill() throws InterruptedException {
        // taken before the kill: once the script is gone its JVM is no longer its descendant, and must still be waited for
        List<ProcessHandle> jvm = process.descendants().toList();
        jvm.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle left : jvm) {
            left.onExit().join();
        }
    }

    /** Stops it as an administrator would (SIGTERM), waiting for the JVM to end. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> jvm = process.descendants().toList();
        jvm.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            String threads = threadsOf(jvm);
            kill();
            // an administrator's stop must work, after a failed start too (one hung until killed, for a minute per stop)
            throw new AssertionError(base.getFileName() + " did not stop within 60 s of SIGTERM and was killed; its threads then:\n" + threads);
        }
        for (ProcessHandle p : jvm) {
            p.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        }
    }

    private static String threadsOf(List<ProcessHandle> jvm) {
        StringBuilder dump = new StringBuilder();
        for (ProcessHandle p : jvm) {
            try {
                Process jstack = new ProcessBuilder("jstack", String.valueOf(p.pid())).redirectErrorStream(true).start();
                dump.append(new String(jstack.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                jstack.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                dump.append("(no thread dump of ").append(p.pid()).append(": ").append(e).append(")\n");
            }
        }
        return dump.toString();
    }

    Path log() {
        return base.resolve("log/server.log");
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no server.log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        synchronized (DisposableServer.class) {
            GIVEN.remove(offset);
        }
        if (Files.exists(log())) { // kept for reading a failure after the folders are gone
            Path kept = Path.of("target", "disposable-logs");
            Files.createDirectories(kept);
            Files.copy(log(), kept.resolve(base.getFileName() + ".log"), StandardCopyOption.REPLACE_EXISTING);
        }
        for (Path folder : List.of(data, base)) {
            if (Files.exists(folder)) {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** An empty database for this server on the suite's PostgreSQL (whose cluster trusts local connections). */
    private static String newDatabase(String name) throws SQLException {
        String url = System.getenv("VERBATIM_DB_URL");
        Matcher m = Pattern.compile("jdbc:postgresql://([^/]+)/.*").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("VERBATIM_DB_URL is not a PostgreSQL URL: " + url);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + m.group(1) + "/postgres", "postgres", "");
             var statement = c.createStatement()) {
            statement.execute("create database " + name + " owner " + System.getenv("VERBATIM_DB_USER"));
        }
        return "jdbc:postgresql://" + m.group(1) + "/" + name;
    }

    /** A port offset, away from the suite server's, whose HTTP and management ports are free. */
    /** Offsets of servers made and not closed yet: one not started has not taken its ports yet. */
    private static final Set<Integer> GIVEN = new java.util.HashSet<>();

    static synchronized int freeOffset() throws IOException {
        int suite = URI.create(VerbatimServer.URL).getPort() - 8080;
        for (int offset = 1300; offset < 1500; offset++) {
            if (offset != suite && !GIVEN.contains(offset) && free(8080 + offset) && free(9990 + offset) && free(7600 + offset) && free(57600 + offset)) {
                GIVEN.add(offset);
                return offset;
            }
        }
        throw new IOException("no free port offset between 1300 and 1500");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
