package io.verbatim.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Webhook delivery under load, kept as a benchmark (ear/bin/bench-webhooks), not a test: N events (test events, each
 * an outbox row written by its own request) sent through the outbox to a real receiver on this machine that fails the
 * first attempt of about one message in five; prints events/s from the first request to the last delivery, the time
 * from each event to its delivery (p50/p95/p99), the retries, and messages lost or delivered twice. Arguments: server
 * URL, administrator password, number of events.
 */
public final class WebhookBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes());
        int events = Integer.parseInt(args[2]);
        try (WebhookReceiver receiver = new WebhookReceiver().failFirstAttemptOfEvery(5)) {
            HttpResponse<String> made = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/webhooks"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url("/bench") + "\",\"events\":[\"alarm.raised\"],"
                            + "\"description\":\"benchmark\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (made.statusCode() != 201) {
                throw new IllegalStateException("subscribing: " + made.statusCode() + " " + made.body());
            }
            long hook = VerbatimServer.json(made.body()).getJsonNumber("id").longValue();
            Map<String, Instant> written = Collections.synchronizedMap(new HashMap<>());
            Instant start = Instant.now();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                sent.add(senders.submit(() -> {
                    HttpResponse<String> queued = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/webhooks/" + hook + "/test"))
                            .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (queued.statusCode() != 202) {
                        throw new IllegalStateException("a test event: " + queued.statusCode() + " " + queued.body());
                    }
                    written.put(VerbatimServer.json(queued.body()).getString("messageId"), Instant.now());
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            senders.shutdown();
            Instant queuedAll = Instant.now();
            List<WebhookReceiver.Received> delivered = receiver.await(r -> r.answered() == 200, events, Duration.ofMinutes(10));
            Instant done = delivered.stream().map(WebhookReceiver.Received::at).max(Instant::compareTo).orElse(Instant.now());
            Map<String, Integer> deliveries = new HashMap<>();
            List<Long> latencies = new ArrayList<>();
            for (WebhookReceiver.Received r : delivered) {
                String id = r.header("webhook-id");
                if (deliveries.merge(id, 1, Integer::sum) == 1 && written.containsKey(id)) {
                    latencies.add(Duration.between(written.get(id), r.at()).toMillis());
                }
            }
            Collections.sort(latencies);
            long retries = receiver.received().stream().filter(r -> r.answered() != 200).count();
            double seconds = Duration.between(start, done).toMillis() / 1000.0;
            System.out.printf("%d events written in %.1f s (%.0f/s), all delivered %.1f s after the first: %.0f events/s%n",
                    events, Duration.between(start, queuedAll).toMillis() / 1000.0,
                    events / (Duration.between(start, queuedAll).toMillis() / 1000.0), seconds, events / seconds);
            long byLastWrite = delivered.stream().filter(r -> !r.at().isAfter(queuedAll)).count();
            double drained = Duration.between(queuedAll, done).toMillis() / 1000.0;
            System.out.printf("delivered while writing: %d; the %d left drained in %.1f s: %.0f events/s%n", byLastWrite,
                    events - byLastWrite, drained, drained > 0 ? (events - byLastWrite) / drained : 0.0);
            System.out.printf("event to delivery: p50 %d ms, p95 %d ms, p99 %d ms (retried after a failed first attempt: %d)%n",
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), retries);
            System.out.printf("lost %d, delivered twice %d%n", events - deliveries.size(),
                    deliveries.values().stream().filter(n -> n > 1).count());
            HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/webhooks/" + hook)).header("Authorization", authorization)
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
