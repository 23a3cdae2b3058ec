package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Acting on many recordings at once: through the API (protect, unprotect, delete, one ZIP), each recording as if alone
 * (the access rule, the protection, an action-log entry each), and on the Recordings page by ticking rows.
 */
class BulkActionsIT {

    private static long uploadAs(String owner, String capture) throws Exception {
        return idFrom(upload(captureName(owner), Files.readAllBytes(IngestIT.corpusCapture(capture))));
    }

    private static HttpResponse<String> bulk(String body, String authorization) throws Exception {
        return VerbatimServer.send("POST", "/api/v1/recordings/bulk", body, "application/json", authorization);
    }

    private static List<String> actionsLogged(long recording) throws Exception {
        HttpResponse<String> log = getText("/api/v1/action-log?recordingId=" + recording, admin());
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        return json(log.body()).getJsonArray("items").stream().map(e -> e.asJsonObject().getString("action")).toList();
    }

    @Test
    void theApiProtectsUnprotectsDeletesAndZipsManyEachAsIfAlone() throws Exception {
        String owner = "bulk" + System.nanoTime() % 1_000_000;
        long a = uploadAs(owner, "sipp/pcap/g711a.pcap");
        long b = uploadAs(owner, IngestIT.TWO_PARTY_G711);
        long failed = uploadAs(owner, "sipp/pcap/dtmf_2833_1.pcap"); // no audio it can decode: FAILED
        awaitConverted(a);
        awaitConverted(b);
        assertThat(awaitConverted(failed).getString("state")).isEqualTo("FAILED");

        // one ZIP: a folder per recording, and what is not in it named with why
        HttpResponse<byte[]> zip = VerbatimServer.getBytes("/api/v1/recordings/download?id=" + a + "&id=" + b + "&id=" + failed
                + "&id=987654321", admin());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(VerbatimServer.savedName(zip)).isEqualTo("recordings-2.zip");
        Map<String, byte[]> entries = unzip(zip.body());
        assertThat(entries).hasSize(5).containsKey("not-included.txt"); // and a folder per recording, named as its own ZIP
        assertThat(entry(entries, b, ".pdf")).isNotEmpty();
        assertThat(new String(entry(entries, a, ".wav"), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(entry(entries, b, ".wav")).isEqualTo(VerbatimServer.getBytes("/api/v1/recordings/" + b + "/audio", admin()).body());
        assertThat(new String(entries.get("not-included.txt"), StandardCharsets.UTF_8))
                .contains("recording " + failed + ": recording " + failed + " has no audio: it is FAILED")
                .contains("recording 987654321: no recording 987654321");
        assertThat(actionsLogged(a)).contains("download");
        assertThat(actionsLogged(b)).contains("download");
        assertThat(getText("/api/v1/recordings/download?id=987654321", admin()).statusCode()).as("nothing to download").isEqualTo(404);
        assertThat(getText("/api/v1/recordings/download", admin()).statusCode()).isEqualTo(400);
        HttpResponse<String> notANumber = getText("/api/v1/recordings/download?id=abc", admin());
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(json(notANumber.body()).getString("message")).isEqualTo("id must be a recording's number, not 'abc'");

        // protect all three: each logged
        HttpResponse<String> protect = bulk("{\"action\":\"protect\",\"ids\":[" + a + "," + b + "," + failed + "]}", admin());
        assertThat(protect.statusCode()).as(protect.body()).isEqualTo(200);
        assertThat(json(protect.body()).getInt("done")).isEqualTo(3);
        assertThat(json(protect.body()).getJsonArray("refused")).isEmpty();
        for (long id : List.of(a, b, failed)) {
            assertThat(json(getText("/api/v1/recordings/" + id, admin()).body()).getBoolean("protected")).isTrue();
            assertThat(actionsLogged(id)).contains("permanent");
        }

        // unprotect two, then delete all three and one that does not exist: the protected one and the stranger refused
        HttpResponse<String> unprotect = bulk("{\"action\":\"UNPROTECT\",\"ids\":[" + a + "," + b + "]}", admin());
        assertThat(json(unprotect.body()).getInt("done")).isEqualTo(2);
        HttpResponse<String> delete = bulk("{\"action\":\"DELETE\",\"ids\":[" + a + "," + b + "," + failed + ",987654321]}", admin());
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
        JsonObject deleted = json(delete.body());
        assertThat(deleted.getInt("done")).isEqualTo(2);
        assertThat(deleted.getString("deletion")).isEqualTo("RECYCLE_BIN");
        Map<Long, String> refused = deleted.getJsonArray("refused").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(r -> r.getJsonNumber("id").longValue(), r -> r.getString("reason")));
        assertThat(refused).containsOnlyKeys(failed, 987654321L);
        assertThat(refused.get(failed)).contains("is protected");
        assertThat(refused.get(987654321L)).isEqualTo("no recording 987654321");
        assertThat(getText("/api/v1/recordings/" + a, admin()).statusCode()).as("in the recycle bin").isEqualTo(404);
        assertThat(getText("/api/v1/recycle-bin?text=" + owner, admin()).body()).contains("\"id\":" + b + ",");
        assertThat(actionsLogged(failed)).as("the refusal logged too").contains("delete");

        // nothing done at all: answered as for one recording
        HttpResponse<String> onlyProtected = bulk("{\"action\":\"DELETE\",\"ids\":[" + failed + "]}", admin());
        assertThat(onlyProtected.statusCode()).isEqualTo(409);
        assertThat(json(onlyProtected.body()).getString("message")).contains("recording " + failed + " is protected");
        assertThat(bulk("{\"action\":\"DELETE\",\"ids\":[987654321]}", admin()).statusCode()).isEqualTo(404);

        // bad requests name the problem
        assertThat(json(bulk("{\"action\":\"SHRED\",\"ids\":[" + failed + "]}", admin()).body()).getString("message"))
                .isEqualTo("action must be one of PROTECT, UNPROTECT, DELETE");
        assertThat(json(bulk("{\"ids\":[" + failed + "]}", admin()).body()).getString("message")).contains("action is required");
        HttpResponse<String> none = bulk("{\"action\":\"PROTECT\",\"ids\":[]}", admin());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json(none.body()).getString("message")).isEqualTo("no recordings selected");
        String tooMany = LongStream.rangeClosed(1, 1001).mapToObj(Long::toString).collect(Collectors.joining(","));
        HttpResponse<String> many = bulk("{\"action\":\"PROTECT\",\"ids\":[" + tooMany + "]}", admin());
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(json(many.body()).getString("message")).isEqualTo("1001 recordings selected: at most 1000 at a time; narrow the search");
    }

