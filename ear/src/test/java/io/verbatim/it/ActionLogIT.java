package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getBytes;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The action log: what people do is written with who, when, from where and the outcome, chained so that tampering shows. */
class ActionLogIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final String OWNER = "logged" + SUFFIX;
    static final String OFFICER = "officer" + SUFFIX;
    static long recording;

    @BeforeAll
    static void setUp() throws Exception {
        VerbatimServer.createUser(OWNER, "USER", true);
        VerbatimServer.createUser(OFFICER, "COMPLIANCE", true);
        recording = idFrom(upload(captureName(OWNER), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        assertThat(VerbatimServer.awaitConverted(recording).getString("state")).isEqualTo("READY");
    }

    static JsonArray entries(String query, String authorization) throws Exception {
        HttpResponse<String> response = getText("/api/v1/action-log?" + query, authorization);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).getJsonArray("items");
    }

    static List<String> actions(JsonArray entries) {
        return entries.stream().map(e -> e.asJsonObject().getString("action")).toList();
    }

    @Test
    void playsAndDownloadsAreLoggedOncePerListeningNotPerRange() throws Exception {
        String owner = basic(OWNER, VerbatimServer.USER_PASSWORD);
        assertThat(getBytes("/api/v1/recordings/" + recording + "/audio", owner, "Range", "bytes=0-").statusCode()).isEqualTo(206);
        assertThat(getBytes("/api/v1/recordings/" + recording + "/audio", owner, "Range", "bytes=1000-").statusCode()).isEqualTo(206);
        assertThat(getBytes("/api/v1/recordings/" + recording + "/audio?download=true", owner).statusCode()).isEqualTo(200);
        assertThat(getBytes("/api/v1/recordings/" + recording + "/original", owner).statusCode()).isEqualTo(200);

        JsonArray entries = entries("recordingId=" + recording + "&user=" + OWNER, admin());
        assertThat(actions(entries)).as("newest first").containsExactly("download", "download", "play");
        JsonObject play = entries.getJsonObject(2);
        assertThat(play.getString("user")).isEqualTo(OWNER);
        assertThat(play.getString("outcome")).isEqualTo("success");
        assertThat(play.getString("origin")).isEqualTo("127.0.0.1");
        assertThat(play.getString("pbx")).isEqualTo(VerbatimServer.PBX);
        assertThat(play.getJsonNumber("recordingId").longValue()).isEqualTo(recording);
        assertThat(play.getString("hash")).matches("[0-9a-f]{64}");
        assertThat(entries.getJsonObject(0).getString("detail")).isEqualTo("original capture");
        assertThat(entries.getJsonObject(1).getJsonNumber("position").longValue())
                .isGreaterThan(play.getJsonNumber("position").longValue());
    }

    @Test
    void failedSignInsAreLoggedWithTheNameTried() throws Exception {
        assertThat(getText("/api/v1/recordings", basic(OWNER, "not the password")).statusCode()).isEqualTo(401);
        assertThat(getText("/api/v1/recordings", basic("nobody" + SUFFIX, "whatever")).statusCode()).isEqualTo(401);
        JsonArray wrong = entries("action=failed-login&user=" + OWNER, admin());
        assertThat(wrong).hasSize(1);
        assertThat(wrong.getJsonObject(0).getString("outcome")).isEqualTo("denied");
        assertThat(wrong.getJsonObject(0).getString("detail")).isEqualTo("wrong password");
        // an unknown name belongs to no tenant: the operator sees it, a tenant's officer does not
        assertThat(entries("action=failed-login&user=nobody" + SUFFIX, admin())).hasSize(1);
        assertThat(entries("action=failed-login&user=nobody" + SUFFIX, basic(OFFICER, VerbatimServer.USER_PASSWORD))).isEmpty();
        assertThat(entries("action=failed-login&user=" + OWNER, basic(OFFICER, VerbatimServer.USER_PASSWORD))).hasSize(1);
    }

    @Test
    void settingChangesSayWhatChanged() throws Exception {
        assertThat(putJson("/api/v1/settings", "{\"callInformationWaitMinutes\":121}", admin()).statusCode()).isEqualTo(200);
        assertThat(putJson("/api/v1/settings", "{\"callInformationWaitMinutes\":120}", admin()).statusCode()).isEqualTo(200);
        JsonArray changes = entries("action=setting-change&limit=2", admin());
        assertThat(changes.getJsonObject(0).getString("detail")).isEqualTo("callInformationWaitMinutes=120");
        assertThat(changes.getJsonObject(1).getString("detail")).isEqualTo("callInformationWaitMinutes=121");
        assertThat(changes.getJsonObject(0).getString("user")).isEqualTo(VerbatimServer.ADMIN);
    }

    @Test
    void searchFiltersByTimeAndRefusesBadFilters() throws Exception {
        String now = Instant.now().plusSeconds(1).toString();
        assertThat(entries("to=2000-01-01", admin())).isEmpty();
        assertThat(entries("from=" + now, admin())).isEmpty();
        assertThat(entries("from=2000-01-01&limit=1", admin())).hasSize(1);
        HttpResponse<String> bad = getText("/api/v1/action-log?action=listen", admin());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).getString("message")).startsWith("action must be one of play, download");
        assertThat(getText("/api/v1/action-log?from=yesterday", admin()).statusCode()).isEqualTo(400);
        assertThat(getText("/api/v1/action-log", basic(OWNER, VerbatimServer.USER_PASSWORD)).statusCode()).isEqualTo(403);
    }

    /**
     * Each PBX has its own chain, numbered from 1: its officer's check walks exactly its entries (and so says nothing of
     * another PBX's), the operator's walks every chain; the check is itself logged.
     */
    @Test
    void eachPbxsChainVerifiesOnItsOwnAndTheCheckIsItselfLogged() throws Exception {
        String officer = basic(OFFICER, VerbatimServer.USER_PASSWORD);
        HttpResponse<String> before = getText("/api/v1/action-log?limit=1", officer);
        JsonObject newest = json(before.body()).getJsonArray("items").getJsonObject(0);
        long ownEntries = json(before.body()).getJsonNumber("total").longValue();
        assertThat(newest.getString("chain")).isEqualTo(VerbatimServer.PBX);
        assertThat(newest.getJsonNumber("position").longValue()).as("numbered from 1 without gaps").isEqualTo(ownEntries);

        HttpResponse<String> response = getText("/api/v1/action-log/verification", officer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject result = json(response.body());
        assertThat(result.getBoolean("valid")).as(response.body()).isTrue();
        assertThat(result.isNull("firstBrokenEntry")).isTrue();
        assertThat(result.getString("chain")).isEqualTo(VerbatimServer.PBX);
        assertThat(result.getString("scope")).isEqualTo("the chain of PBX " + VerbatimServer.PBX);
        long after = json(getText("/api/v1/action-log?limit=1", officer).body()).getJsonNumber("total").longValue();
        assertThat(result.getJsonNumber("entriesChecked").longValue()).as("the PBX's entries, no other's")
                .isBetween(ownEntries, after - 1);
        JsonObject logged = entries("action=verify&user=" + OFFICER, admin()).getJsonObject(0);
        assertThat(logged.getString("detail")).startsWith("action log: the chain of PBX " + VerbatimServer.PBX + " intact, ");

        JsonObject all = json(getText("/api/v1/action-log/verification", admin()).body());
        assertThat(all.getBoolean("valid")).as(all.toString()).isTrue();
        assertThat(all.getString("chain")).isEqualTo("*");
        assertThat(all.getString("scope")).isEqualTo("every chain");
        assertThat(all.getJsonNumber("entriesChecked").longValue()).isGreaterThan(after);
    }

    @Test
    void anExportIsAZipWithAPagedPdfOfTheFilteredEntriesAndItsChainCheck() throws Exception {
        String officer = basic(OFFICER, VerbatimServer.USER_PASSWORD);
        assertThat(getText("/api/v1/recordings", basic(OFFICER, "wrong again")).statusCode()).isEqualTo(401);
        HttpResponse<String> started = VerbatimServer.postJson("/api/v1/action-log/exports",
                "{\"from\":\"2000-01-01\",\"users\":[\"" + OFFICER + "\"],\"actions\":[\"failed-login\",\"play\"]}", officer);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/api/v1/action-log/exports/");
        String path = location.substring(location.indexOf("/api/v1/"));

        JsonObject export = VerbatimServer.awaitExport(path, officer);
        assertThat(export.getString("state")).as(export.toString()).isEqualTo("DONE");
        assertThat(export.getInt("percent")).isEqualTo(100);
        long total = export.getJsonNumber("total").longValue();
        assertThat(total).isPositive();

        HttpResponse<byte[]> zip = getBytes(export.getString("fileUrl"), officer);
        assertThat(zip.statusCode()).isEqualTo(200);
        java.util.Map<String, byte[]> entries = VerbatimServer.unzip(zip.body());
        long id = export.getJsonNumber("id").longValue();
        assertThat(entries).containsOnlyKeys("action-log-export-" + id + ".pdf");
        String pdf = VerbatimServer.pdfText(entries.get("action-log-export-" + id + ".pdf"));
        assertThat(pdf).contains("Action log").contains("PBX " + VerbatimServer.PBX).contains(OFFICER)
                .contains("intact: the chain of PBX " + VerbatimServer.PBX + ", all").contains("page 1 of").contains("failed-login")
                .doesNotContain("setting-change").contains("Entries " + total);
        assertThat(entries("action=export&user=" + OFFICER, admin()).getJsonObject(0).getString("detail"))
                .startsWith("export " + id + " requested: from 2000-01-01T00:00:00Z to now, users [" + OFFICER + "]");

        HttpResponse<String> bad = VerbatimServer.postJson("/api/v1/action-log/exports", "{\"actions\":[\"listen\"]}", officer);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(VerbatimServer.postJson("/api/v1/action-log/exports", "{\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}", officer)
                .statusCode()).isEqualTo(400);
        assertThat(VerbatimServer.postJson("/api/v1/action-log/exports", "{}", basic(OWNER, VerbatimServer.USER_PASSWORD)).statusCode())
                .isEqualTo(403);
    }

    /**
     * An export holds a copy of the log, so its file is not kept for ever: an officer deletes it, or the export
     * expiry deletes it once it is older than the export keeping time (7 days unless changed). The export stays
     * listed, saying when and by whom; its file answers 410; both deletions are logged.
     */
    @Test
    void anExportsFileIsDeletedByHandOrOnceOlderThanTheKeepingTime() throws Exception {
        String officer = basic(OFFICER, VerbatimServer.USER_PASSWORD);
        String ownEntries = "{\"users\":[\"" + OFFICER + "\"]}";
        String byHand = VerbatimServer.exportDone(ownEntries, officer);
        String expiring = VerbatimServer.exportDone(ownEntries, officer);
        Path stored = LifecycleIT.blob(LifecycleIT.sha256(getBytes(byHand + "/file", officer).body()));
        assertThat(stored).as("the ZIP in the store").exists();

        assertThat(VerbatimServer.delete(byHand, officer).statusCode()).isEqualTo(204);
        assertThat(stored).as("the ZIP, once the deletion has committed").doesNotExist();
        JsonObject deleted = json(getText(byHand, officer).body());
        assertThat(deleted.getString("state")).isEqualTo("DELETED");
        assertThat(deleted.getString("deletedBy")).isEqualTo(OFFICER);
        assertThat(deleted.containsKey("fileUrl") && !deleted.isNull("fileUrl")).as("a file URL").isFalse();
        HttpResponse<byte[]> gone = getBytes(byHand + "/file", officer);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(new String(gone.body())).contains("was deleted at").contains("by " + OFFICER);
        assertThat(VerbatimServer.delete(byHand, officer).statusCode()).as("deleted already").isEqualTo(204);
        long byHandId = deleted.getJsonNumber("id").longValue();
        assertThat(entries("action=delete&user=" + OFFICER, admin()).getJsonObject(0).getString("detail"))
                .isEqualTo("action-log export " + byHandId);

        int keepDays = json(getText("/api/v1/settings", admin()).body()).getInt("exportKeepDays");
        assertThat(keepDays).as("the default").isEqualTo(7);
        assertThat(expiryRun().getString("parameters")).contains("keepDays=*=7");
        assertThat(json(getText(expiring, officer).body()).getString("state")).as("made just now").isEqualTo("DONE");
        assertThat(putJson("/api/v1/settings", "{\"exportKeepDays\":-1}", admin()).statusCode()).isEqualTo(400);
        try {
            assertThat(putJson("/api/v1/settings", "{\"exportKeepDays\":0}", admin()).statusCode()).isEqualTo(200);
            expiryRun();
        } finally {
            putJson("/api/v1/settings", "{\"exportKeepDays\":" + keepDays + "}", admin());
        }
        JsonObject expired = json(getText(expiring, officer).body());
        assertThat(expired.getString("state")).isEqualTo("DELETED");
        assertThat(expired.getString("deletedBy")).isEqualTo("expiry");
        assertThat(new String(getBytes(expiring + "/file", officer).body())).contains("older than the export keeping time");
        long expiredId = expired.getJsonNumber("id").longValue();
        assertThat(entries("action=delete&user=server", admin()).stream()
                .map(e -> e.asJsonObject().getString("detail")).toList())
                .contains("action-log export " + expiredId + " expired: finished more than 0 days ago");
    }

    private static JsonObject expiryRun() throws Exception {
        JsonObject run = LifecycleJobsIT.awaitEnd(LifecycleJobsIT.start("export-expiry"));
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        return run;
    }
}
