package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access rule through the deployed EAR: users, groups and app objects created over REST, then each person asks
 * for the same recordings. Denied reads are 404, as if the recording did not exist.
 */
class AccessRuleIT {

    static final String PASSWORD = "correct horse battery";
    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final String OTHER_PBX = "other-" + SUFFIX;

    static String ann = "ann" + SUFFIX;       // owner, number 71<suffix>
    static String ben = "ben" + SUFFIX;       // on app object "team", whose access list holds ann's number
    static String sue = "sue" + SUFFIX;       // supervisor of the group ann is in
    static String ed = "ed" + SUFFIX;         // unrelated
    static String mo = "mo" + SUFFIX;         // on app object "watched", which has a monitor (4-eyes)
    static String lu = "lu" + SUFFIX;         // owner without a recorder licence
    static String oa = "oa" + SUFFIX;         // administrator of another PBX
    static String annNumber = "71" + SUFFIX;
    static long annRecording;
    static long benRecording;
    static long moRecording;
    static long luRecording;

    @BeforeAll
    static void setUp() throws Exception {
        createUser(ann, "USER", VerbatimServer.PBX, true, "[\"" + annNumber + "\"]");
        createUser(ben, "USER", VerbatimServer.PBX, true, "[]");
        createUser(sue, "SUPERVISOR", VerbatimServer.PBX, true, "[]");
        createUser(ed, "USER", VerbatimServer.PBX, true, "[]");
        createUser(mo, "USER", VerbatimServer.PBX, true, "[]");
        createUser(lu, "USER", VerbatimServer.PBX, false, "[]");
        createUser(oa, "ADMIN", OTHER_PBX, true, "[]");
        ok(putJson("/api/v1/groups/sales" + SUFFIX, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"members\":[\"" + ann + "\"],\"managers\":[\"" + sue + "\"]}", admin()));
        ok(putJson("/api/v1/app-objects/team" + SUFFIX,
                "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"members\":[\"" + ben + "\"],\"accessList\":[\"" + annNumber + "\"],\"deletionMode\":\"RECOVERABLE\"}", admin()));
        ok(putJson("/api/v1/app-objects/watched" + SUFFIX,
                "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"members\":[\"" + mo + "\"],\"accessList\":[\"" + ann + "\"],\"monitor\":\"" + sue + "\"}", admin()));

        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        annRecording = idFrom(upload(captureName(ann), capture));
        benRecording = idFrom(upload(captureName(ben), capture));
        moRecording = idFrom(upload(captureName(mo), capture));
        luRecording = idFrom(upload(captureName(lu), capture));
        for (long id : new long[]{annRecording, benRecording, moRecording, luRecording}) {
            awaitConverted(id);
        }
    }

