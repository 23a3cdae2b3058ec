package io.verbatim.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingest under load, kept as a benchmark (ear/bin/bench-ingest), not a test: N concurrent uploads of distinct
 * 1-minute G.711 calls against a running server; prints uploads/s, MB/s, the answer times' p50/p95/p99, the time
 * until all are READY after the last answer, and how many acknowledged uploads are missing or changed (lost).
 * Arguments: server URL, administrator password, number of uploads.
 */
public final class IngestBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private IngestBenchmark() {
    }

    private record Answer(int status, long millis, long id, String sha256, String node) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes());
        int uploads = Integer.parseInt(args[2]);
        String run = Long.toHexString(System.currentTimeMillis());
        List<byte[]> calls = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < uploads; i++) {
            byte[] call = G711Calls.twoParty(60, System.currentTimeMillis() / 1000 % 100_000 * 1000 + i);
            calls.add(call);
            bytes += call.length;
        }
        System.out.printf("%d distinct 1-minute G.711 calls, %.1f MB each on average%n", uploads, bytes / 1e6 / uploads);

        // the operator registers the run's PBX first, as uploads for unregistered PBXs are refused once one exists
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/tenants/bench-" + run + ".example.com"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 200) {
            throw new IllegalStateException("registering the benchmark's PBX: " + registered.statusCode() + " " + registered.body());
        }
        long start = System.nanoTime();
        List<CompletableFuture<Answer>> pending = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            byte[] call = calls.get(i);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(call));
            String name = String.format("%s%020d-009033aabbcc-1--bench.pcap", run, i);
            HttpRequest put = HttpRequest.newBuilder(URI.create(url + "/bench-" + run + ".example.com/recordings/Files/" + name))
                    .timeout(Duration.ofMinutes(5)).PUT(HttpRequest.BodyPublishers.ofByteArray(call)).build();
            long sent = System.nanoTime();
            pending.add(HTTP.sendAsync(put, HttpResponse.BodyHandlers.ofString()).handle((r, failure) -> {
                long millis = (System.nanoTime() - sent) / 1_000_000;
                if (failure != null) {
                    return new Answer(0, millis, -1, sha, "none");
                }
                long id = r.statusCode() == 201 ? VerbatimServer.json(r.body()).getJsonNumber("id").longValue() : -1;
                // behind the cluster's load balancer, which node answered
                return new Answer(r.statusCode(), millis, id, sha, r.headers().firstValue("X-Verbatim-Node").orElse("the server"));
            }));
        }
        List<Answer> answers = pending.stream().map(CompletableFuture::join).toList();
        double seconds = (System.nanoTime() - start) / 1e9;
        long created = answers.stream().filter(a -> a.status() == 201).count();
        Map<Integer, Long> byStatus = new ConcurrentHashMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        long[] times = answers.stream().mapToLong(Answer::millis).sorted().toArray();
        System.out.printf("%d uploads in %.1f s: %.1f uploads/s, %.1f MB/s; answers %s%n", uploads, seconds, uploads / seconds,
                bytes / 1e6 / seconds, byStatus);
        System.out.printf("answer time p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s%n", pct(times, 50), pct(times, 95),
                pct(times, 99), times[times.length - 1] / 1000.0);

        long readyStart = System.nanoTime();
        while (true) {
            long waiting = total(url, authorization, "RECEIVED") + total(url, authorization, "CONVERTING");
            if (waiting == 0) {
                break;
            }
            if (System.nanoTime() - readyStart > Duration.ofMinutes(30).toNanos()) {
                System.out.println("NOT all converted after 30 minutes: " + waiting + " waiting or converting");
                System.exit(1);
            }
            Thread.sleep(250);
        }
        System.out.printf("all converted %.1f s after the last answer; %.1f conversions/s from the first upload to the last conversion%n",
                (System.nanoTime() - readyStart) / 1e9, uploads / ((System.nanoTime() - start) / 1e9));
        Map<String, Long> byNode = new TreeMap<>();
        answers.forEach(a -> byNode.merge(a.node(), 1L, Long::sum));
        System.out.println("answered by " + byNode);

        long lost = 0;
        long notReady = 0;
        for (Answer a : answers) {
            if (a.status() != 201) {
                continue;
            }
            var recording = VerbatimServer.json(get(url + "/api/v1/recordings/" + a.id(), authorization));
            if (!recording.containsKey("originalSha256") || !recording.getString("originalSha256").equals(a.sha256())) {
                lost++;
            } else if (!recording.getString("state").equals("READY")) {
                notReady++;
            }
        }
        System.out.printf("lost = %d of %d acknowledged; not READY: %d%n", lost, created, notReady);
        System.exit(lost == 0 && notReady == 0 && created == uploads ? 0 : 1);
    }

    /** By the recordings list (any version of the API), so the same client measures servers before and after. */
    private static long total(String url, String authorization, String state) throws Exception {
        return VerbatimServer.json(get(url + "/api/v1/recordings?limit=1&state=" + state, authorization))
                .getJsonNumber("total").longValue();
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    private static String get(String url, String authorization) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body().lines().limit(5).toList());
        }
        return r.body();
    }
}