    /**
     * Administrators protecting and unprotecting the same calls at the same moment: two that read a call unprotected both
     * protect it (as a conversion finishing under a protection writes it too), and the one that commits second finds
     * the row moved on. That recording is tried again on what is
     * there now, so every action does all of them, each change logged (before, the first such meeting stopped the action
     * with 409 and no word of what was done).
     */
    @Test
    void bulkActionsOnTheSameCallsAtOnceEachDoEveryOne() throws Exception {
        String owner = "race" + System.nanoTime() % 1_000_000;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(idFrom(upload(captureName(owner), G711Calls.twoParty(2, 9_000L + i))));
        }
        for (long id : ids) {
            awaitConverted(id);
        }
        String all = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        java.util.concurrent.ExecutorService three = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<List<HttpResponse<String>>>> all3 = new ArrayList<>();
            for (String action : List.of("protect", "protect", "unprotect")) { // two protect what the same one read unprotected
                all3.add(three.submit(() -> {
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    for (int pass = 0; pass < 8; pass++) {
                        answers.add(bulk("{\"action\":\"" + action + "\",\"ids\":[" + all + "]}", admin()));
                    }
                    return answers;
                }));
            }
            for (java.util.concurrent.Future<List<HttpResponse<String>>> answers : all3) {
                for (HttpResponse<String> answer : answers.get()) {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    assertThat(json(answer.body()).getInt("done")).as(answer.body()).isEqualTo(ids.size());
                    assertThat(json(answer.body()).getJsonArray("refused")).as(answer.body()).isEmpty();
                }
            }
        } finally {
            three.shutdownNow();
        }
        for (long id : ids) { // each change that was made is logged, and the last one made is what is there
            List<String> logged = actionsLogged(id).stream().filter(a -> a.equals("permanent") || a.equals("volatile")).toList();
            assertThat(logged).as("recording %d's protections", id).isNotEmpty();
            for (int i = 1; i < logged.size(); i++) { // each logged change was a change: never the same twice in a row
                assertThat(logged.get(i)).as("recording %d's protections, newest first: %s", id, logged).isNotEqualTo(logged.get(i - 1));
            }
            assertThat(json(getText("/api/v1/recordings/" + id, admin()).body()).getBoolean("protected"))
                    .as("recording %d ends as its newest entry says (%s)", id, logged).isEqualTo(logged.get(0).equals("permanent"));
        }
    }

    @Test
    void onThePageTickedRowsAreProtectedZippedAndDeletedWithWhatWillHappenSaidFirst() throws Exception {
        String owner = "tick" + System.nanoTime() % 1_000_000;
        long a = uploadAs(owner, "sipp/pcap/g711a.pcap");
        long b = uploadAs(owner, IngestIT.TWO_PARTY_G711);
        awaitConverted(a);
        awaitConverted(b);
        try (Browser session = new Browser()) {
            session.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
            WebElement text = session.wait.until(ExpectedConditions.elementToBeClickable(By.id("recordings:text")));
            text.sendKeys(owner);
            session.driver.findElement(By.id("recordings:search")).click();
            session.wait.until(d -> (Boolean) session.driver.executeScript("return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
            session.wait.until(d -> session.driver.findElements(By.cssSelector("#recordings\\:table_data > tr[data-rk]")).size() == 2);

            // tick one: the bar says so and offers all the search found; taken, the ZIP holds exactly those
            session.driver.findElement(By.cssSelector("#recordings\\:table_data > tr[data-rk='" + a + "'] .ui-chkbox-box")).click();
            session.wait.until(ExpectedConditions.textToBe(By.id("bulk-summary"), "1 recording selected"));
            session.driver.findElement(By.id("recordings:selectAllResults")).click();
            session.wait.until(ExpectedConditions.textToBe(By.id("bulk-summary"), "All 2 recordings found are selected"));
            String zip = session.driver.findElement(By.id("recordings:bulkZip")).getAttribute("href");
            assertThat(zip).contains("/api/v1/recordings/download?").contains("id=" + a).contains("id=" + b);

            session.driver.findElement(By.id("recordings:bulkProtect")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recordings:messages"), "Protected 2 recordings"));
            for (long id : List.of(a, b)) {
                assertThat(json(getText("/api/v1/recordings/" + id, admin()).body()).getBoolean("protected")).isTrue();
            }
            assertThat(session.driver.findElements(By.id("bulk-summary"))).as("the selection is cleared").isEmpty();

            // one unprotected again; tick both and delete: the confirmation says what will happen, then what was done
            assertThat(bulk("{\"action\":\"UNPROTECT\",\"ids\":[" + a + "]}", admin()).statusCode()).isEqualTo(200);
            for (long id : List.of(a, b)) {
                session.driver.findElement(By.cssSelector("#recordings\\:table_data > tr[data-rk='" + id + "'] .ui-chkbox-box")).click();
                session.wait.until(d -> (Boolean) session.driver.executeScript("return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0"));
            }
            session.wait.until(ExpectedConditions.textToBe(By.id("bulk-summary"), "2 recordings selected"));
            session.driver.findElement(By.id("recordings:bulkDelete")).click();
            WebElement confirm = session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
            assertThat(confirm.getText()).contains("Delete 2 recordings?").contains("Moves 2 recordings to the recycle bin");
            confirm.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recordings:messages"), "left as they were"));
            String said = session.driver.findElement(By.id("recordings:messages")).getText();
            assertThat(said).contains("Moved 1 recording to the recycle bin")
                    .contains("1 recording left as they were: recording " + b + " is protected against deletion");
            assertThat(getText("/api/v1/recycle-bin?text=" + owner, admin()).body()).contains("\"id\":" + a + ",");
            assertThat(getText("/api/v1/recordings/" + b, admin()).statusCode()).as("protected: still there").isEqualTo(200);
            session.screenshot("bulk-actions");
        }
    }

    /**
     * A client that hangs up halfway through a big ZIP leaves nothing open on the server (the audio of each recording it
     * was reading is closed), and the same ZIP asked for again comes whole.
     */
    @Test
    void aZipDroppedHalfwayLeavesNoAudioOpenAndComesWholeWhenAskedAgain() throws Exception {
        String owner = "bulkz" + System.nanoTime() % 1_000_000;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // 33 s each, about 1 MB of WAV: more than the connection holds in flight
            ids.add(uploadAs(owner, "testsuite/tests/channels/pjsip/rtp_ptime/non-transcode/sipp/40msalaw.pcap"));
        }
        for (long id : ids) {
            awaitConverted(id);
        }
        String path = "/api/v1/recordings/download?" + ids.stream().map(id -> "id=" + id).collect(Collectors.joining("&"));
        Path blobs = LifecycleIT.blobs().toRealPath();
        // the files are the server's own only in its data folder; in a bucket, the object server reads them ahead
        // into the connection, and what is left to check is that the ZIP still comes whole after the hang-up
        boolean serverReadsFiles = blobs.startsWith(Path.of(System.getProperty("verbatim.data")).toRealPath());
        ProcessHandle server = serverProcess();
        long openBefore = openUnder(server, blobs); // anything else at work on the server

        URI url = URI.create(VerbatimServer.URL);
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(4096); // a slow reader: the server waits for it instead of sending everything ahead
            client.connect(new InetSocketAddress(url.getHost(), url.getPort()));
            client.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nAuthorization: " + admin()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] start = client.getInputStream().readNBytes(64 * 1024);
            assertThat(new String(start, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            if (serverReadsFiles) {
                // the server may be between two audio files (a report is written from memory): read on until it is in
                // one (CI caught it between two twice, reading 320 kB in 2 s; up to about a WAV's worth now, 6 s)
                long open = openUnder(server, blobs);
                for (int i = 0; i < 60 && open <= openBefore; i++) {
                    client.getInputStream().readNBytes(16 * 1024);
                    Thread.sleep(100);
                    open = openUnder(server, blobs);
                }
                assertThat(open).as("the audio being zipped is open while the ZIP is sent").isGreaterThan(openBefore);
            }
        } // hangs up with most of the ZIP unsent
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (openUnder(server, blobs) > openBefore && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(openUnder(server, blobs)).as("audio left open after the client hung up").isLessThanOrEqualTo(openBefore);

        HttpResponse<byte[]> again = VerbatimServer.getBytes(path, admin());
        assertThat(again.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = unzip(again.body());
        for (long id : ids) {
            byte[] audio = VerbatimServer.getBytes("/api/v1/recordings/" + id + "/audio", admin()).body();
            assertThat(audio.length).isGreaterThan(1_000_000);
            assertThat(entry(entries, id, ".wav")).as("recording " + id).isEqualTo(audio);
        }
    }

    /** The server this suite runs against: the Java process started with its data folder. */
    private static ProcessHandle serverProcess() throws IOException {
        Path data = Path.of(System.getProperty("verbatim.data")).toRealPath();
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("java"))
                .filter(p -> p.info().arguments().stream().flatMap(Arrays::stream).anyMatch(a -> a.startsWith("-Dverbatim.data.dir=")
                        && Path.of(a.substring(a.indexOf('=') + 1)).toAbsolutePath().normalize().equals(data)))
                .findFirst().orElseThrow(() -> new AssertionError("no server process with the data folder " + data));
    }

    /** How many files under a folder a process holds open (Linux: where its descriptors in /proc lead). */
    private static long openUnder(ProcessHandle process, Path folder) throws IOException {
        long open = 0;
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    open += Files.readSymbolicLink(descriptor).startsWith(folder) ? 1 : 0;
                } catch (NoSuchFileException closedMeanwhile) {
                    // closed while being listed
                }
            }
        }
        return open;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /**
     * A recording's file in a ZIP of several: in a folder named for people as its own ZIP is (no call record here:
     * the call's time and the id), the file named as the folder.
     */
    static byte[] entry(Map<String, byte[]> entries, long id, String extension) {
        String name = "\\d{4}-\\d\\d-\\d\\d_\\d{4}_recording-" + id;
        List<String> found = entries.keySet().stream().filter(k -> k.matches(name + "/" + name + java.util.regex.Pattern.quote(extension))).toList();
        assertThat(found).as("recording %d's %s in %s", id, extension, entries.keySet()).hasSize(1);
        return entries.get(found.get(0));
    }
}
