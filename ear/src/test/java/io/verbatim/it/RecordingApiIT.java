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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API as external systems use it: authentication, search filters, errors, the OpenAPI document. */
class RecordingApiIT {

    static String name;
    static String callId;
    static long id;

    @BeforeAll
    static void uploadOne() throws Exception {
        name = captureName("harry");
        callId = name.substring(0, 32);
        id = idFrom(upload(name, Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        awaitConverted(id);
    }

    @Test
    void withoutOrWithWrongCredentialsTheApiAnswers401() throws Exception {
        HttpResponse<String> none = getText("/api/v1/recordings", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(json(none.body()).getString("message")).contains("authentication required");

        HttpResponse<String> wrong = getText("/api/v1/recordings", VerbatimServer.basic(VerbatimServer.ADMIN, "not-the-password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json(wrong.body()).getString("message")).isEqualTo("invalid username or password");

        HttpResponse<String> token = VerbatimServer.send("DELETE", "/api/v1/recordings/" + id, "", "application/json",
                "Bearer not-a-token");
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(json(token.body()).getString("message")).isEqualTo("invalid, expired or revoked API token");
        assertThat(getText("/api/v1/recordings/" + id, admin()).statusCode()).as("still there").isEqualTo(200);

        // a wrong password is the caller's mistake, not the server's: no error and stack trace in its log
        Path log = Path.of(System.getProperty("verbatim.data", ""), "log", "server.log");
        assertThat(log).as("-Dverbatim.data: the server's data folder").exists();
        assertThat(Files.readString(log)).doesNotContain("UT010019");
    }

    @Test
    void searchFiltersByCallIdTextOwnerStateAndDate() throws Exception {
        assertThat(ids("callId=" + callId)).containsExactly(id);
        assertThat(ids("text=" + callId.substring(4, 20))).containsExactly(id);
        assertThat(ids("text=" + callId.substring(0, 6) + "*" + callId.substring(26, 32))).containsExactly(id);
        assertThat(ids("owner=harry&callId=" + callId)).containsExactly(id);
        assertThat(ids("owner=somebody-else&callId=" + callId)).isEmpty();
        assertThat(ids("state=READY&callId=" + callId)).containsExactly(id);
        assertThat(ids("state=FAILED&callId=" + callId)).isEmpty();
        // the sipp capture was recorded on 2002-07-26
        assertThat(ids("callId=" + callId + "&to=2000-01-01")).isEmpty();
        assertThat(ids("callId=" + callId + "&from=2000-01-01&to=2030-12-31")).containsExactly(id);

        JsonObject page = json(getText("/api/v1/recordings?limit=1", admin()).body());
        assertThat(page.getJsonArray("items")).hasSize(1);
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void totalCountsEveryMatchWhicheverPageIsAsked() throws Exception {
        // the day of the sipp capture (2002-07-26) many tests upload: a few hundred at most, below where counting stops
        String day = "/api/v1/recordings?from=2002-07-26&to=2002-07-26";
        JsonObject first = json(getText(day + "&limit=1", admin()).body());
        long total = first.getJsonNumber("total").longValue();
        assertThat(total).isGreaterThanOrEqualTo(1);
        assertThat(first.getBoolean("totalCapped")).as("counting stops at 1,000 only").isFalse();

        // the last page is counted from its rows, a page past the end by the database: both say the same
        JsonObject last = json(getText(day + "&limit=5&offset=" + (total - 1), admin()).body());
        assertThat(last.getJsonArray("items")).hasSize(1);
        assertThat(last.getJsonNumber("total").longValue()).isEqualTo(total);
        JsonObject past = json(getText(day + "&limit=5&offset=" + (total + 10), admin()).body());
        assertThat(past.getJsonArray("items")).isEmpty();
        assertThat(past.getJsonNumber("total").longValue()).isEqualTo(total);
        assertThat(past.getBoolean("totalCapped")).isFalse();
    }

    @Test
    void searchFiltersByProtectionAndNotes() throws Exception {
        String owner = "filter" + Long.toHexString(System.nanoTime() & 0xffffff);
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        long plain = idFrom(upload(captureName(owner), capture));
        long kept = idFrom(upload(captureName(owner), capture));
        long noted = idFrom(upload(captureName(owner), capture));
        for (long each : List.of(plain, kept, noted)) {
            awaitConverted(each);
        }
        assertThat(VerbatimServer.putJson("/api/v1/recordings/" + kept + "/protection", "", admin()).statusCode()).isEqualTo(200);
        HttpResponse<String> note = VerbatimServer.postJson("/api/v1/recordings/" + noted + "/notes", "{\"text\":\"call back\"}", admin());
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);

        assertThat(ids("owner=" + owner)).containsExactlyInAnyOrder(plain, kept, noted);
        assertThat(ids("owner=" + owner + "&protected=true")).containsExactly(kept);
        assertThat(ids("owner=" + owner + "&notes=true")).containsExactly(noted);
        assertThat(ids("owner=" + owner + "&notes=true&protected=true")).isEmpty();
    }

    /** Durations bound as they are shown (rounded to the second) and written as people write them; the operator's PBX filter. */
    @Test
    void searchFiltersByDurationAndPbx() throws Exception {
        String owner = "length" + Long.toHexString(System.nanoTime() & 0xffffff);
        long shortCall = idFrom(upload(captureName(owner), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        long longCall = idFrom(upload(captureName(owner), Files.readAllBytes(IngestIT.corpusCapture(
                "testsuite/tests/channels/pjsip/rtp_ptime/non-transcode/sipp/40msalaw.pcap"))));
        awaitConverted(shortCall);
        awaitConverted(longCall);
        double shortSeconds = json(getText("/api/v1/recordings/" + shortCall, admin()).body()).getJsonNumber("durationSeconds").doubleValue();
        double longSeconds = json(getText("/api/v1/recordings/" + longCall, admin()).body()).getJsonNumber("durationSeconds").doubleValue();
        assertThat(shortSeconds).isBetween(6.0, 8.0);
        assertThat(longSeconds).isBetween(30.0, 35.0);

        assertThat(ids("owner=" + owner + "&minDuration=0:20")).containsExactly(longCall);
        assertThat(ids("owner=" + owner + "&maxDuration=10s")).containsExactly(shortCall);
        assertThat(ids("owner=" + owner + "&minDuration=5&maxDuration=1m")).containsExactlyInAnyOrder(shortCall, longCall);
        long shown = Math.round(shortSeconds);
        assertThat(ids("owner=" + owner + "&minDuration=" + shown + "&maxDuration=" + shown)).as("exactly as long as shown")
                .containsExactly(shortCall);
        assertThat(ids("owner=" + owner + "&sort=-duration")).containsExactly(longCall, shortCall);

        HttpResponse<String> typo = getText("/api/v1/recordings?minDuration=five", admin());
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo.body()).getString("message")).startsWith("minDuration: 'five' is no duration").contains("m:ss");
        HttpResponse<String> crossed = getText("/api/v1/recordings?minDuration=2m&maxDuration=1m", admin());
        assertThat(crossed.statusCode()).isEqualTo(400);
        assertThat(json(crossed.body()).getString("message")).contains("shortest duration (120 s) is longer than the longest (60 s)");

        assertThat(ids("owner=" + owner + "&pbx=" + VerbatimServer.PBX)).containsExactlyInAnyOrder(shortCall, longCall);
        assertThat(ids("owner=" + owner + "&pbx=no-such-pbx.example.com")).isEmpty();
    }

    /**
     * Text finds what was written after the recording, whichever came first: a note (and its edit), a new owner, a call
     * record sent before its capture arrived (on PostgreSQL the database keeps what is searched, V30).
     */
    @Test
    void textFindsNotesNewOwnersAndCallInformationWhicheverCameFirst() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        long noted = idFrom(upload(captureName("texta" + suffix), capture));
        HttpResponse<String> note = VerbatimServer.postJson("/api/v1/recordings/" + noted + "/notes", "{\"text\":\"Rückruf Rechnung R" + suffix + "\"}", admin());
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        assertThat(ids("text=" + enc("rückruf*r" + suffix))).containsExactly(noted);
        long noteId = json(note.body()).getJsonNumber("id").longValue();
        HttpResponse<String> edited = VerbatimServer.putJson("/api/v1/recordings/" + noted + "/notes/" + noteId, "{\"text\":\"Gutschrift G" + suffix + "\"}", admin());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(ids("text=g" + suffix)).containsExactly(noted);
        assertThat(ids("text=" + enc("rückruf*r" + suffix))).as("the edited text is gone").isEmpty();

        String newOwner = "textb" + suffix;
        VerbatimServer.createUser(newOwner, "USER", true);
        HttpResponse<String> assigned = VerbatimServer.putJson("/api/v1/recordings/" + noted + "/owner", "{\"username\":\"" + newOwner + "\"}", admin());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(ids("text=" + newOwner)).containsExactly(noted);

        // the PBX's record of the call first, the capture after it
        String name = captureName("textc" + suffix);
        String number = "0049 40 " + suffix;
        VerbatimServer.sendInboundCall("Text C", "205", "textc" + suffix, number, "Hansa " + suffix + " KG", name.substring(0, 32));
        long called = idFrom(upload(name, capture));
        assertThat(ids("text=" + enc("hansa " + suffix))).containsExactly(called);
        // a fragment across a space; a wildcard with a part of two letters
        assertThat(ids("text=" + enc("nsa " + suffix + " k"))).containsExactly(called);
        assertThat(ids("text=" + enc("ha*" + suffix + " kg"))).containsExactly(called);
        assertThat(ids("number=" + enc("+49 40 " + suffix))).containsExactly(called);
        assertThat(ids("text=" + enc("040 " + suffix))).as("a number in the text too").containsExactly(called);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The player's waveform: both parties apart, one peak per 50 ms of this 7-second call, a few hundred numbers. */
    @Test
    void theWaveformHoldsEachPartysPeaksForTheWholeCall() throws Exception {
        HttpResponse<String> answer = getText("/api/v1/recordings/" + id + "/waveform", admin());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject waveform = json(answer.body());
        double duration = json(getText("/api/v1/recordings/" + id, admin()).body()).getJsonNumber("durationSeconds").doubleValue();
        assertThat(waveform.getJsonNumber("recordingId").longValue()).isEqualTo(id);
        assertThat(waveform.getInt("stretchMillis")).isEqualTo(50);
        List<Integer> remote = waveform.getJsonArray("remote").getValuesAs(jakarta.json.JsonNumber::intValue);
        List<Integer> local = waveform.getJsonArray("local").getValuesAs(jakarta.json.JsonNumber::intValue);
        assertThat(remote).hasSameSizeAs(local).hasSize((int) Math.ceil(duration * 1000 / 50));
        assertThat(remote).allSatisfy(p -> assertThat(p).isBetween(0, 255));
        assertThat(local).allSatisfy(p -> assertThat(p).isBetween(0, 255));
        assertThat(remote.stream().mapToInt(Integer::intValue).max().orElse(0) + local.stream().mapToInt(Integer::intValue).max().orElse(0))
                .as("someone speaks").isPositive();
        assertThat(answer.body().length()).as("small: no audio in it").isLessThan(4000);
    }

    @Test
    void badFiltersAndUnknownRecordingsGetClearErrors() throws Exception {
        HttpResponse<String> state = getText("/api/v1/recordings?state=DONE", admin());
        assertThat(state.statusCode()).isEqualTo(400);
        assertThat(json(state.body()).getString("message")).contains("state must be one of");

        HttpResponse<String> date = getText("/api/v1/recordings?from=yesterday", admin());
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(json(date.body()).getString("message")).contains("from must be a date");

        HttpResponse<String> limit = getText("/api/v1/recordings?limit=100000", admin());
        assertThat(limit.statusCode()).isEqualTo(400);

        HttpResponse<String> missing = getText("/api/v1/recordings/987654321", admin());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing.body()).getString("message")).isEqualTo("no recording 987654321");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> doc = getText("/openapi", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/recordings", "/api/v1/recordings/{id}/audio",
                "/api/v1/recordings/{id}/original", "/api/v1/settings", "/api/v1/quarantine");

        // the settings' fields are made from their declarations, each capability's, with what they mean
        JsonObject openApi = json(getText("/openapi?format=JSON", null).body());
        JsonObject schemas = openApi.getJsonObject("components").getJsonObject("schemas");
        JsonObject shown = schemas.getJsonObject("SettingsView").getJsonObject("properties");
        assertThat(shown.getJsonObject("retentionDays").getString("description")).startsWith("How long unprotected recordings are kept");
        assertThat(shown.getJsonObject("maxCaptureBytes").getString("type")).isEqualTo("integer");
        assertThat(shown.keySet()).contains("outputFormat", "callInformationWaitMinutes", "webdavPasswordSet", "cryptKeyId")
                .doesNotContain("webdavPassword", "smtpPassword", "cryptKey");
        assertThat(schemas.getJsonObject("SettingsChange").getJsonObject("properties").keySet())
                .contains("retentionDays", "webdavPassword", "cryptKey").doesNotContain("webdavPasswordSet");
        assertThat(openApi.getJsonObject("paths").getJsonObject("/api/v1/settings").getJsonObject("put").getJsonObject("requestBody")
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref"))
                .isEqualTo("#/components/schemas/SettingsChange");
    }

    @Test
    void settingsShowNoSecrets() throws Exception {
        HttpResponse<String> settings = getText("/api/v1/settings", admin());
        assertThat(settings.statusCode()).isEqualTo(200);
        JsonObject body = json(settings.body());
        assertThat(body.getJsonNumber("maxCaptureBytes").longValue()).isPositive();
        assertThat(body.containsKey("webdavPassword")).isFalse();
        HttpResponse<String> invalid = VerbatimServer.putJson("/api/v1/settings", "{\"maxCaptureBytes\":10}", admin());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid.body()).getString("message")).contains("maxCaptureBytes");
    }

    private static List<Long> ids(String query) throws Exception {
        HttpResponse<String> response = getText("/api/v1/recordings?" + query, admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
