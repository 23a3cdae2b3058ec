package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.jsonArray;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.send;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PBX's own CDR interface (CDR0/CDR1, HTTP mode) at {@code /{pbx}/cdr}: CDRs written after innovaphone's documented
 * structure, sent as the PBX sends them (GET, and POST with the same text as body), matched to the call's recordings
 * in either order; what is no CDR is refused with the reason and kept.
 */
class InnovaphoneCdrIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final String AGENT = "carla" + SUFFIX;
    static final String TRUNK = "trunk" + SUFFIX; // the gateway that recorded: no user
    static byte[] capture;

    @BeforeAll
    static void setUp() throws Exception {
        capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        VerbatimServer.createUser(AGENT, "USER", true);
    }

    /** The queue rang, then the agent took the customer's call; the trunk's own CDR. */
    static String trunkCdr(String conf) {
        return ("<cdr id=\"t" + conf.substring(0, 8) + "\" guid=\"3333\" sys=\"pbx.example\" pbx=\"master\" cn=\"SIP trunk\" h323=\"" + TRUNK
                + "\" dir=\"from\" utc=\"1764579600\"><user pseudo=\"trunk\"/>"
                + "<event msg=\"setup-from\" time=\"10\" e164=\"800\" conf=\"" + conf + "\"/>"
                + "<event msg=\"alert-to\" time=\"11\" e164=\"800\" dn=\"Sales\" h323=\"sales\"/>"
                + "<event msg=\"conn-to\" time=\"20\" e164=\"203\" dn=\"Carla Diaz\" h323=\"" + AGENT + "\"/>"
                + "<event msg=\"rel-to\" time=\"200\" cause=\"16\"/></cdr>");
    }

    /** The agent's own CDR of the same call, naming the customer. */
    static String agentCdr(String conf) {
        return ("<cdr id=\"a" + conf.substring(0, 8) + "\" guid=\"4444\" cn=\"Carla Diaz\" e164=\"203\" h323=\"" + AGENT
                + "\" dir=\"to\" utc=\"1764579605\"><user/>"
                + "<event msg=\"setup-to\" time=\"15\" type=\"ext\" e164=\"004989123456\" dn=\"Acme GmbH\" conf=\"" + conf + "\"/>"
                + "<event msg=\"conn-from\" time=\"20\" type=\"ext\" e164=\"004989123456\" dn=\"Acme GmbH\"/>"
                + "<event msg=\"rel-to\" time=\"200\" cause=\"16\"/></cdr>");
    }

    /** As the PBX's HTTP mode sends a CDR: form data, the XML in msg. */
    static String form(String cdr) {
        return "event=syslog&time=1764579800&date=20261201-090320&from=IP811-00-90-33-aa-bb-cc&msg="
                + URLEncoder.encode(cdr, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> sendGet(String pbx, String cdr, String authorization) throws Exception {
        return getText("/" + pbx + "/cdr?" + form(cdr), authorization);
    }

    static JsonObject recording(long id) throws Exception {
        return json(getText("/api/v1/recordings/" + id, admin()).body());
    }

    @Test
    void aCallRecordedBeforeItsCdrsCameIsMatchedAndGivenToWhoAnswered() throws Exception {
        String name = captureName(TRUNK);
        String conf = name.substring(0, 32);
        long id = idFrom(upload(name, capture));
        assertThat(recording(id).getString("callInformationStatus")).isEqualTo("WAITING");

        HttpResponse<String> trunk = sendGet(VerbatimServer.PBX, trunkCdr(conf), null);
        assertThat(trunk.statusCode()).as(trunk.body()).isEqualTo(200);
        assertThat(json(trunk.body()).getJsonArray("callIds").getString(0)).isEqualTo(conf);
        assertThat(json(trunk.body()).getInt("recordingsMatched")).isEqualTo(1);
        assertThat(recording(id).getString("owner")).as("the first user who answered").isEqualTo(AGENT);

        HttpResponse<String> agent = send("POST", "/" + VerbatimServer.PBX + "/cdr", "?" + form(agentCdr(conf)),
                "application/x-www-form-urlencoded", null);
        assertThat(agent.statusCode()).as(agent.body()).isEqualTo(200);
        JsonObject info = recording(id).getJsonObject("callInformation");
        assertThat(info.getString("direction")).isEqualTo("INBOUND");
        assertThat(info.getString("remoteName")).as("the agent's CDR names the customer").isEqualTo("Acme GmbH");
        assertThat(info.getString("remoteNumber")).isEqualTo("004989123456");
        assertThat(info.getString("localName")).isEqualTo("Carla Diaz");
        assertThat(info.getString("start")).isEqualTo("2025-12-01T09:00:00Z");
        assertThat(info.getString("connect")).isEqualTo("2025-12-01T09:00:10Z");

        int steps = recording(id).getJsonObject("callInformation").getJsonArray("events").size();
        HttpResponse<String> again = sendGet(VerbatimServer.PBX, agentCdr(conf), null);
        assertThat(again.statusCode()).as("a PBX that lost the answer sends again: taken").isEqualTo(200);
        assertThat(recording(id).getJsonObject("callInformation").getJsonArray("events")).hasSize(steps);
    }

    @Test
    void aCdrThatCameFirstIsMatchedWhenTheRecordingArrives() throws Exception {
        String name = captureName(TRUNK);
        String conf = name.substring(0, 32);
        HttpResponse<String> bare = send("POST", "/" + VerbatimServer.PBX + "/cdr", agentCdr(conf), "text/xml", null);
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(200);
        assertThat(json(bare.body()).getInt("recordingsMatched")).isZero();

        JsonObject r = recording(idFrom(upload(name, capture)));
        assertThat(r.getString("callInformationStatus")).isEqualTo("MATCHED");
        assertThat(r.getJsonObject("callInformation").getString("remoteName")).isEqualTo("Acme GmbH");
        assertThat(r.getString("owner")).isEqualTo(AGENT);
    }

    @Test
    void cdrsThatComeWhileTheirRecordingsConvertAreEachTakenAndMatched() throws Exception {
        // each CDR gives a recording its owner while its conversion claims, converts and seals it: rows written by both
        List<Long> ids = new ArrayList<>();
        List<String> confs = new ArrayList<>();
        ExecutorService pbx = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = captureName(TRUNK);
                String conf = name.substring(0, 32);
                ids.add(idFrom(upload(name, capture)));
                confs.add(conf);
                answers.add(pbx.submit(() -> sendGet(VerbatimServer.PBX, trunkCdr(conf), null)));
            }
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get();
                assertThat(answer.statusCode()).as("CDR of %s: %s", confs.get(i), answer.body()).isEqualTo(200);
                assertThat(json(answer.body()).getInt("recordingsMatched")).as(answer.body()).isEqualTo(1);
            }
        } finally {
            pbx.shutdownNow();
        }
        for (long id : ids) {
            JsonObject r = VerbatimServer.awaitConverted(id);
            assertThat(r.getString("state")).as("recording %d", id).isEqualTo("READY");
            assertThat(r.getString("owner")).as("recording %d", id).isEqualTo(AGENT);
            assertThat(r.getString("callInformationStatus")).as("recording %d", id).isEqualTo("MATCHED");
        }
    }

    @Test
    void whatIsNoCdrIsRefusedWithTheReasonAndKept() throws Exception {
        String marker = "LDIR_SOCK " + SUFFIX + " TCP-Out";
        HttpResponse<String> log = getText("/" + VerbatimServer.PBX + "/cdr?event=syslog&msg=" + URLEncoder.encode(marker, StandardCharsets.UTF_8), null);
        assertThat(log.statusCode()).isEqualTo(400);
        assertThat(json(log.body()).getString("message")).startsWith("the CDR is not well-formed XML");

        HttpResponse<String> noConf = sendGet(VerbatimServer.PBX, "<cdr dir=\"to\" utc=\"1\"><event msg=\"setup-to\" time=\"1\"/></cdr>", null);
        assertThat(noConf.statusCode()).isEqualTo(400);
        assertThat(json(noConf.body()).getString("message")).contains("no conf");

        HttpResponse<String> refused = getText("/api/v1/call-records/refused", admin());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        JsonObject kept = jsonArray(refused.body()).stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("body").equals(marker)).findFirst().orElseThrow();
        assertThat(kept.getString("pbx")).isEqualTo(VerbatimServer.PBX);
        assertThat(kept.getString("reason")).startsWith("the CDR is not well-formed XML");

        HttpResponse<String> unknown = sendGet("no-such-pbx-" + SUFFIX, agentCdr("0123456789abcdef0123456789abcdef"), null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).getString("message")).contains("no PBX named no-such-pbx-" + SUFFIX);
        assertThat(getText("/api/v1/call-records/refused?limit=0", admin()).statusCode()).isEqualTo(400);
    }

    @Test
    void aPbxWhoseDevicesNeedCredentialsNeedsThemForCdrsToo() throws Exception {
        String pbx = "cdr-" + SUFFIX;
        HttpResponse<String> administrator = postJson("/api/v1/users", "{\"username\":\"cdr-admin" + SUFFIX + "\",\"password\":\""
                + VerbatimServer.USER_PASSWORD + "\",\"role\":\"ADMIN\",\"pbx\":\"" + pbx + "\"}", admin());
        assertThat(administrator.statusCode()).as(administrator.body()).isEqualTo(201);
        HttpResponse<String> pair = postJson("/api/v1/device-credentials?pbx=" + pbx,
                "{\"site\":\"Main\",\"user\":\"pbx-" + SUFFIX + "\",\"password\":\"cdr-device-secret\"}", admin());
        assertThat(pair.statusCode()).as(pair.body()).isEqualTo(201);

        String cdr = agentCdr("fedcba9876543210fedcba9876543210");
        String device = basic("pbx-" + SUFFIX, "cdr-device-secret");
        assertThat(sendGet(pbx, cdr, null).statusCode()).isEqualTo(401);
        assertThat(sendGet(pbx, "<cdr/>", null).statusCode()).as("nothing kept from a sender without the pair").isEqualTo(401);
        assertThat(sendGet(pbx, cdr, device).statusCode()).isEqualTo(200);
        assertThat(sendGet(pbx, "<log/>", device).statusCode()).isEqualTo(400);
        HttpResponse<String> fromAPage = getText("/" + pbx + "/cdr?" + form(cdr), device, "Origin", "https://elsewhere.example");
        assertThat(fromAPage.statusCode()).as("a web page cannot send CDRs through a browser inside the network").isEqualTo(403);

        // the operator's list holds pbx-it's refusals (whatIsNoCdrIsRefused…), this PBX's administrator sees its own only
        assertThat(sendGet(VerbatimServer.PBX, "<log/>", null).statusCode()).isEqualTo(400);
        HttpResponse<String> own = getText("/api/v1/call-records/refused", basic("cdr-admin" + SUFFIX, VerbatimServer.USER_PASSWORD));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(jsonArray(own.body())).isNotEmpty().allSatisfy(v -> assertThat(v.asJsonObject().getString("pbx")).isEqualTo(pbx));
        assertThat(jsonArray(own.body())).extracting(v -> v.asJsonObject().getString("body")).containsExactly("<log/>");
    }
}
