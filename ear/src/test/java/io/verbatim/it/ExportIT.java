package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getBytes;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Recordings exported to a real SFTP server (Apache MINA SSHD on a local port) and, in the pass that has one, a real
 * S3-compatible server (S3Proxy): audio and metadata under the name template, once per target, again when asked, the
 * filter, the host key checked, credentials never shown, and a target that erases what it exported. What does not
 * depend on the database runs on H2 only; the PostgreSQL pass exports to the SFTP server and the bucket.
 */
class ExportIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    static byte[] capture;
    static PrivateSftpServer sftp;

    @BeforeAll
    static void setUp() throws Exception {
        capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        sftp = PrivateSftpServer.start();
    }

    /** A user of the PBX of each test's own: what one test uploads is no other test's target's. */
    static String user(String name) throws Exception {
        String user = name + SUFFIX;
        HttpResponse<String> created = postJson("/api/v1/users", "{\"username\":\"" + user + "\",\"password\":\"correct horse battery\","
                + "\"role\":\"USER\",\"pbx\":\"" + VerbatimServer.PBX + "\",\"licensed\":true}", admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return user;
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (sftp != null) {
            sftp.close();
        }
    }

    @Test
    void aTargetGetsEachRecordingOnceUnderItsTemplateWithTheMetadataItChoseAndAgainWhenAsked() throws Exception {
        String owner = user("exporter");
        String other = user("stayer");
        String withRecord = captureName(owner);
        String callId = withRecord.substring(0, 32);
        assertThat(postJson("/api/v1/call-records", CallRecordsIT.record(callId, "OUTBOUND", "[]"), admin()).statusCode()).isEqualTo(200);
        long called = idFrom(upload(withRecord, capture));
        String plainName = captureName(owner);
        long plain = idFrom(upload(plainName, capture));
        long others = idFrom(upload(captureName(other), capture)); // not the filter's owner: stays here only
        for (long id : List.of(called, plain, others)) {
            awaitConverted(id);
        }
        assertThat(postJson("/api/v1/recordings/" + called + "/notes", "{\"text\":\"Kündigung angekündigt\"}", admin()).statusCode())
                .isEqualTo(201);

        JsonObjectBuilder spec = sftpTarget("Compliance archive " + SUFFIX).add("privateKey", sftp.privateKey())
                .add("location", "calls/" + SUFFIX).add("timeZone", "Europe/Berlin")
                .add("metadataItems", Json.createArrayBuilder(List.of("id", "callId", "direction", "remoteNumber", "remoteName", "start",
                        "durationSeconds", "audioFile", "audioSha256", "notes")))
                .add("owners", Json.createArrayBuilder(List.of(owner)));
        HttpResponse<String> added = postJson("/api/v1/export-targets?pbx=" + VerbatimServer.PBX, spec.build().toString(), admin());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).as("credentials are write-only").doesNotContain("privateKey").doesNotContain("PRIVATE KEY");
        JsonObject target = json(added.body());
        long id = target.getJsonNumber("id").longValue();
        assertThat(target.getString("nameTemplate")).isEqualTo("{yyyy}/{MM}/{dd}/{direction}_{remote}_{callId}");
        assertThat(target.getString("address")).isEqualTo("sftp://" + PrivateSftpServer.USER + "@127.0.0.1:" + sftp.port() + "/calls/" + SUFFIX);

        JsonObject run = run(id, false);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.getString("exitStatus")).startsWith("exported 2 to export target " + id + " Compliance archive " + SUFFIX);

        Path folder = sftp.files().resolve("calls").resolve(SUFFIX);
        String day = DAY.format(Instant.parse(recording(called).getString("start")).atZone(ZoneId.of("Europe/Berlin")));
        Path audio = folder.resolve(day).resolve("out_+4930123456_" + callId + ".wav");
        assertThat(files(folder)).containsOnlyKeys(day + "/out_+4930123456_" + callId + ".wav", day + "/out_+4930123456_" + callId + ".json",
                DAY.format(Instant.parse(recording(plain).getString("start")).atZone(ZoneId.of("Europe/Berlin"))) + "/"
                        + plainName.substring(0, 32) + ".wav",
                DAY.format(Instant.parse(recording(plain).getString("start")).atZone(ZoneId.of("Europe/Berlin"))) + "/"
                        + plainName.substring(0, 32) + ".json");
        assertThat(Files.readAllBytes(audio)).as("the audio as users play it").isEqualTo(getBytes("/api/v1/recordings/" + called + "/audio",
                admin()).body());
        JsonObject metadata = json(Files.readString(folder.resolve(day).resolve("out_+4930123456_" + callId + ".json")));
        assertThat(metadata.keySet()).containsExactly("id", "callId", "direction", "remoteNumber", "remoteName", "start",
                "durationSeconds", "audioFile", "audioSha256", "notes");
        assertThat(metadata.getJsonNumber("id").longValue()).isEqualTo(called);
        assertThat(metadata.getString("direction")).isEqualTo("outbound");
        assertThat(metadata.getString("remoteName")).isEqualTo("Erika Mustermann");
        assertThat(metadata.getString("audioFile")).isEqualTo("out_+4930123456_" + callId + ".wav");
        assertThat(metadata.getString("audioSha256")).isEqualTo(LifecycleIT.sha256(Files.readAllBytes(audio)));
        assertThat(metadata.getJsonArray("notes").getJsonObject(0).getString("text")).isEqualTo("Kündigung angekündigt");

        JsonArray logged = json(getText("/api/v1/action-log?action=archive-export&recordingId=" + called, admin()).body()).getJsonArray("items");
        assertThat(logged).hasSize(1);
        assertThat(logged.getJsonObject(0).getString("detail")).isEqualTo("to export target " + id + " Compliance archive " + SUFFIX + " ("
                + target.getString("address") + ") as " + day + "/out_+4930123456_" + callId + ".wav");
        assertThat(json(getText("/api/v1/action-log?action=archive-export&recordingId=" + others, admin()).body()).getJsonArray("items"))
                .isEmpty();
        JsonArray exported = Json.createReader(new java.io.StringReader(getText("/api/v1/export-targets/" + id + "/exported", admin()).body()))
                .readArray();
        assertThat(exported).hasSize(2);

        // once per target: the next run sends nothing, and leaves the files as they were
        FileTime written = Files.getLastModifiedTime(audio);
        assertThat(run(id, false).getString("exitStatus")).startsWith("exported 0 to ");
        assertThat(Files.getLastModifiedTime(audio)).isEqualTo(written);
        // unless asked again
        assertThat(run(id, true).getString("exitStatus")).startsWith("exported 2 to ");
        assertThat(json(getText("/api/v1/action-log?action=archive-export&recordingId=" + called, admin()).body()).getJsonArray("items"))
                .hasSize(2);
    }

    @Test
    void aServerShowingAnotherHostKeyIsNotSentAnythingAndTheRunSaysWhy() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the connection, the hand-over and the checks do not depend on the database: on H2");
        String owner = user("keyed");
        long id = idFrom(upload(captureName(owner), capture));
        awaitConverted(id);
        String otherKey = PrivateSftpServer.anotherHostKey();
        JsonObjectBuilder spec = sftpTarget("Wrong key " + SUFFIX).add("hostKey", otherKey).add("password", PrivateSftpServer.PASSWORD)
                .add("location", "refused/" + SUFFIX).add("owners", Json.createArrayBuilder(List.of(owner)));
        HttpResponse<String> added = postJson("/api/v1/export-targets?pbx=" + VerbatimServer.PBX, spec.build().toString(), admin());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long target = json(added.body()).getJsonNumber("id").longValue();
        JsonObject run = run(target, false);
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("exitStatus")).startsWith("export target " + target + " Wrong key " + SUFFIX + " (sftp://")
                .contains("refused the connection").containsIgnoringCase("HostKey");
        assertThat(sftp.files().resolve("refused")).doesNotExist();
    }

    @Test
    void aFilterTakesItsGroupsMembersInOneDirectionWithinItsDays() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the filter's query is the one the PostgreSQL pass runs for owners: on H2");
        String member = user("member");
        String outsider = user("outsider");
        String group = "exporters" + SUFFIX;
        HttpResponse<String> made = putJson("/api/v1/groups/" + group, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"members\":[\""
                + member + "\"]}", admin());
        assertThat(made.statusCode()).as(made.body()).isIn(200, 201);
        long inbound = withCallRecord(member, "INBOUND");
        long outbound = withCallRecord(member, "OUTBOUND");
        long theirs = withCallRecord(outsider, "INBOUND");
        for (long id : List.of(inbound, outbound, theirs)) {
            awaitConverted(id);
        }
        // the group's members, inbound only: the member's inbound call, not their outbound one nor the outsider's
        long target = added(sftpTarget("Inbound " + SUFFIX).add("password", PrivateSftpServer.PASSWORD).add("location", "filtered/" + SUFFIX)
                .add("nameTemplate", "{id}").add("groups", Json.createArrayBuilder(List.of(group))).add("direction", "in"));
        assertThat(json(getText("/api/v1/export-targets/" + target, admin()).body()).getString("direction")).isEqualTo("in");
        assertThat(run(target, false).getString("exitStatus")).startsWith("exported 1 to ");
        assertThat(files(sftp.files().resolve("filtered").resolve(SUFFIX))).containsOnlyKeys(inbound + ".wav", inbound + ".json");

        // days, in the target's zone: ending the day before the calls takes none; the calls' day takes both of the member's
        String day = Instant.parse(recording(inbound).getString("start")).atZone(ZoneId.of("UTC")).toLocalDate().toString();
        String before = java.time.LocalDate.parse(day).minusDays(1).toString();
        long earlier = added(sftpTarget("Before " + SUFFIX).add("password", PrivateSftpServer.PASSWORD).add("location", "before/" + SUFFIX)
                .add("nameTemplate", "{id}").add("groups", Json.createArrayBuilder(List.of(group))).add("timeZone", "UTC")
                .add("recordedUntil", before));
        assertThat(run(earlier, false).getString("exitStatus")).startsWith("exported 0 to ");
        long thatDay = added(sftpTarget("That day " + SUFFIX).add("password", PrivateSftpServer.PASSWORD).add("location", "day/" + SUFFIX)
                .add("nameTemplate", "{id}").add("groups", Json.createArrayBuilder(List.of(group))).add("timeZone", "UTC")
                .add("recordedFrom", day).add("recordedUntil", day));
        assertThat(run(thatDay, false).getString("exitStatus")).startsWith("exported 2 to ");
        assertThat(files(sftp.files().resolve("day").resolve(SUFFIX)).keySet()).containsExactlyInAnyOrder(inbound + ".wav",
                inbound + ".json", outbound + ".wav", outbound + ".json");
    }

    /** A capture of the owner's whose call record (with this direction) came first. */
    private static long withCallRecord(String owner, String direction) throws Exception {
        String name = captureName(owner);
        HttpResponse<String> record = postJson("/api/v1/call-records", CallRecordsIT.record(name.substring(0, 32), direction, "[]"), admin());
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        return idFrom(upload(name, capture));
    }

    private static long added(JsonObjectBuilder spec) throws Exception {
        HttpResponse<String> added = postJson("/api/v1/export-targets?pbx=" + VerbatimServer.PBX, spec.build().toString(), admin());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return json(added.body()).getJsonNumber("id").longValue();
    }

    @Test
    void aRunToAServerThatIsDownFailsSayingSoAndItsRestartSendsWhenItIsBack() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the connection, the hand-over and the checks do not depend on the database: on H2");
        String owner = user("waiting");
        long id = idFrom(upload(captureName(owner), capture));
        awaitConverted(id);
        JsonObjectBuilder spec = sftpTarget("Down " + SUFFIX).add("password", PrivateSftpServer.PASSWORD).add("location", "down/" + SUFFIX)
                .add("nameTemplate", "{id}").add("owners", Json.createArrayBuilder(List.of(owner)));
        HttpResponse<String> added = postJson("/api/v1/export-targets?pbx=" + VerbatimServer.PBX, spec.build().toString(), admin());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long target = json(added.body()).getJsonNumber("id").longValue();
        sftp.stop();
        JsonObject failed;
        try {
            failed = run(target, false);
        } finally {
            sftp.startAgain();
        }
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("exitStatus")).startsWith("export target " + target + " Down " + SUFFIX).contains("refused the connection");
        HttpResponse<String> restarted = postJson("/api/v1/jobs/runs/" + failed.getJsonNumber("executionId").longValue() + "/restart", "",
                admin());
        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(202);
        JsonObject done = LifecycleJobsIT.awaitEnd(json(restarted.body()).getJsonNumber("executionId").longValue());
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.getString("exitStatus")).startsWith("exported 1 to export target " + target);
        assertThat(sftp.files().resolve("down").resolve(SUFFIX).resolve(id + ".wav")).isRegularFile();
    }

    @Test
    void aTargetThatKeepsWhatItGetsErasesItHereButNotAProtectedOne() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the connection, the hand-over and the checks do not depend on the database: on H2");
        String owner = user("handed");
        long handed = idFrom(upload(captureName(owner), capture));
        long kept = idFrom(upload(captureName(owner), capture));
        awaitConverted(handed);
        awaitConverted(kept);
        assertThat(putJson("/api/v1/recordings/" + kept + "/protection", "", admin()).statusCode()).isEqualTo(200);
        JsonObjectBuilder spec = sftpTarget("Hand-over " + SUFFIX).add("password", PrivateSftpServer.PASSWORD).add("location", "kept/" + SUFFIX)
                .add("nameTemplate", "{pbx}/{id}").add("deleteAfterExport", true).add("owners", Json.createArrayBuilder(List.of(owner)));
        HttpResponse<String> added = postJson("/api/v1/export-targets?pbx=" + VerbatimServer.PBX, spec.build().toString(), admin());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long target = json(added.body()).getJsonNumber("id").longValue();
        JsonObject run = run(target, false);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");

        Path folder = sftp.files().resolve("kept").resolve(SUFFIX).resolve(VerbatimServer.PBX);
        assertThat(folder.resolve(handed + ".wav")).isRegularFile();
        assertThat(folder.resolve(kept + ".wav")).isRegularFile();
        assertThat(getText("/api/v1/recordings/" + handed, admin()).statusCode()).as("erased here: the archive keeps it").isEqualTo(404);
        assertThat(getText("/api/v1/recordings/" + kept, admin()).statusCode()).as("protected: kept here too").isEqualTo(200);
        JsonArray handover = json(getText("/api/v1/action-log?action=archive-handover&recordingId=" + handed, admin()).body())
                .getJsonArray("items");
        assertThat(handover).hasSize(1);
        assertThat(handover.getJsonObject(0).getString("detail")).startsWith("exported to export target " + target + " Hand-over " + SUFFIX)
                .endsWith(": kept there from now on");
    }

    @Test
    void anS3CompatibleBucketGetsTheSameFilesAsObjects() throws Exception {
        assumeTrue(PrivateObjectStore.available(), "runs in the pass that has S3Proxy (-Dverbatim.s3proxy.classpath)");
        String owner = user("bucketed");
        try (PrivateObjectStore archive = PrivateObjectStore.create()) {
            Files.createDirectories(archive.folderOf("archive"));
            String name = captureName(owner);
            long id = idFrom(upload(name, capture));
            awaitConverted(id);
            String spec = Json.createObjectBuilder().add("name", "Bucket " + SUFFIX).add("kind", "s3").add("endpoint", archive.endpoint())
                    .add("location", "archive/verbatim/" + SUFFIX).add("username", PrivateObjectStore.accessKey())
                    .add("secretKey", PrivateObjectStore.secretKey()).add("nameTemplate", "{owner}/{callId}")
                    .add("owners", Json.createArrayBuilder(List.of(owner))).build().toString();
            HttpResponse<String> added = postJson("/api/v1/export-targets?pbx=" + VerbatimServer.PBX, spec, admin());
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(added.body()).doesNotContain(PrivateObjectStore.secretKey());
            long target = json(added.body()).getJsonNumber("id").longValue();
            JsonObject run = run(target, false);
            assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
            Path objects = archive.folderOf("archive").resolve("verbatim").resolve(SUFFIX).resolve(owner);
            assertThat(Files.readAllBytes(objects.resolve(name.substring(0, 32) + ".wav")))
                    .isEqualTo(getBytes("/api/v1/recordings/" + id + "/audio", admin()).body());
            assertThat(json(Files.readString(objects.resolve(name.substring(0, 32) + ".json"))).getJsonNumber("id").longValue()).isEqualTo(id);
        }
    }

    @Test
    void aTargetMissingWhatItNeedsIsRefusedNamingTheField() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the connection, the hand-over and the checks do not depend on the database: on H2");
        Map<String, String> refusals = Map.of(
                "{\"name\":\"x\",\"kind\":\"ftp\"}", "kind must be sftp or s3",
                "{\"name\":\"x\",\"kind\":\"sftp\",\"host\":\"127.0.0.1\",\"username\":\"u\",\"password\":\"p\"}", "hostKey is required",
                "{\"name\":\"x\",\"kind\":\"sftp\",\"host\":\"h\",\"hostKey\":\"" + sftp.hostKey() + "\",\"username\":\"u\"}",
                "password or privateKey: give one",
                "{\"name\":\"x\",\"kind\":\"s3\",\"location\":\"Bad_Bucket\",\"username\":\"k\",\"secretKey\":\"s\"}",
                "location must start with a bucket's name",
                "{\"name\":\"x\",\"kind\":\"s3\",\"location\":\"b-1\",\"username\":\"k\",\"secretKey\":\"s\",\"nameTemplate\":\"{caller}\"}",
                "nameTemplate has no field {caller}",
                "{\"name\":\"x\",\"kind\":\"s3\",\"location\":\"b-1\",\"username\":\"k\",\"secretKey\":\"s\",\"metadataItems\":[\"colour\"]}",
                "metadataItems has no item colour",
                "{\"name\":\"x\",\"kind\":\"s3\",\"location\":\"b-1\",\"username\":\"k\",\"secretKey\":\"s\",\"dailyAt\":\"25:00\"}",
                "dailyAt must be a time of day");
        for (Map.Entry<String, String> refused : new TreeMap<>(refusals).entrySet()) {
            HttpResponse<String> answer = postJson("/api/v1/export-targets?pbx=" + VerbatimServer.PBX, refused.getKey(), admin());
            assertThat(answer.statusCode()).as(refused.getKey()).isEqualTo(400);
            assertThat(json(answer.body()).getString("message")).as(refused.getKey()).startsWith(refused.getValue());
        }
    }

    @Test
    void anAdministratorAddsATargetOnItsPageRunsItAndSeesWhatItHad() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "the page does not depend on the database: clicked through on H2");
        String owner = user("paged");
        long id = idFrom(upload(captureName(owner), capture));
        awaitConverted(id);
        try (Browser browser = new Browser()) {
            browser.signIn("admin", VerbatimServer.ADMIN_PASSWORD);
            browser.driver.findElement(By.id("nav-exports")).click();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exports:name")));
            // the operator adds it for the PBX (not as their own, which would take every PBX's recordings)
            browser.driver.findElement(By.id("exports:pbx")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#exports\\:pbx_items li[data-label='"
                    + VerbatimServer.PBX + "']"))).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".vb-hint"), "The PBX’s recordings"));
            String name = "Page archive " + SUFFIX;
            browser.driver.findElement(By.id("exports:name")).sendKeys(name);
            browser.driver.findElement(By.id("exports:host")).sendKeys("127.0.0.1");
            WebElement port = browser.driver.findElement(By.id("exports:port"));
            port.clear();
            port.sendKeys(Integer.toString(sftp.port()));
            browser.driver.findElement(By.id("exports:location")).sendKeys("page/" + SUFFIX);
            browser.driver.findElement(By.id("exports:username")).sendKeys(PrivateSftpServer.USER);
            browser.driver.findElement(By.id("exports:password")).sendKeys(PrivateSftpServer.PASSWORD);
            WebElement template = browser.driver.findElement(By.id("exports:nameTemplate"));
            template.clear();
            template.sendKeys("{owner}/{id}");
            browser.driver.findElement(By.id("exports:owners")).sendKeys(owner);
            // no host key: refused next to its field, saying how to get it
            browser.driver.findElement(By.id("exports:add")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exports:hostKeyError"), "ssh-keyscan"));
            browser.driver.findElement(By.id("exports:hostKey")).sendKeys(sftp.hostKey());
            browser.driver.findElement(By.id("exports:password")).sendKeys(PrivateSftpServer.PASSWORD); // a password field is sent empty again
            browser.driver.findElement(By.id("exports:add")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exports:table"), name));
            assertThat(browser.driver.findElement(By.id("exports:table")).getText())
                    .contains("sftp://" + PrivateSftpServer.USER + "@127.0.0.1:" + sftp.port() + "/page/" + SUFFIX, "{owner}/{id}", owner);
            browser.screenshot("exports-added");
            assertThat(getText("/api/v1/export-targets?pbx=" + VerbatimServer.PBX, admin()).body()).as("the PBX's target").contains(name);
            assertThat(getText("/api/v1/export-targets", admin()).body()).as("not the operator's own").doesNotContain(name);
            WebElement row = browser.driver.findElements(By.cssSelector("#exports\\:table tbody tr")).stream()
                    .filter(r -> r.getText().contains(name)).findFirst().orElseThrow();
            row.findElement(By.cssSelector("[id$=':run']")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exports:messages"), "its progress is on the Jobs page"));
            Path exported = sftp.files().resolve("page").resolve(SUFFIX).resolve(owner).resolve(id + ".wav");
            for (Instant deadline = Instant.now().plusSeconds(60); !Files.exists(exported); Thread.sleep(200)) {
                assertThat(Instant.now()).as("%s exported", exported).isBefore(deadline);
            }
            browser.wait.ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElements(By.cssSelector("#exports\\:table tbody tr")).stream().filter(r -> r.getText().contains(name)).findFirst()
                        .orElseThrow().findElement(By.cssSelector("[id$=':exported']")).click();
                return d.findElement(By.id("exports:exportedTable")).getText().contains(owner + "/" + id + ".wav");
            });
            browser.screenshot("exports-exported");
        }
    }

    private static JsonObjectBuilder sftpTarget(String name) {
        return Json.createObjectBuilder().add("name", name).add("kind", "sftp").add("host", "127.0.0.1").add("port", sftp.port())
                .add("hostKey", sftp.hostKey()).add("username", PrivateSftpServer.USER);
    }

    private static JsonObject run(long target, boolean again) throws Exception {
        HttpResponse<String> started = postJson("/api/v1/export-targets/" + target + "/runs" + (again ? "?again=true" : ""), "", admin());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return LifecycleJobsIT.awaitEnd(json(started.body()).getJsonNumber("executionId").longValue());
    }

    private static JsonObject recording(long id) throws Exception {
        return json(getText("/api/v1/recordings/" + id, admin()).body());
    }

    /** Every file under a folder by its path there, with its size. */
    private static Map<String, Long> files(Path folder) throws Exception {
        Map<String, Long> found = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                found.put(folder.relativize(p).toString(), Files.size(p));
            }
        }
        return found;
    }
}
