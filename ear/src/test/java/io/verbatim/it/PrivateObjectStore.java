package io.verbatim.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An S3-compatible server of the test's own: S3Proxy in a JVM of its own on a free local port, keeping each object
 * as a file under its folder, with one empty bucket. Its jars are the ones ear/bin/test resolved for the suite's own
 * S3Proxy ({@code -Dverbatim.s3proxy.classpath}, a file naming them). Killed and started again on the same port and
 * folder, it is the object storage of a site going away and coming back.
 */
final class PrivateObjectStore implements AutoCloseable {

    /** The file naming S3Proxy's jars; empty when the pass runs without an object store. */
    static final String CLASSPATH = System.getProperty("verbatim.s3proxy.classpath", "");
    static final String BUCKET = "recordings";
    private static final String ACCESS_KEY = "verbatim-test";
    private static final String SECRET_KEY = "object-store-secret";

    private final Path folder;
    private final int port;
    private Process process;

    private PrivateObjectStore(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    static boolean available() {
        return !CLASSPATH.isBlank() && Files.isRegularFile(Path.of(CLASSPATH));
    }

    static PrivateObjectStore create() throws Exception {
        Path folder = Files.createTempDirectory("verbatim-s3-");
        Files.createDirectories(folder.resolve("objects").resolve(BUCKET));
        Files.writeString(folder.resolve("java-arguments"), "-cp " + Files.readString(Path.of(CLASSPATH)).strip() + "\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PrivateObjectStore store = new PrivateObjectStore(folder, port);
        try {
            return store.start();
        } catch (Exception | AssertionError notStarted) {
            store.close();
            throw notStarted;
        }
    }

    /** Where the bucket's objects are, each a file. */
    Path objects() {
        return folder.resolve("objects").resolve(BUCKET);
    }

    /** Its address, for what the server is told to send here. */
    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    static String accessKey() {
        return ACCESS_KEY;
    }

    static String secretKey() {
        return SECRET_KEY;
    }

    /** What a server of the test's needs in its environment to keep its blobs here. */
    Map<String, String> serverEnvironment() {
        return Map.of("VERBATIM_S3_ENDPOINT", "http://127.0.0.1:" + port, "VERBATIM_S3_BUCKET", BUCKET,
                "VERBATIM_S3_ACCESS_KEY", ACCESS_KEY, "VERBATIM_S3_SECRET_KEY", SECRET_KEY);
    }

    /** What a server of the test's needs in its environment to keep backups in a bucket here (made by the server). */
    Map<String, String> backupEnvironment(String bucket, String prefix) {
        return Map.of("VERBATIM_BACKUP_DIR", "s3://" + bucket + "/" + prefix, "VERBATIM_BACKUP_S3_ENDPOINT", "http://127.0.0.1:" + port,
                "VERBATIM_BACKUP_S3_ACCESS_KEY", ACCESS_KEY, "VERBATIM_BACKUP_S3_SECRET_KEY", SECRET_KEY);
    }

    /** Where a bucket's objects show as files, each named by its key. */
    Path folderOf(String bucket) {
        return folder.resolve("objects").resolve(bucket);
    }

    /** Where the bucket's blobs show as files. */
    Path blobs() {
        return folder.resolve("objects").resolve(BUCKET).resolve("blobs");
    }

    PrivateObjectStore start() throws Exception {
        Path logback = Path.of("src/test/s3proxy/logback.xml"); // the tests run in ear/
        process = new ProcessBuilder(List.of("java", "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + logback.toAbsolutePath().normalize(), "@" + folder.resolve("java-arguments"),
                "-Ds3proxy.endpoint=http://127.0.0.1:" + port, "-Ds3proxy.authorization=aws-v2-or-v4",
                "-Ds3proxy.identity=" + ACCESS_KEY, "-Ds3proxy.credential=" + SECRET_KEY,
                "-Djclouds.provider=filesystem-nio2", "-Djclouds.filesystem.basedir=" + folder.resolve("objects"),
                "org.gaul.s3proxy.Main", "--properties", "/dev/null"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("s3proxy.log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Socket listening = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("S3Proxy did not start; its log:\n" + Files.readString(folder.resolve("s3proxy.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    /** SIGKILL: the object storage gone at once, connections cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
