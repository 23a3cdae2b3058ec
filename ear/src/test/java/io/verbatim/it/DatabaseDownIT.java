package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The database stopped for a while under a server of the test's own, on a PostgreSQL of the test's own (so the
 * suite's database stays up), the first time in the middle of a bulk action: each recording it reached is done with
 * its log entry or not at all, and the answer says how many; uploads meanwhile are answered 503 with Retry-After,
 * never 201; the API and the pages answer 503 saying why; once the database is back all of it works again by itself,
 * and the device's second try of each refused upload is stored. Runs in the PostgreSQL pass of the suite.
 */
@Execution(ExecutionMode.CONCURRENT) // its own database and server, waiting out a 30-second outage: beside the others
@ResourceLock(DisposableServer.WHOLE_MACHINE)
class DatabaseDownIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Recordings protected at once as the database goes: enough that it goes while they are under way. */
    private static final int BULK = 150;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void whileTheDatabaseIsAwayNothingIsAcknowledgedAndEverythingSaysSoThenRecovers() throws Exception {
        assumeTrue(DisposableServer.onPostgres() && !DisposableServer.PG_BIN.isEmpty(),
                "runs in the PostgreSQL pass, which names the PostgreSQL programs");
        try (PrivatePostgres pg = PrivatePostgres.create();
             DisposableServer server = DisposableServer.create("database-down", null, Map.of("VERBATIM_DB_URL", pg.url()));
             Browser browser = new Browser()) {
            server.start();
            assertThat(upload(server, "before", 1).statusCode()).isEqualTo(201);
            browser.signIn(server.url(), "admin", DisposableServer.ADMIN_PASSWORD);
            List<Long> selected = new ArrayList<>();
            for (int b = 0; b < BULK; b++) {
                selected.add(VerbatimServer.idFrom(upload(server, "bulk-" + b, 10_000 + b)));
            }
            Instant converted = Instant.now().plusSeconds(90); // converting is a change too: the bulk action alone meets the outage
            while (json(server.get("/api/v1/recordings?state=READY&limit=1").body()).getJsonNumber("total").longValue() < 1 + BULK) {
                assertThat(Instant.now()).as("all converted").isBefore(converted);
                Thread.sleep(500);
            }

            // the database goes while a bulk action is under way: each recording is done with its log entry, or not at all,
            // and the answer says how many
            ExecutorService client = Executors.newSingleThreadExecutor();
            Future<HttpResponse<String>> bulk = client.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                            + "/api/v1/recordings/bulk")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", VerbatimServer.basic("admin", DisposableServer.ADMIN_PASSWORD)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"PROTECT\",\"ids\":" + selected + "}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
            Thread.sleep(300);
            pg.stop();
            HttpResponse<String> bulkAnswer = bulk.get(90, TimeUnit.SECONDS);
            client.shutdown();
            System.out.println("bulk action as the database went: " + bulkAnswer.statusCode() + " " + bulkAnswer.body());
            Instant back = Instant.now().plus(OUTAGE);
            List<String> refused = new ArrayList<>();
            int i = 0;
            while (Instant.now().isBefore(back)) {
                String name = "during-" + i;
                HttpResponse<String> answer = upload(server, name, 100 + i++);
                assertThat(answer.statusCode()).as("upload while the database is away: %s", answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(json(answer.body()).getString("message")).contains("database is not reachable");
                refused.add(name);
                Thread.sleep(1000);
            }
            HttpResponse<String> notReady = server.getUnsigned("/health/ready");
            assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
            assertThat(DiskFullIT.check(notReady, "database").getString("status")).isEqualTo("DOWN");
            assertThat(server.getUnsigned("/health/live").statusCode()).as("alive without its database").isEqualTo(200);
            HttpResponse<String> api = server.get("/api/v1/recordings");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(json(api.body()).getString("message")).contains("database is not reachable");
            browser.driver.get(server.url() + "/app/recordings.xhtml");
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("cannot reach its database");

            pg.start();
            Instant deadline = Instant.now().plusSeconds(60);
            HttpResponse<String> again;
            while ((again = server.get("/api/v1/recordings")).statusCode() != 200) {
                assertThat(Instant.now()).as("the API after the database came back: %s", again.body()).isBefore(deadline);
                Thread.sleep(500);
            }
            assertThat(server.getUnsigned("/health/ready").statusCode()).as("ready again").isEqualTo(200);
            browser.driver.get(server.url() + "/app/recordings.xhtml");
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
            i = 0;
            for (String name : refused) { // the device sends each again
                HttpResponse<String> stored = upload(server, name, 100 + i++);
                assertThat(stored.statusCode()).as("%s sent again: %s", name, stored.body()).isIn(200, 201);
            }
            assertThat(json(server.get("/api/v1/recordings?limit=1").body()).getJsonNumber("total").longValue())
                    .isEqualTo(1 + BULK + refused.size());
            Set<Long> protectedNow = new HashSet<>();
            for (long id : selected) {
                if (json(server.get("/api/v1/recordings/" + id).body()).getBoolean("protected")) {
                    protectedNow.add(id);
                }
            }
            Set<Long> logged = json(server.get("/api/v1/action-log?action=permanent&limit=1000").body()).getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().map(e -> e.getJsonNumber("recordingId").longValue()).collect(Collectors.toSet());
            assertThat(logged).as("protected recordings and their log entries (bulk answered %s: %s)", bulkAnswer.statusCode(),
                    bulkAnswer.body()).isEqualTo(protectedNow);
            if (bulkAnswer.statusCode() == 200) { // the database went after it
                assertThat(json(bulkAnswer.body()).getInt("done")).isEqualTo(protectedNow.size());
            } else {
                assertThat(bulkAnswer.statusCode()).as(bulkAnswer.body()).isEqualTo(503);
                assertThat(bulkAnswer.headers().firstValue("Retry-After")).isPresent();
                String message = json(bulkAnswer.body()).getString("message");
                Matcher partway = Pattern.compile("the database went away after (\\d+) of " + BULK + " recordings were protected").matcher(message);
                if (partway.find()) {
                    // the one whose commit the database took as it went may be done without the answer knowing
                    assertThat(protectedNow.size() - Integer.parseInt(partway.group(1))).as(message).isBetween(0, 1);
                    assertThat(message).contains("try them again in a minute");
                } else if (message.contains("while the change was being stored")) { // the first one's commit, cut
                    assertThat(message).contains("it may or may not have been made");
                    assertThat(protectedNow.size()).as(message).isBetween(0, 1);
                } else {
                    assertThat(message).as("before any was done").contains("the database is not reachable; nothing was changed");
                    assertThat(protectedNow).isEmpty();
                }
            }
            assertThat(Files.readString(server.log())).contains("refused with 503: the database is not reachable");
            // the outage is told once the database answers: an alarm that ends when the operator acknowledges it
            JsonObject outage = AlarmsIT.awaitAlarm(server, "DATABASE_UNREACHABLE");
            assertThat(outage.getBoolean("event")).isTrue();
            assertThat(outage.getString("detail")).startsWith("from ").contains("uploads were answered 503");
            HttpResponse<String> acknowledged = server.post("/api/v1/alarms/" + outage.getJsonNumber("id").longValue() + "/acknowledgement");
            assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
            assertThat(json(acknowledged.body()).getBoolean("active")).isFalse();
            assertThat(AlarmsIT.actionLog(server, "alarm-cleared")).anySatisfy(e ->
                    assertThat(e.getString("detail")).startsWith("Database was unreachable").endsWith("acknowledged by admin"));
        }
    }

    private static HttpResponse<String> upload(DisposableServer server, String name, long seed) throws Exception {
        return server.upload("db-down.example.com", String.format("%032d", seed) + "-009033aabbcc-1--" + name + ".pcap", G711Calls.twoParty(5, seed));
    }


    /** A PostgreSQL cluster of the test's own on a free local port, with Debian's programs, as ear/bin/test makes one. */
    private static final class PrivatePostgres implements AutoCloseable {
        private final Path folder;
        private final int port;

        private PrivatePostgres(Path folder, int port) {
            this.folder = folder;
            this.port = port;
        }

        static PrivatePostgres create() throws Exception {
            Path folder = Files.createTempDirectory("verbatim-pg-");
            run("chmod", "755", folder.toString());
            Path data = folder.resolve("data");
            Files.createDirectories(data);
            run("chown", "postgres:postgres", data.toString());
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            PrivatePostgres pg = new PrivatePostgres(folder, port);
            pg.asPostgres("initdb", "-D", data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8");
            pg.start();
            run(DisposableServer.PG_BIN + "/psql", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                    "-c", "create user verbatim password 'verbatim'", "-c", "create database verbatim owner verbatim");
            return pg;
        }

        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/verbatim";
        }

        void start() throws Exception {
            asPostgres("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("data/server.log").toString(),
                    "-w", "-o", "-p " + port + " -k " + folder.resolve("data") + " -c listen_addresses=127.0.0.1", "start");
        }

        /** As an administrator stopping it, or a crash: connections are cut at once. */
        void stop() throws Exception {
            asPostgres("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        }

        private void asPostgres(String program, String... arguments) throws Exception {
            List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", DisposableServer.PG_BIN + "/" + program));
            command.addAll(List.of(arguments));
            run(command.toArray(String[]::new));
        }

        private static void run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                stop();
            } catch (IllegalStateException alreadyStopped) {
                // stopped by the test
            }
            try (Stream<Path> all = Files.walk(folder)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // left in the temporary folder
            }
        }
    }
}
