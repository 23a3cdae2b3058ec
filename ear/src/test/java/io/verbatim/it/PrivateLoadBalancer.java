package io.verbatim.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's) in front of servers of the test's own, configured as ear/bin/cluster configures it: round robin,
 * health checks on {@code /health/ready}, a failed connection tried on another node, and each answer saying which
 * node gave it ({@code X-Verbatim-Node}).
 */
final class PrivateLoadBalancer implements AutoCloseable {

    private final Path folder;
    private final int port;
    private final Process process;

    private PrivateLoadBalancer(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/haproxy"));
    }

    /** @param nodes each node's name and its HTTP address ({@code http://127.0.0.1:port}) */
    static PrivateLoadBalancer start(Map<String, String> nodes) throws Exception {
        Path folder = Files.createTempDirectory("verbatim-haproxy-");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StringBuilder config = new StringBuilder("""
                global
                    log stdout format raw local0 warning
                defaults
                    mode http
                    log global
                    timeout connect 5s
                    timeout client 5m
                    timeout server 5m
                    timeout check 5s
                    timeout queue 2m
                    option redispatch
                    retries 2
                    option http-server-close
                frontend verbatim
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    cookie VERBATIM_NODE insert indirect nocache httponly
                    http-response set-header X-Verbatim-Node %%s
                """.formatted(port));
        nodes.forEach((name, url) -> config.append("    server ").append(name).append(' ').append(url.replace("http://", ""))
                .append(" check inter 1s fall 3 rise 2 maxconn 24 cookie ").append(name).append('\n'));
        Path file = Files.writeString(folder.resolve("haproxy.cfg"), config);
        Process process = new ProcessBuilder(List.of("/usr/sbin/haproxy", "-db", "-f", file.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("haproxy.log").toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (Socket listening = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("HAProxy did not start: " + Files.readString(folder.resolve("haproxy.log")));
                }
                Thread.sleep(50);
            }
        }
        return new PrivateLoadBalancer(folder, port, process);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(folder.resolve("haproxy.cfg"));
        Files.deleteIfExists(folder.resolve("haproxy.log"));
        Files.deleteIfExists(folder);
    }
}
