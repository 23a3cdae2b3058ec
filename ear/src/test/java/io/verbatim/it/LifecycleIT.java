package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.delete;
import static io.verbatim.it.VerbatimServer.getBytes;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.send;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protection, deletion by the app object's mode, the recycle bin, and notes, each logged. */
class LifecycleIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final String OWNER = "keeper" + SUFFIX;
    static final String PERMANENT_USER = "eraser" + SUFFIX;
    static final String DENIED_USER = "holder" + SUFFIX;
    static final String COLLEAGUE = "colleague" + SUFFIX;
    static final String STRANGER = "stranger" + SUFFIX;
    static final String PASSWORD = VerbatimServer.USER_PASSWORD;

    @BeforeAll
    static void setUp() throws Exception {
        for (String user : new String[] {OWNER, PERMANENT_USER, DENIED_USER, COLLEAGUE, STRANGER}) {
            VerbatimServer.createUser(user, "USER", true);
        }
        ok(putJson("/api/v1/app-objects/erase" + SUFFIX, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"members\":[\"" + PERMANENT_USER
                + "\"],\"deletionMode\":\"PERMANENT\"}", admin()));
        ok(putJson("/api/v1/app-objects/keep" + SUFFIX, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"members\":[\"" + DENIED_USER
                + "\"],\"deletionMode\":\"DENIED\"}", admin()));
        ok(putJson("/api/v1/app-objects/team" + SUFFIX, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"members\":[\"" + COLLEAGUE
                + "\"],\"accessList\":[\"" + OWNER + "\"]}", admin()));
    }

    static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    /** A converted recording of {@code owner} whose capture bytes (first packet's microseconds) are its own. */
    static long recordingOf(String owner) throws Exception {
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        ByteBuffer header = ByteBuffer.wrap(capture).order(capture[0] == (byte) 0xd4 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        header.putInt(28, ThreadLocalRandom.current().nextInt(0, 1_000_000)); // ts_usec of the first record
        long id = idFrom(upload(captureName(owner), capture));
        assertThat(VerbatimServer.awaitConverted(id).getString("state")).isEqualTo("READY");
        return id;
    }

    static String as(String user) {
        return basic(user, PASSWORD);
    }

    static JsonArray log(long recording) throws Exception {
        return json(getText("/api/v1/action-log?recordingId=" + recording, admin()).body()).getJsonArray("items");
    }

    /** Where the content-addressed store keeps bytes with this SHA-256. */
    /**
     * Where the server's store keeps a blob as a file: under its data folder, or with the blobs in a bucket, where the
     * S3-compatible server of the suite keeps that bucket's objects ({@code -Dverbatim.blobs}).
     */
    static Path blob(String sha256) {
        Path blobs = blobs();
        assertThat(blobs).isDirectory();
        return blobs.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static Path blobs() {
        String data = System.getProperty("verbatim.data");
        assertThat(data).as("-Dverbatim.data: the server's data folder").isNotBlank();
        String blobs = System.getProperty("verbatim.blobs", "");
        return blobs.isBlank() ? Path.of(data, "blobs") : Path.of(blobs);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aProtectedRecordingCannotBeDeletedUntilTheProtectionIsLifted() throws Exception {
        long id = recordingOf(OWNER);
        HttpResponse<String> protectedNow = putJson("/api/v1/recordings/" + id + "/protection", "", as(OWNER));
        assertThat(protectedNow.statusCode()).as(protectedNow.body()).isEqualTo(200);
        assertThat(json(protectedNow.body()).getBoolean("protected")).isTrue();
        assertThat(json(protectedNow.body()).getString("protectedBy")).isEqualTo(OWNER);

        HttpResponse<String> refused = delete("/api/v1/recordings/" + id, as(OWNER));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused.body()).getString("message")).isEqualTo("recording " + id + " is protected against deletion; lift the protection first");
        assertThat(getText("/api/v1/recordings/" + id, as(OWNER)).statusCode()).isEqualTo(200);

        HttpResponse<String> lifted = delete("/api/v1/recordings/" + id + "/protection", as(OWNER));
        assertThat(json(lifted.body()).getBoolean("protected")).isFalse();
        assertThat(json(delete("/api/v1/recordings/" + id, as(OWNER)).body()).getString("result")).isEqualTo("recycle-bin");

        JsonArray log = log(id);
        assertThat(log.stream().map(e -> e.asJsonObject().getString("action") + "/" + e.asJsonObject().getString("outcome")).toList())
                .containsExactly("delete/success", "volatile/success", "delete/denied", "permanent/success");
    }

    @Test
    void recoverableDeletionGoesToTheRecycleBinWhereAnAdministratorRestoresOrPurgesIt() throws Exception {
        long id = recordingOf(OWNER);
        byte[] audio = getBytes("/api/v1/recordings/" + id + "/audio", admin()).body();
        String originalSha = json(getText("/api/v1/recordings/" + id, admin()).body()).getString("originalSha256");

        assertThat(json(delete("/api/v1/recordings/" + id, as(OWNER)).body()).getString("result")).isEqualTo("recycle-bin");
        assertThat(getText("/api/v1/recordings/" + id, as(OWNER)).statusCode()).isEqualTo(404);
        assertThat(getText("/api/v1/recordings/" + id, admin()).statusCode()).as("not in the catalog while binned").isEqualTo(404);
        JsonArray bin = json(getText("/api/v1/recycle-bin?limit=500", admin()).body()).getJsonArray("items");
        JsonObject binned = bin.stream().map(v -> v.asJsonObject()).filter(r -> r.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertThat(binned.getString("deletedBy")).isEqualTo(OWNER);
        assertThat(bin.getJsonObject(0).getJsonNumber("id").longValue()).as("the most recently deleted first").isEqualTo(id);
        assertThat(getText("/api/v1/recycle-bin", as(OWNER)).statusCode()).isEqualTo(403);

        HttpResponse<String> restored = send("POST", "/api/v1/recycle-bin/" + id + "/restore", "", "application/json", admin());
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(getText("/api/v1/recordings/" + id, as(OWNER)).statusCode()).isEqualTo(200);

        assertThat(delete("/api/v1/recordings/" + id, as(OWNER)).statusCode()).isEqualTo(200);
        assertThat(blob(originalSha)).exists();
        assertThat(delete("/api/v1/recycle-bin/" + id, admin()).statusCode()).isEqualTo(204);
        assertThat(delete("/api/v1/recycle-bin/" + id, admin()).statusCode()).isEqualTo(404);
        assertThat(blob(originalSha)).as("the original is gone").doesNotExist();
        assertThat(blob(sha256(audio))).as("the audio is gone").doesNotExist();
        assertThat(log(id).stream().map(e -> e.asJsonObject().getString("action")).toList())
                .containsSubsequence("purge", "delete", "restore", "delete");
    }

    @Test
    void permanentModeErasesAtOnce() throws Exception {
        long id = recordingOf(PERMANENT_USER);
        byte[] audio = getBytes("/api/v1/recordings/" + id + "/audio", as(PERMANENT_USER)).body();
        assertThat(blob(sha256(audio))).exists();
        HttpResponse<String> erased = delete("/api/v1/recordings/" + id, as(PERMANENT_USER));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(json(erased.body()).getString("result")).isEqualTo("erased");
        assertThat(getText("/api/v1/recordings/" + id, admin()).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/recycle-bin/" + id + "/restore", "", "application/json", admin()).statusCode()).isEqualTo(404);
        assertThat(blob(sha256(audio))).doesNotExist();
        assertThat(log(id).getJsonObject(0).getString("detail")).isEqualTo("permanently, as erase" + SUFFIX + " says");
    }

    @Test
    void deniedModeRefusesWithTheAppObjectsName() throws Exception {
        long id = recordingOf(DENIED_USER);
        HttpResponse<String> refused = delete("/api/v1/recordings/" + id, as(DENIED_USER));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused.body()).getString("message")).isEqualTo("deletion is not allowed for keep" + SUFFIX);
        assertThat(getText("/api/v1/recordings/" + id, as(DENIED_USER)).statusCode()).isEqualTo(200);
        JsonObject entry = log(id).getJsonObject(0);
        assertThat(entry.getString("action")).isEqualTo("delete");
        assertThat(entry.getString("outcome")).isEqualTo("denied");
        assertThat(entry.getString("user")).isEqualTo(DENIED_USER);
    }

    @Test
    void notesAreSeenByEveryoneWhoSeesTheRecordingAndEditedByTheirAuthorOnly() throws Exception {
        long id = recordingOf(OWNER);
        HttpResponse<String> added = postJson("/api/v1/recordings/" + id + "/notes", "{\"text\":\"Customer asked for a refund\"}", as(OWNER));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long note = json(added.body()).getJsonNumber("id").longValue();
        assertThat(postJson("/api/v1/recordings/" + id + "/notes", "{\"text\":\"Refund approved\"}", as(COLLEAGUE)).statusCode()).isEqualTo(201);

        JsonArray seen = VerbatimServer.jsonArray(getText("/api/v1/recordings/" + id + "/notes", as(COLLEAGUE)).body());
        assertThat(seen.stream().map(n -> n.asJsonObject().getString("text")).toList())
                .containsExactly("Customer asked for a refund", "Refund approved");
        assertThat(seen.getJsonObject(0).getString("author")).isEqualTo(OWNER);
        assertThat(getText("/api/v1/recordings/" + id + "/notes", admin()).statusCode()).isEqualTo(200);
        assertThat(getText("/api/v1/recordings/" + id + "/notes", as(STRANGER)).statusCode()).isEqualTo(404);
        assertThat(postJson("/api/v1/recordings/" + id + "/notes", "{\"text\":\"mine\"}", as(STRANGER)).statusCode()).isEqualTo(404);

        HttpResponse<String> notTheirs = putJson("/api/v1/recordings/" + id + "/notes/" + note, "{\"text\":\"changed\"}", as(COLLEAGUE));
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(json(notTheirs.body()).getString("message")).isEqualTo("only its author (" + OWNER + ") edits a note");
        HttpResponse<String> edited = putJson("/api/v1/recordings/" + id + "/notes/" + note, "{\"text\":\"Customer asked for a credit\"}", as(OWNER));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited.body()).getString("editedAt")).isNotBlank();
        HttpResponse<String> empty = postJson("/api/v1/recordings/" + id + "/notes", "{\"text\":\"  \"}", as(OWNER));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty.body()).getString("message")).isEqualTo("a note needs text, at most 4000 characters");

        assertThat(log(id).stream().map(e -> e.asJsonObject().getString("detail")).toList())
                .contains("note " + note + " added: Customer asked for a refund", "note " + note + " edited: Customer asked for a credit");

        assertThat(found("FOR A CREDIT", as(COLLEAGUE))).as("a note's text is searched, as it reads now").contains(id);
        assertThat(found("*asked*credit", as(OWNER))).as("* stands for any text").contains(id);
        assertThat(found("for a refund", as(OWNER))).as("the text before the edit").doesNotContain(id);
        assertThat(found("for a credit", as(STRANGER))).as("who does not see the recording").doesNotContain(id);
    }

    /** The ids a catalog search for {@code text} returns. */
    private static List<Long> found(String text, String authorization) throws Exception {
        HttpResponse<String> page = getText("/api/v1/recordings?limit=500&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8), authorization);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page.body()).getJsonArray("items").stream().map(r -> r.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    @Test
    void theDownloadZipHoldsTheAudioAndAReportWithNotesAndActivity() throws Exception {
        long id = recordingOf(OWNER);
        assertThat(postJson("/api/v1/recordings/" + id + "/notes", "{\"text\":\"Escalated to second level\"}", as(OWNER)).statusCode()).isEqualTo(201);
        String cjk = "已转交二级 / 二次対応 / 2차 지원"; // Chinese, Japanese, Korean
        assertThat(postJson("/api/v1/recordings/" + id + "/notes", "{\"text\":\"" + cjk + "\"}", as(OWNER)).statusCode()).isEqualTo(201);
        String arabic = "تمت الموافقة"; // "approved"
        String hebrew = "אושר החזר";    // "refund approved"
        for (String note : List.of(arabic, hebrew)) {
            assertThat(postJson("/api/v1/recordings/" + id + "/notes", "{\"text\":\"" + note + "\"}", as(OWNER)).statusCode()).isEqualTo(201);
        }
        byte[] audio = getBytes("/api/v1/recordings/" + id + "/audio", as(OWNER)).body();

        HttpResponse<byte[]> zip = getBytes("/api/v1/recordings/" + id + "/download", as(COLLEAGUE));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        String base = VerbatimServer.savedName(zip).replaceAll("\\.zip$", ""); // the call's time, as no call record came
        assertThat(base).matches("\\d{4}-\\d\\d-\\d\\d_\\d{4}_recording-" + id);
        java.util.Map<String, byte[]> entries = VerbatimServer.unzip(zip.body());
        assertThat(entries).containsOnlyKeys(base + ".wav", base + ".pdf");
        assertThat(entries.get(base + ".wav")).as("the stored audio, byte for byte").isEqualTo(audio);

        String report = VerbatimServer.pdfText(entries.get(base + ".pdf"));
        JsonObject recording = json(getText("/api/v1/recordings/" + id, admin()).body());
        assertThat(report).contains("Recording " + id).contains(recording.getString("callId")).contains(OWNER)
                .contains("Escalated to second level").contains(cjk).contains(recording.getString("originalSha256"))
                .contains(sha256(audio)).contains("page 1 of");
        // right-to-left notes are drawn in display order, so read left to right they come out reversed; Arabic in its
        // joined letter forms, which NFKC maps back to the letters typed
        assertThat(Normalizer.normalize(report, Normalizer.Form.NFKC))
                .contains(new StringBuilder(arabic).reverse(), new StringBuilder(hebrew).reverse());
        // the activity protocol: the note, the owner's play, and this download by the colleague
        assertThat(report).contains("note").contains("play").contains(COLLEAGUE).contains("ZIP with audio and report");
        assertThat(log(id).getJsonObject(0).getString("user")).isEqualTo(COLLEAGUE);
        assertThat(getBytes("/api/v1/recordings/" + id + "/download", as(STRANGER)).statusCode()).isEqualTo(404);
    }
}