    static void createUser(String username, String role, String pbx, boolean licensed, String numbers) throws Exception {
        HttpResponse<String> created = postJson("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\",\"pbx\":\"" + pbx + "\",\"licensed\":" + licensed + ",\"numbers\":" + numbers
                + ",\"displayName\":\"" + username + " Example\"}", admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/users/" + username));
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("password");
    }

    static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static String as(String username) {
        return basic(username, PASSWORD);
    }

    /** Which of the given recordings a person finds by search, and which they can open. */
    static Set<Long> visible(String authorization, long... ids) throws Exception {
        Set<Long> listed = new HashSet<>();
        json(getText("/api/v1/recordings?limit=500", authorization).body()).getJsonArray("items")
                .forEach(item -> listed.add(item.asJsonObject().getJsonNumber("id").longValue()));
        Set<Long> seen = new HashSet<>();
        for (long id : ids) {
            int status = getText("/api/v1/recordings/" + id, authorization).statusCode();
            int audio = VerbatimServer.getBytes("/api/v1/recordings/" + id + "/audio", authorization).statusCode();
            assertThat(status).as("recording %d", id).isIn(200, 404);
            assertThat(audio).as("audio of recording %d answers as its metadata does", id).isEqualTo(status);
            assertThat(listed.contains(id)).as("search and direct read agree on recording %d", id).isEqualTo(status == 200);
            if (status == 200) {
                seen.add(id);
            }
        }
        return seen;
    }

    @Test
    void eachPersonSeesExactlyWhatTheRuleAllows() throws Exception {
        long[] all = {annRecording, benRecording, moRecording, luRecording};
        assertThat(visible(as(ann), all)).as("owner").containsExactly(annRecording);
        assertThat(visible(as(ben), all)).as("access list holds the owner's number").containsExactlyInAnyOrder(annRecording, benRecording);
        assertThat(visible(as(sue), all)).as("supervisor of the owner's group").containsExactly(annRecording);
        assertThat(visible(as(ed), all)).as("unrelated user").isEmpty();
        assertThat(visible(as(mo), all)).as("4-eyes without a grant: nothing, not even their own").isEmpty();
        assertThat(visible(as(lu), all)).as("unlicensed owner").isEmpty();
        assertThat(visible(as(oa), all)).as("administrator of another PBX").isEmpty();
        assertThat(visible(admin(), all)).as("the operator").containsExactlyInAnyOrder(annRecording, benRecording, moRecording, luRecording);
    }

    /** An access list names users of the app object's PBX or numbers: a typo or another PBX's user is refused, not saved. */
    @Test
    void anAccessListNamesUsersOfItsPbxOrNumbers() throws Exception {
        String path = "/api/v1/app-objects/listed" + SUFFIX;
        HttpResponse<String> typo = putJson(path, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"accessList\":[\"" + ann + "x\"]}", admin());
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo.body()).getString("message"))
                .isEqualTo("access list entry '" + ann + "x' is neither a user of PBX " + VerbatimServer.PBX + " nor a number");
        HttpResponse<String> stranger = putJson(path, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"accessList\":[\"" + oa + "\"]}", admin());
        assertThat(stranger.statusCode()).as("another PBX's user").isEqualTo(400);
        assertThat(VerbatimServer.getText(path, admin()).statusCode()).as("nothing saved").isEqualTo(404);
        HttpResponse<String> fine = putJson(path, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"accessList\":[\"" + ann
                + "\",\"+49 (89) 123-456\",\"204\"]}", admin());
        assertThat(fine.statusCode()).as(fine.body()).isBetween(200, 201);
        assertThat(json(fine.body()).getJsonArray("accessList")).hasSize(3);
    }

    @Test
    void onlyMeHidesARecordingFromAllButItsOwnerAndAdministrators() throws Exception {
        HttpResponse<String> notAllowed = VerbatimServer.send("PUT", "/api/v1/recordings/" + annRecording + "/only-me", "", "text/plain", as(ann));
        assertThat(notAllowed.statusCode()).isEqualTo(403);
        assertThat(json(notAllowed.body()).getString("message")).contains("not allowed here");
        ok(putJson("/api/v1/settings", "{\"onlyMeAllowed\":true}", admin()));
        try {
            HttpResponse<String> byOther = VerbatimServer.send("PUT", "/api/v1/recordings/" + annRecording + "/only-me", "", "text/plain", as(ben));
            assertThat(byOther.statusCode()).as("ben sees it, but it is not his").isEqualTo(403);
            HttpResponse<String> marked = VerbatimServer.send("PUT", "/api/v1/recordings/" + annRecording + "/only-me", "", "text/plain", as(ann));
            assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
            assertThat(json(marked.body()).getBoolean("onlyMe")).isTrue();
            long[] all = {annRecording, benRecording, moRecording, luRecording};
            assertThat(visible(as(ann), all)).containsExactly(annRecording);
            assertThat(visible(as(ben), all)).as("access list no longer reaches it").containsExactly(benRecording);
            assertThat(visible(as(sue), all)).as("nor the supervisor").isEmpty();
            assertThat(visible(admin(), all)).contains(annRecording);
            assertThat(VerbatimServer.delete("/api/v1/recordings/" + annRecording + "/only-me", as(ann)).statusCode()).isEqualTo(200);
            assertThat(visible(as(ben), all)).containsExactlyInAnyOrder(annRecording, benRecording);
        } finally {
            ok(putJson("/api/v1/settings", "{\"onlyMeAllowed\":false}", admin()));
        }
    }

    @Test
    void anAdministratorAssignsAnUnassignedRecordingAndEveryOtherFromTheSameExtension() throws Exception {
        String extension = "ext" + SUFFIX; // no user is registered for it
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        long first = idFrom(upload(captureName(extension), capture));
        long second = idFrom(upload(captureName(extension), capture));
        // some still converting as they are assigned: a conversion finishing then must not undo the assignment
        long[] converting = new long[4];
        for (int i = 0; i < converting.length; i++) {
            converting[i] = idFrom(upload(captureName(extension), capture));
        }
        Set<Long> unassigned = new HashSet<>();
        json(getText("/api/v1/recordings?unassigned=true&limit=500", admin()).body()).getJsonArray("items")
                .forEach(item -> unassigned.add(item.asJsonObject().getJsonNumber("id").longValue()));
        assertThat(unassigned).contains(first, second).doesNotContain(annRecording);

        HttpResponse<String> unknown = putJson("/api/v1/recordings/" + first + "/owner", "{\"username\":\"nobody" + SUFFIX + "\"}", admin());
        assertThat(unknown.statusCode()).isEqualTo(400);
        HttpResponse<String> assigned = putJson("/api/v1/recordings/" + first + "/owner",
                "{\"username\":\"" + ed + "\",\"sameCaptureUser\":true}", admin());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(json(assigned.body()).getString("owner")).isEqualTo(ed);
        assertThat(json(assigned.body()).getString("captureUser")).isEqualTo(extension);
        assertThat(visible(as(ed), first, second)).as("both from that extension").containsExactlyInAnyOrder(first, second);
        for (long id : converting) {
            JsonObject converted = VerbatimServer.awaitConverted(id);
            assertThat(converted.getString("state")).isEqualTo("READY");
            assertThat(converted.getString("owner")).as("recording %d, converting as it was assigned", id).isEqualTo(ed);
        }
        long later = idFrom(upload(captureName(extension), capture));
        assertThat(json(getText("/api/v1/recordings/" + later, admin()).body()).getString("owner")).as("and those to come").isEqualTo(ed);
    }

    @Test
    void deniedReadsAnswerAsIfTheRecordingDidNotExist() throws Exception {
        HttpResponse<String> denied = getText("/api/v1/recordings/" + annRecording, as(ed));
        HttpResponse<String> missing = getText("/api/v1/recordings/987654321", as(ed));
        assertThat(denied.statusCode()).isEqualTo(404);
        assertThat(json(denied.body()).getString("message")).isEqualTo("no recording " + annRecording);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsManageTheDirectory() throws Exception {
        for (String path : new String[]{"/api/v1/users", "/api/v1/groups", "/api/v1/app-objects"}) {
            assertThat(getText(path, as(sue)).statusCode()).as("supervisor on %s", path).isEqualTo(403);
            assertThat(getText(path, as(ann)).statusCode()).as("user on %s", path).isEqualTo(403);
            assertThat(getText(path, null).statusCode()).as("nobody on %s", path).isEqualTo(401);
            assertThat(getText(path, admin()).statusCode()).as("operator on %s", path).isEqualTo(200);
        }
        assertThat(putJson("/api/v1/users/" + ed, "{\"role\":\"ADMIN\"}", as(ed)).statusCode()).isEqualTo(403);
    }

    @Test
    void anotherPbxsAdministratorSeesOnlyTheirOwnTenant() throws Exception {
        JsonObject users = json("{\"u\":" + getText("/api/v1/users", as(oa)).body() + "}");
        assertThat(users.getJsonArray("u")).extracting(u -> u.asJsonObject().getString("username")).containsExactly(oa);
        assertThat(getText("/api/v1/users/" + ann, as(oa)).statusCode()).isEqualTo(404);
        HttpResponse<String> foreign = postJson("/api/v1/users", "{\"username\":\"x" + SUFFIX + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"USER\",\"pbx\":\"" + VerbatimServer.PBX + "\"}", as(oa));
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void theOperatorSeesEveryPbxAndRegistersItsDomain() throws Exception {
        HttpResponse<String> saved = putJson("/api/v1/tenants/" + OTHER_PBX, "{\"domain\":\"other.example.com\"}", admin());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved.body()).getString("domain")).isEqualTo("other.example.com");
        assertThat(json(saved.body()).getInt("users")).isEqualTo(1);
        JsonObject all = json("{\"t\":" + getText("/api/v1/tenants", admin()).body() + "}");
        JsonObject here = all.getJsonArray("t").stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("name").equals(VerbatimServer.PBX)).findFirst().orElseThrow();
        assertThat(here.getJsonNumber("recordings").longValue()).isGreaterThanOrEqualTo(4);
        assertThat(getText("/api/v1/tenants", as(oa)).statusCode()).as("a PBX's own administrator").isEqualTo(403);
        assertThat(putJson("/api/v1/tenants/bad%20name", "{}", admin()).statusCode()).isEqualTo(400);
    }

    @Test
    void badUserDataGetsClearErrors() throws Exception {
        HttpResponse<String> noPassword = postJson("/api/v1/users", "{\"username\":\"np" + SUFFIX + "\",\"role\":\"USER\"}", admin());
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(json(noPassword.body()).getString("message")).isEqualTo("password is required");

        HttpResponse<String> shortPassword = postJson("/api/v1/users",
                "{\"username\":\"sp" + SUFFIX + "\",\"role\":\"USER\",\"password\":\"short\"}", admin());
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(json(shortPassword.body()).getString("message")).contains("at least 8 characters");

        HttpResponse<String> taken = postJson("/api/v1/users",
                "{\"username\":\"" + ann + "\",\"role\":\"USER\",\"password\":\"" + PASSWORD + "\"}", admin());
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken.body()).getString("message")).isEqualTo("username " + ann + " is taken");

        HttpResponse<String> badNumber = putJson("/api/v1/users/" + ed, "{\"numbers\":[\"12a\"]}", admin());
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(json(badNumber.body()).getString("message")).contains("numbers hold digits");

        HttpResponse<String> badZone = putJson("/api/v1/users/" + ed, "{\"timezone\":\"Mars/Olympus\"}", admin());
        assertThat(badZone.statusCode()).isEqualTo(400);

        HttpResponse<String> notSupervisor = putJson("/api/v1/groups/g" + SUFFIX, "{\"pbx\":\"" + VerbatimServer.PBX + "\",\"managers\":[\"" + ed + "\"]}", admin());
        assertThat(notSupervisor.statusCode()).isEqualTo(400);
        assertThat(json(notSupervisor.body()).getString("message")).contains("not a supervisor");

        HttpResponse<String> unknownMember = putJson("/api/v1/app-objects/a" + SUFFIX, "{\"members\":[\"nobody" + SUFFIX + "\"]}", admin());
        assertThat(unknownMember.statusCode()).isEqualTo(400);
        assertThat(json(unknownMember.body()).getString("message")).contains("no user nobody" + SUFFIX);
    }

    @Test
    void aCsvImportKeepsTheGoodLinesAndSaysWhatIsWrongWithTheOthers() throws Exception {
        String csv = "username,password,role,displayName,numbers,email,licensed,pbx\n"
                + "csv1" + SUFFIX + "," + PASSWORD + ",USER,First Import,301;302,one@example.com,yes," + VerbatimServer.PBX + "\n"
                + "csv2" + SUFFIX + ",short,USER,,,,," + VerbatimServer.PBX + "\n"
                + "csv3" + SUFFIX + "," + PASSWORD + ",CAPTAIN,,,,," + VerbatimServer.PBX + "\n"
                + ann + "," + PASSWORD + ",USER,,,,," + VerbatimServer.PBX + "\n"
                + "\"csv4" + SUFFIX + "\",\"" + PASSWORD + "\",supervisor,\"Fourth, Imported\",,,no," + VerbatimServer.PBX + "\n";
        HttpResponse<String> response = VerbatimServer.send("POST", "/api/v1/users/import", csv, "text/csv", admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject report = json(response.body());
        assertThat(report.getInt("created")).isEqualTo(2);
        assertThat(report.getJsonArray("refused")).hasSize(3);
        JsonObject shortPassword = report.getJsonArray("refused").getJsonObject(0);
        assertThat(shortPassword.getInt("line")).isEqualTo(3);
        assertThat(shortPassword.getString("username")).isEqualTo("csv2" + SUFFIX);
        assertThat(shortPassword.getString("reason")).contains("at least 8 characters");
        assertThat(report.getJsonArray("refused").getJsonObject(1).getString("reason")).contains("CAPTAIN");
        assertThat(report.getJsonArray("refused").getJsonObject(2).getString("reason")).isEqualTo("username " + ann + " is taken");

        JsonObject first = json(getText("/api/v1/users/csv1" + SUFFIX, admin()).body());
        assertThat(first.getString("displayName")).isEqualTo("First Import");
        assertThat(first.getJsonArray("numbers")).extracting(Object::toString).containsExactly("\"301\"", "\"302\"");
        assertThat(first.getBoolean("licensed")).isTrue();
        JsonObject fourth = json(getText("/api/v1/users/csv4" + SUFFIX, admin()).body());
        assertThat(fourth.getString("role")).isEqualTo("SUPERVISOR");
        assertThat(fourth.getString("displayName")).isEqualTo("Fourth, Imported");
        assertThat(getText("/api/v1/users/csv2" + SUFFIX, admin()).statusCode()).isEqualTo(404);

        HttpResponse<String> noHeader = VerbatimServer.send("POST", "/api/v1/users/import", "name,secret\nx,y\n", "text/csv", admin());
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(json(noHeader.body()).getString("message")).contains("header must name username, password and role");
    }

    @Test
    void aDeactivatedUserCannotSignInAndAChangedOneKeepsTheirData() throws Exception {
        String gone = "gone" + SUFFIX;
        createUser(gone, "USER", VerbatimServer.PBX, true, "[]");
        assertThat(getText("/api/v1/recordings", as(gone)).statusCode()).isEqualTo(200);
        JsonObject deactivated = json(VerbatimServer.delete("/api/v1/users/" + gone, admin()).body());
        assertThat(deactivated.getBoolean("active")).isFalse();
        assertThat(getText("/api/v1/recordings", as(gone)).statusCode()).isEqualTo(401);

        JsonObject changed = json(putJson("/api/v1/users/" + ed, "{\"email\":\"ed@example.com\",\"timezone\":\"Europe/Berlin\"}", admin()).body());
        assertThat(changed.getString("email")).isEqualTo("ed@example.com");
        assertThat(changed.getString("timezone")).isEqualTo("Europe/Berlin");
        assertThat(changed.getString("role")).isEqualTo("USER");
        assertThat(changed.getString("displayName")).isEqualTo(ed + " Example");
    }
}
