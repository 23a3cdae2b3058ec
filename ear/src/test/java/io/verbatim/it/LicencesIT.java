package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Recorder licences: given to users or through a group, held first come, first served once a number is installed. */
class LicencesIT {

    static final String PASSWORD = VerbatimServer.USER_PASSWORD;
    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    static void createUser(String username, boolean licensed) throws Exception {
        VerbatimServer.createUser(username, "USER", licensed);
    }

    static int status(String username, long recording) throws Exception {
        return getText("/api/v1/recordings/" + recording, basic(username, PASSWORD)).statusCode();
    }

    @AfterEach
    void licencesNotEnforcedAgain() throws Exception {
        assertThat(putJson("/api/v1/settings", "{\"licences\":-1}", admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void moreGivenThanInstalledLeavesTheLastGivenWithoutAndWarnsTheAdministrator() throws Exception {
        String first = "early" + SUFFIX;
        String last = "late" + SUFFIX;
        createUser(first, true);
        createUser(last, true);
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        long firstRecording = idFrom(upload(captureName(first), capture));
        long lastRecording = idFrom(upload(captureName(last), capture));
        assertThat(status(last, lastRecording)).isEqualTo(200);

        // licences are installed per PBX: the operator's number is the default of each, this PBX's counted alone
        JsonObject before = json(getText("/api/v1/licences?pbx=" + VerbatimServer.PBX, admin()).body());
        assertThat(before.containsKey("installed")).as("not enforced until installed").isFalse();
        int assigned = before.getInt("assigned");
        assertThat(before.getInt("held")).isEqualTo(assigned);

        JsonObject settings = json(putJson("/api/v1/settings", "{\"licences\":" + (assigned - 1) + "}", admin()).body());
        assertThat(settings.getInt("licences")).isEqualTo(assigned - 1);
        JsonObject after = json(getText("/api/v1/licences?pbx=" + VerbatimServer.PBX, admin()).body());
        assertThat(after.getInt("held")).isEqualTo(assigned - 1);
        assertThat(after.getString("warning")).startsWith(assigned + " users are given a recorder licence but " + (assigned - 1) + " are installed");

        assertThat(status(last, lastRecording)).as("the last given holds none: hidden from users").isEqualTo(404);
        assertThat(status(first, firstRecording)).as("first come, first served").isEqualTo(200);
        HttpResponse<String> seenByAdmin = getText("/api/v1/recordings/" + lastRecording, admin());
        assertThat(seenByAdmin.statusCode()).as("kept, and the admin sees it").isEqualTo(200);
        assertThat(json(seenByAdmin.body()).getBoolean("ownerLicensed")).as("flagged").isFalse();
        assertThat(json(getText("/api/v1/recordings/" + firstRecording, admin()).body()).getBoolean("ownerLicensed")).isTrue();
    }

    @Test
    void aLicensedGroupGivesItsMembersALicence() throws Exception {
        String member = "member" + SUFFIX;
        createUser(member, false);
        long recording = idFrom(upload(captureName(member), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        assertThat(status(member, recording)).as("no licence yet").isEqualTo(404);
        HttpResponse<String> group = putJson("/api/v1/groups/licensed" + SUFFIX,
                "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"members\":[\"" + member + "\"],\"licensed\":true}", admin());
        assertThat(group.statusCode()).as(group.body()).isEqualTo(200);
        assertThat(json(group.body()).getBoolean("licensed")).isTrue();
        assertThat(status(member, recording)).as("licensed through the group").isEqualTo(200);
    }

    @Test
    void aBadNumberOfLicencesIsRefused() throws Exception {
        HttpResponse<String> bad = putJson("/api/v1/settings", "{\"licences\":-5}", admin());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).getString("message")).contains("licences must be between 0 and 1000000");
    }
}
