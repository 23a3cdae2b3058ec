package io.verbatim.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Run command as a newcomer uses it: no administrator password given, so one is generated and printed
 * once; signing in with it works; it is in no log and its file is gone; Ctrl-C stops the server. The command builds
 * the project before it starts, so ear/bin/test runs this alone, after both passes (the pom leaves it out of them).
 */
class RunCommandIT {

    private static final Path ROOT = Path.of(System.getProperty("verbatim.root", "..")).toAbsolutePath().normalize();
    private static final Pattern PASSWORD = Pattern.compile("with password: (\\S+) ");

    @Test
    void printsAGeneratedPasswordThatSignsInAndStopsOnCtrlC() throws Exception {
        Path work = Files.createTempDirectory("verbatim-run-command");
        Path data = work.resolve("data");
        Path output = work.resolve("run.log");
        int offset = DisposableServer.freeOffset();
        // SIGINT at its default: a shell started in the background hands its children SIGINT ignored, which a
        // script cannot trap
        ProcessBuilder command = new ProcessBuilder("env", "--default-signal=INT", ROOT.resolve("ear/bin/run").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        command.environment().remove("VERBATIM_ADMIN_USER");
        command.environment().remove("VERBATIM_ADMIN_PASSWORD");
        command.environment().put("VERBATIM_DATA_DIR", data.toString());
        command.environment().put("VERBATIM_BIND_ADDRESS", "127.0.0.1");
        command.environment().put("VERBATIM_PORT_OFFSET", Integer.toString(offset));
        Process run = command.start();
        boolean passed = false;
        try {
            String printed = waitFor(output, run, "Verbatim is running", Duration.ofMinutes(10));
            Matcher password = PASSWORD.matcher(printed);
            assertThat(password.find()).as("a generated password is printed; the command said:%n%s", printed).isTrue();

            HttpResponse<String> answer = get(offset, password.group(1));
            assertThat(answer.statusCode()).as("the printed password signs in").isEqualTo(200);

            new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("Ctrl-C stops the command").isTrue();
            assertThat(answerless(offset)).as("and the server with it").isTrue();
            assertThat(logsContaining(data.resolve("log"), password.group(1))).as("logs holding the password").isEmpty();
            assertThat(data.resolve("first-administrator-password")).as("its file, once shown").doesNotExist();
            passed = true;
        } finally {
            if (!passed && Files.exists(output)) { // what the command said, for whoever reads the failure
                System.err.println(Files.readString(output, StandardCharsets.UTF_8));
            }
            // the build or the WildFly the script started (a session of its own, which outlives the script): left
            // behind, either would hold the next run's files or ports
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            try {
                new ProcessBuilder("pkill", "-KILL", "-f", "verbatim.data.dir=" + data).start().waitFor();
            } catch (IOException noPkill) {
                System.err.println("pkill: " + noPkill.getMessage());
            }
            if (passed) {
                try (Stream<Path> left = Files.walk(work)) {
                    left.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** The command's output once it printed {@code line}; fails when it ends first or takes too long. */
    private static String waitFor(Path output, Process run, String line, Duration patience) throws Exception {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            String printed = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            if (printed.contains(line)) {
                return printed;
            }
            assertThat(run.isAlive()).as("the command ended before it said '%s':%n%s", line, printed).isTrue();
            Thread.sleep(1000);
        }
        throw new AssertionError("no '" + line + "' within " + patience + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(int offset, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + offset) + "/api/v1/recordings"))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean answerless(int offset) throws InterruptedException {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + offset) + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (IOException refusedOrCut) {
            return true;
        }
    }

    private static List<Path> logsContaining(Path logs, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(logs)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
