package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Call records matched to recordings in either order, resent, and deciding the owner of trunk captures. */
class CallRecordsIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static String agent = "agent" + SUFFIX;
    static String caller = "caller" + SUFFIX;
    static String trunk = "trunk" + SUFFIX; // a gateway: no user of that name
    static byte[] capture;

    @BeforeAll
    static void setUp() throws Exception {
        capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        for (String user : new String[]{agent, caller}) {
            HttpResponse<String> created = postJson("/api/v1/users", "{\"username\":\"" + user + "\",\"password\":\"correct horse battery\","
                    + "\"role\":\"USER\",\"pbx\":\"" + VerbatimServer.PBX + "\",\"licensed\":true,\"numbers\":[\"5" + SUFFIX.substring(1)
                    + (user.equals(agent) ? "1" : "2") + "\"]}", admin());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    static String record(String callId, String direction, String events) {
        return "{\"callId\":\"" + callId + "\",\"pbx\":\"" + VerbatimServer.PBX + "\",\"direction\":\"" + direction + "\","
                + "\"localNumber\":\"201\",\"localName\":\"Front desk\",\"remoteNumber\":\"+4930123456\",\"remoteName\":\"Erika Mustermann\","
                + "\"start\":\"2026-11-24T08:00:00Z\",\"connect\":\"2026-11-24T08:00:05Z\",\"end\":\"2026-11-24T08:03:00Z\","
                + "\"events\":" + events + "}";
    }

    static JsonObject recording(long id) throws Exception {
        HttpResponse<String> response = getText("/api/v1/recordings/" + id, admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    @Test
    void aRecordThatCameFirstIsMatchedWhenTheRecordingArrives() throws Exception {
        String name = captureName(agent);
        String callId = name.substring(0, 32);
        HttpResponse<String> stored = postJson("/api/v1/call-records", record(callId.toUpperCase(), "INBOUND", "[]"), admin());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(json(stored.body()).getInt("created")).isEqualTo(1);

        JsonObject r = recording(idFrom(upload(name, capture)));
        assertThat(r.getString("callInformationStatus")).isEqualTo("MATCHED");
        JsonObject info = r.getJsonObject("callInformation");
        assertThat(info.getString("direction")).isEqualTo("INBOUND");
        assertThat(info.getString("remoteNumber")).isEqualTo("+4930123456");
        assertThat(info.getString("remoteName")).isEqualTo("Erika Mustermann");
        assertThat(info.getString("connect")).isEqualTo("2026-11-24T08:00:05Z");
    }

    @Test
    void aCallWithItsRecordIsSavedUnderANamePeopleReadAndItsFileSaysWhoCalledWhom() throws Exception {
        String reader = "named" + SUFFIX; // reads times in Kolkata's zone (UTC+5:30): the name's time is theirs
        HttpResponse<String> created = postJson("/api/v1/users", "{\"username\":\"" + reader + "\",\"password\":\"correct horse battery\","
                + "\"role\":\"USER\",\"pbx\":\"" + VerbatimServer.PBX + "\",\"licensed\":true,\"timezone\":\"Asia/Kolkata\"}", admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String auth = VerbatimServer.basic(reader, "correct horse battery");
        String name = captureName(reader);
        String callId = name.substring(0, 32);
        String record = record(callId, "INBOUND", "[]").replace("Erika Mustermann", "Jürgen Groß / Vertrieb");
        assertThat(postJson("/api/v1/call-records", record, admin()).statusCode()).isEqualTo(200);
        long id = idFrom(upload(name, capture));
        JsonObject r = VerbatimServer.awaitConverted(id);
        String base = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmm").format(Instant.parse(r.getString("start")).atZone(ZoneId.of("Asia/Kolkata")))
                + "_in_+4930123456_Jürgen-Groß-Vertrieb";

        HttpResponse<byte[]> audio = VerbatimServer.getBytes("/api/v1/recordings/" + id + "/audio?download=true", auth);
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\""
                + base.replace("ü", "u").replace("ß", "_") + ".wav\"; filename*=UTF-8''" + URLEncoder.encode(base, StandardCharsets.UTF_8) + ".wav");
        // the WAV file's INFO chunk: the call, who recorded it, where (read as a player reads it, by its chunk ids)
        String info = new String(audio.body(), 0, Math.min(audio.body().length, 4096), StandardCharsets.UTF_8);
        assertThat(info).contains("INAM", "Inbound call from Jürgen Groß / Vertrieb (+4930123456) to Front desk (201)",
                "IART", "Front desk (201)", "IPRD", VerbatimServer.PBX,
                "inbound; remote: Jürgen Groß / Vertrieb (+4930123456); local: Front desk (201); call id " + callId + "; start ");

        HttpResponse<byte[]> zip = VerbatimServer.getBytes("/api/v1/recordings/" + id + "/download", auth);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).endsWith("''" + URLEncoder.encode(base, StandardCharsets.UTF_8) + ".zip");
        Map<String, byte[]> entries = VerbatimServer.unzip(zip.body());
        assertThat(entries).containsOnlyKeys(base + ".wav", base + ".pdf");
        assertThat(entries.get(base + ".wav")).isEqualTo(audio.body());
    }

    @Test
    void aRecordingWaitsForItsRecordAndAResendReplacesIt() throws Exception {
        String name = captureName(agent);
        String callId = name.substring(0, 32);
        long id = idFrom(upload(name, capture));
        assertThat(recording(id).getString("callInformationStatus")).isEqualTo("WAITING");
        assertThat(recording(id).containsKey("callInformation")).isFalse();

        JsonObject first = json(postJson("/api/v1/call-records", "[" + record(callId, "OUTBOUND", "[]") + "]", admin()).body());
        assertThat(first.getInt("created")).isEqualTo(1);
        assertThat(first.getInt("recordingsMatched")).isEqualTo(1);
        String resent = record(callId, "OUTBOUND", "[{\"type\":\"TRANSFERRED\",\"at\":\"2026-11-24T08:01:00Z\",\"number\":\"202\"}]");
        JsonObject second = json(postJson("/api/v1/call-records", resent, admin()).body());
        assertThat(second.getInt("created")).isZero();
        assertThat(second.getInt("replaced")).isEqualTo(1);

        JsonObject r = recording(id);
        assertThat(r.getString("callInformationStatus")).isEqualTo("MATCHED");
        assertThat(r.getJsonObject("callInformation").getJsonArray("events")).hasSize(1);
        assertThat(r.getJsonObject("callInformation").getJsonArray("events").getJsonObject(0).getString("type")).isEqualTo("TRANSFERRED");
        assertThat(r.getString("owner")).as("a phone's own user keeps the call").isEqualTo(agent);
    }

    @Test
    void aTrunkCaptureBelongsToWhoAnsweredOrPlacedTheCall() throws Exception {
        String incoming = captureName(trunk);
        long in = idFrom(upload(incoming, capture));
        assertThat(recording(in).getString("owner")).as("unknown until the record comes").isEqualTo(trunk);
        postJson("/api/v1/call-records", record(incoming.substring(0, 32), "INBOUND",
                "[{\"type\":\"QUEUED\",\"number\":\"800\"},{\"type\":\"RINGING\",\"user\":\"" + caller + "\"},"
                        + "{\"type\":\"ANSWERED\",\"user\":\"" + agent + "\"}]"), admin());
        assertThat(recording(in).getString("owner")).as("the first user who answered").isEqualTo(agent);

        String outgoing = captureName(trunk);
        postJson("/api/v1/call-records", record(outgoing.substring(0, 32), "OUTBOUND",
                "[{\"type\":\"INITIATED\",\"user\":\"" + caller + "\"}]"), admin());
        assertThat(recording(idFrom(upload(outgoing, capture))).getString("owner")).as("the user who placed it").isEqualTo(caller);

        String unanswered = captureName(trunk);
        postJson("/api/v1/call-records", record(unanswered.substring(0, 32), "INBOUND", "[{\"type\":\"RINGING\",\"user\":\"" + agent + "\"}]"), admin());
        assertThat(recording(idFrom(upload(unanswered, capture))).getString("owner")).as("nobody answered: unassigned").isEqualTo(trunk);
    }

    @Test
    void badRecordsAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> noId = postJson("/api/v1/call-records", "{\"direction\":\"INBOUND\",\"pbx\":\"" + VerbatimServer.PBX + "\"}", admin());
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(json(noId.body()).getString("message")).startsWith("callId is required");

        HttpResponse<String> secondBad = postJson("/api/v1/call-records", "[" + record("abc", "INBOUND", "[]") + ",{\"callId\":\"def\"}]", admin());
        assertThat(secondBad.statusCode()).isEqualTo(400);
        assertThat(json(secondBad.body()).getString("message")).startsWith("record 2: direction is required");

        HttpResponse<String> direction = postJson("/api/v1/call-records", record("abc", "SIDEWAYS", "[]"), admin());
        assertThat(direction.statusCode()).isEqualTo(400);
        assertThat(json(direction.body()).getString("message")).startsWith("not a call record");

        assertThat(postJson("/api/v1/call-records", "[]", admin()).statusCode()).isEqualTo(400);
        HttpResponse<String> user = postJson("/api/v1/call-records", record("abc", "INBOUND", "[]"),
                VerbatimServer.basic(agent, "correct horse battery"));
        assertThat(user.statusCode()).as("users do not push call records").isEqualTo(403);
    }
}
