package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getBytes;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.put;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.send;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The findings of an attack by another PBX's administrator, as tests: settings are the PBX's own (its device
 * credentials, retention and name change nothing of another PBX, deployment settings are the operator's), a lifecycle
 * job it starts applies its own policy to its own recordings only, and neither job runs nor refused uploads of
 * another PBX are shown to it.
 */
class TenantIsolationIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final String PBX = VerbatimServer.PBX;
    static final String OTHER = "elsewhere-" + SUFFIX;
    static final String OTHER_ADMIN = "other-admin" + SUFFIX;
    static final String OWNER = "iso" + SUFFIX;
    static final String DEVICE_USER = "phones-" + SUFFIX;
    static final String DEVICE_PASSWORD = "other-device-secret";
    static String otherAdmin;

    @BeforeAll
    static void setUp() throws Exception {
        HttpResponse<String> made = postJson("/api/v1/users", "{\"username\":\"" + OTHER_ADMIN + "\",\"password\":\""
                + VerbatimServer.USER_PASSWORD + "\",\"role\":\"ADMIN\",\"pbx\":\"" + OTHER + "\"}", admin());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        otherAdmin = basic(OTHER_ADMIN, VerbatimServer.USER_PASSWORD);
        VerbatimServer.createUser(OWNER, "USER", true);
    }

    @Test
    void anotherPbxsSettingsChangeNothingHere() throws Exception {
        HttpResponse<String> set = putJson("/api/v1/settings", "{\"webdavUser\":\"" + DEVICE_USER + "\",\"webdavPassword\":\""
                + DEVICE_PASSWORD + "\",\"retentionDays\":1,\"pbxName\":\"Elsewhere\"}", otherAdmin);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(set.body()).getString("pbx")).isEqualTo(OTHER);
        assertThat(json(set.body()).getInt("retentionDays")).isEqualTo(1);

        // this PBX's phones are not cut off, and its originals are not read with the other PBX's credentials
        byte[] call = G711Calls.twoParty(2, 4242_0000L + ThreadLocalRandom.current().nextInt(100_000));
        HttpResponse<String> stillOpen = upload(captureName(OWNER), call);
        assertThat(stillOpen.statusCode()).as(stillOpen.body()).isEqualTo(201);
        String devices = basic(DEVICE_USER, DEVICE_PASSWORD);
        HttpResponse<String> listing = send("PROPFIND", "/" + PBX + "/recordings/Files/", "", "text/xml", devices);
        assertThat(listing.statusCode()).as("the other PBX's credentials on this PBX's folder").isIn(401, 403);
        assertThat(listing.body()).doesNotContain(".pcap");
        // the other PBX's own devices need them
        assertThat(put("/" + OTHER + "/recordings/Files/" + captureName("x"), call, null).statusCode()).isEqualTo(401);
        assertThat(put("/" + OTHER + "/recordings/Files/" + captureName("x"), call, devices).statusCode()).isEqualTo(201);

        JsonObject mine = json(getText("/api/v1/settings", admin()).body());
        assertThat(mine.get("pbx")).as("the operator's: the defaults, of no PBX").isNull();
        assertThat(mine.getInt("retentionDays")).isNotEqualTo(1);
        assertThat(mine.getString("webdavUser")).isNotEqualTo(DEVICE_USER);
        assertThat(mine.getString("pbxName")).isNotEqualTo("Elsewhere");
        JsonObject theirs = json(getText("/api/v1/settings?pbx=" + OTHER, admin()).body());
        assertThat(theirs.getInt("retentionDays")).as("the operator sees a PBX's own").isEqualTo(1);
        assertThat(theirs.getString("webdavUser")).isEqualTo(DEVICE_USER);
        assertThat(getText("/api/v1/settings?pbx=" + PBX, otherAdmin).statusCode()).isEqualTo(403);
        assertThat(putJson("/api/v1/settings?pbx=" + PBX, "{\"retentionDays\":1}", otherAdmin).statusCode()).isEqualTo(403);

        // the deployment's settings are the operator's, named in the refusal
        for (String deployment : List.of("{\"maxCaptureBytes\":2048}", "{\"registerPbxOnUpload\":true}",
                "{\"traceLevels\":{\"ingest\":\"trace\"}}")) {
            HttpResponse<String> refused = putJson("/api/v1/settings", deployment, otherAdmin);
            assertThat(refused.statusCode()).as(deployment).isEqualTo(403);
            assertThat(refused.body()).contains(deployment.substring(2, deployment.indexOf('"', 2))).contains("operator");
        }
        HttpResponse<String> withPbx = putJson("/api/v1/settings?pbx=" + OTHER, "{\"maxCaptureBytes\":2048}", admin());
        assertThat(withPbx.statusCode()).isEqualTo(400);
        assertThat(withPbx.body()).contains("maxCaptureBytes is a deployment setting");

        // logged where it belongs: the other PBX's log, which this PBX's administrators do not see
        String changes = getText("/api/v1/action-log?action=setting-change&user=" + OTHER_ADMIN, otherAdmin).body();
        assertThat(changes).contains("retentionDays=1").contains("webdavPassword (a new secret)");
        assertThat(json(changes).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .allMatch(e -> OTHER.equals(e.getString("pbx", null)))).isTrue();
    }

    @Test
    void aLifecycleJobOfAnotherPbxTouchesNothingHere() throws Exception {
        assertThat(putJson("/api/v1/settings", "{\"retentionDays\":1}", otherAdmin).statusCode()).isEqualTo(200);
        long old = LifecycleJobsIT.recordedAt(OWNER, Instant.now().minusSeconds(5 * 86400));

        HttpResponse<String> started = send("POST", "/api/v1/jobs/retention/runs", "", "application/json", otherAdmin);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long run = json(started.body()).getJsonNumber("executionId").longValue();
        JsonObject ended = awaitEnd(run, otherAdmin);
        assertThat(ended.getString("status")).isEqualTo("COMPLETED");
        assertThat(ended.getString("parameters")).contains("pbx=" + OTHER).contains(OTHER + "=").doesNotContain(PBX + "=");
        assertThat(getText("/api/v1/recordings/" + old, admin()).statusCode()).as("five days old, this PBX keeps 30").isEqualTo(200);

        // the operator's runs are the operator's
        HttpResponse<String> operators = send("POST", "/api/v1/jobs/recycle-purge/runs", "", "application/json", admin());
        assertThat(operators.statusCode()).isEqualTo(202);
        long operatorRun = json(operators.body()).getJsonNumber("executionId").longValue();
        awaitEnd(operatorRun, admin());
        assertThat(getText("/api/v1/jobs/runs/" + operatorRun, otherAdmin).statusCode()).isEqualTo(404);
        String seen = getText("/api/v1/jobs", otherAdmin).body();
        assertThat(seen).contains("\"executionId\":" + run).doesNotContain("\"executionId\":" + operatorRun);
    }

    @Test
    void refusedUploadsAreTheirPbxs() throws Exception {
        String name = captureName(OWNER);
        assertThat(upload(name, "not a capture, this PBX's".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        JsonObject kept = json(getText("/api/v1/quarantine?limit=50", admin()).body()).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(q -> q.getString("fileName").equals(name)).findFirst().orElseThrow();
        long id = kept.getJsonNumber("id").longValue();
        assertThat(getBytes("/api/v1/quarantine/" + id + "/original", admin()).statusCode()).isEqualTo(200);
        assertThat(getBytes("/api/v1/quarantine/" + id + "/original", otherAdmin).statusCode()).isEqualTo(404);
        assertThat(getText("/api/v1/quarantine?limit=500", otherAdmin).body()).doesNotContain(name).doesNotContain(PBX);
    }

    @Test
    void aPlusInAWebDavPathIsAPlus() throws Exception {
        String devices = basic(DEVICE_USER, DEVICE_PASSWORD);
        assertThat(putJson("/api/v1/settings", "{\"webdavUser\":\"" + DEVICE_USER + "\",\"webdavPassword\":\"" + DEVICE_PASSWORD + "\"}",
                otherAdmin).statusCode()).isEqualTo(200);
        byte[] call = G711Calls.twoParty(1, 4343_0000L + ThreadLocalRandom.current().nextInt(100_000));
        String name = "plus+" + SUFFIX + ".pcap";
        HttpResponse<String> stored = put("/" + OTHER + "/recordings/Files/" + name, call, devices);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        HttpResponse<byte[]> read = getBytes("/" + OTHER + "/recordings/Files/" + name, devices);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(call);
        assertThat(getBytes("/" + OTHER + "/recordings/Files/plus%20" + SUFFIX + ".pcap", devices).statusCode()).isEqualTo(404);
        assertThat(idFrom(stored)).isPositive();
    }

    @Test
    void uploadsForAPbxNobodyRegisteredAreRefusedAndNamesIgnoreCase() throws Exception {
        byte[] call = G711Calls.twoParty(1, 4444_0000L + ThreadLocalRandom.current().nextInt(100_000));
        String typo = "typo-" + SUFFIX;
        HttpResponse<String> refused = put("/" + typo + "/recordings/Files/" + captureName(OWNER), call, null);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(json(refused.body()).getString("message")).contains("no PBX '" + typo + "' is registered here");
        assertThat(getText("/api/v1/tenants", admin()).body()).doesNotContain(typo);

        // with device credentials set, a stranger learns nothing and leaves nothing: 401 before the PBX is looked at
        String stranger = "stranger-" + SUFFIX;
        assertThat(putJson("/api/v1/settings", "{\"webdavUser\":\"phones\",\"webdavPassword\":\"default-pair-1\"}", admin()).statusCode())
                .isEqualTo(200);
        try {
            assertThat(put("/" + stranger + "/recordings/Files/" + captureName(OWNER), call, null).statusCode()).isEqualTo(401);
            String kept = captureName(OWNER);
            HttpResponse<String> withPair = put("/" + stranger + "/recordings/Files/" + kept, call, basic("phones", "default-pair-1"));
            assertThat(withPair.statusCode()).as("a phone of ours, a PBX not registered").isEqualTo(404);
            String quarantine = getText("/api/v1/quarantine?limit=500", admin()).body();
            assertThat(quarantine).as("its call kept, with the reason").contains(kept).contains("no PBX '" + stranger + "' is registered here");
            assertThat(json(quarantine).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .filter(q -> q.getString("pbx").equals(stranger)).count()).as("the stranger's upload left nothing").isEqualTo(1);
        } finally {
            assertThat(putJson("/api/v1/settings", "{\"webdavUser\":\"\"}", admin()).statusCode()).isEqualTo(200);
        }
        assertThat(getText("/api/v1/tenants", admin()).body()).doesNotContain(stranger);

        // the registered PBX whatever the case a phone was given
        HttpResponse<String> shouted = put("/" + PBX.toUpperCase() + "/recordings/Files/" + captureName(OWNER), call, null);
        assertThat(shouted.statusCode()).as(shouted.body()).isEqualTo(201);
        assertThat(json(getText("/api/v1/recordings/" + idFrom(shouted), admin()).body()).getString("pbx")).isEqualTo(PBX);

        assertThat(putJson("/api/v1/settings", "{\"registerPbxOnUpload\":true}", admin()).statusCode()).isEqualTo(200);
        try {
            assertThat(putJson("/api/v1/settings", "{\"registerPbxOnUpload\":true}", otherAdmin).statusCode())
                    .as("the operator's").isEqualTo(403);
            assertThat(put("/" + typo + "/recordings/Files/" + captureName(OWNER), call, null).statusCode()).isEqualTo(201);
            assertThat(getText("/api/v1/tenants", admin()).body()).contains(typo);
        } finally {
            assertThat(putJson("/api/v1/settings", "{\"registerPbxOnUpload\":false}", admin()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPbxsDevicesSendFromItsNetworksOnly() throws Exception {
        String devices = basic(DEVICE_USER, DEVICE_PASSWORD);
        assertThat(putJson("/api/v1/settings", "{\"webdavUser\":\"" + DEVICE_USER + "\",\"webdavPassword\":\"" + DEVICE_PASSWORD + "\"}",
                otherAdmin).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = putJson("/api/v1/settings", "{\"deviceNetworks\":\"10.0.0.0/33\"}", otherAdmin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("deviceNetworks").contains("10.0.0.0/33");
        byte[] call = G711Calls.twoParty(1, 4545_0000L + ThreadLocalRandom.current().nextInt(100_000));
        assertThat(putJson("/api/v1/settings", "{\"deviceNetworks\":\"10.0.0.0/8, 2001:db8::/32\"}", otherAdmin).statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> outside = put("/" + OTHER + "/recordings/Files/" + captureName("net"), call, devices);
            assertThat(outside.statusCode()).as("from 127.0.0.1, right credentials").isEqualTo(403);
            assertThat(outside.body()).contains("device networks");
            assertThat(send("PROPFIND", "/" + OTHER + "/recordings/Files/", "", "text/xml", devices).statusCode()).isEqualTo(403);
            assertThat(upload(captureName(OWNER), call).statusCode()).as("this PBX sets none: from anywhere").isEqualTo(201);
            assertThat(putJson("/api/v1/settings", "{\"deviceNetworks\":\"10.0.0.0/8, 127.0.0.0/8\"}", otherAdmin).statusCode()).isEqualTo(200);
            assertThat(put("/" + OTHER + "/recordings/Files/" + captureName("net"), call, devices).statusCode()).isEqualTo(201);
        } finally {
            assertThat(putJson("/api/v1/settings", "{\"deviceNetworks\":\"\"}", otherAdmin).statusCode()).isEqualTo(200);
        }
    }

    static JsonObject awaitEnd(long run, String authorization) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonObject r = json(getText("/api/v1/jobs/runs/" + run, authorization).body());
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(r.getString("status"))) {
                return r;
            }
            assertThat(Instant.now()).as("run %d still %s", run, r.getString("status")).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** The conversion queue's counts are a PBX's own: another PBX's failed conversion is not counted for it. */
    @Test
    void theConversionQueueCountsThePbxsOwnRecordings() throws Exception {
        byte[] g723 = java.nio.file.Files.readAllBytes(IngestIT.corpusCapture("rtpproxy/tests/rtp_analyze/G723_1.a.rtp.pcap"));
        long failing = idFrom(upload(captureName(OWNER), g723));
        for (int i = 0; i < 100 && !json(getText("/api/v1/recordings/" + failing, admin()).body()).getString("state").equals("FAILED"); i++) {
            Thread.sleep(100);
        }
        JsonObject all = json(getText("/api/v1/jobs/conversion-queue", admin()).body());
        assertThat(all.getJsonNumber("failedLastDay").longValue()).as("the operator's: every PBX's").isPositive();
        HttpResponse<String> theirs = getText("/api/v1/jobs/conversion-queue", otherAdmin);
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(json(theirs.body()).getJsonNumber("failedLastDay").longValue()).as("the other PBX converted all of its").isZero();
    }

    @Test
    void aBatchOfCallRecordsNamingAnotherPbxIsRefusedWhole() throws Exception {
        String own = "{\"callId\":\"own" + SUFFIX + "\",\"pbx\":\"" + OTHER + "\",\"direction\":\"INBOUND\",\"events\":[]}";
        String foreign = "{\"callId\":\"foreign" + SUFFIX + "\",\"pbx\":\"" + PBX + "\",\"direction\":\"INBOUND\",\"events\":[]}";

        HttpResponse<String> refused = postJson("/api/v1/call-records", "[" + own + "," + foreign + "]", otherAdmin);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused.body()).getString("message")).contains("own PBX only");

        HttpResponse<String> again = postJson("/api/v1/call-records", "[" + own + "]", otherAdmin);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again.body()).getInt("created")).as("the refused batch kept none of its records").isEqualTo(1);
    }
}
