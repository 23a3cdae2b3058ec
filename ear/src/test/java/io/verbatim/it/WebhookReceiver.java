package io.verbatim.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A webhook receiver of the test's own: a real HTTP server on a free local port that keeps every POST it gets (headers
 * by their lower-case names, as the Standard Webhooks verifier looks them up, and body) and answers each with the
 * next status it was told to, or 200.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and the status it was answered with. */
    record Received(Map<String, List<String>> headers, String body, int answered, Instant at) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String type() {
            return VerbatimServer.json(body).getString("type");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> next = new ArrayDeque<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private int otherwise = 200;
    private int failFirstOfEvery;
    private String failure = "receiver failed on purpose";

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            int status;
            synchronized (this) {
                String id = headers.containsKey("webhook-id") ? headers.get("webhook-id").get(0) : "";
                boolean first = seen.add(id);
                status = !next.isEmpty() ? next.removeFirst()
                        : failFirstOfEvery > 0 && first && Math.floorMod(id.hashCode(), failFirstOfEvery) == 0 ? 500 : otherwise;
                received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), status, Instant.now()));
                notifyAll();
            }
            String said;
            synchronized (this) {
                said = status / 100 == 2 ? "thanks" : failure;
            }
            byte[] answer = said.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests are answered with these statuses, in order; then as before. */
    synchronized WebhookReceiver answerNext(int... statuses) {
        for (int status : statuses) {
            next.addLast(status);
        }
        return this;
    }

    /** Every request from now on (after those told {@link #answerNext}) is answered with this status. */
    synchronized WebhookReceiver answerAlways(int status) {
        otherwise = status;
        return this;
    }

    /** What a failed request is answered with (an error page, say). */
    synchronized WebhookReceiver failingWith(String body) {
        failure = body;
        return this;
    }

    /** The first attempt of about one message in {@code every} (by its id) is answered 500, later ones as before. */
    synchronized WebhookReceiver failFirstAttemptOfEvery(int every) {
        failFirstOfEvery = every;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} requests matching {@code which} have come, and returns them all, in order. */
    List<Received> await(Predicate<Received> which, int count, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        synchronized (this) {
            while (true) {
                List<Received> matching = received.stream().filter(which).toList();
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (matching.size() >= count || left <= 0) {
                    return matching;
                }
                wait(left);
            }
        }
    }

    /** Waits for the first request of this event type, and returns it. */
    Received awaitType(String type, Duration patience) throws InterruptedException {
        List<Received> got = await(r -> r.type().equals(type), 1, patience);
        if (got.isEmpty()) {
            throw new AssertionError("no " + type + " within " + patience + "; received: " + received().stream().map(Received::body).toList());
        }
        return got.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
