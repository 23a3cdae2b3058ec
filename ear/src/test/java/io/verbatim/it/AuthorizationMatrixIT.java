package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every REST endpoint and every page, asked by each kind of person, against the deployed EAR: allowed (2xx, a page
 * shown) or denied (401 without credentials; 403 for a role that may not; 404 for a recording or entry they may not
 * see). The endpoints come from the live OpenAPI document and the pages from the web module's sources: one without a
 * row here fails the test. It is the tenant-isolation matrix too: another PBX's administrator, supervisor and user
 * ask every endpoint about this PBX's objects (recording, original, quarantined upload, users, groups, app objects,
 * tokens, settings, jobs, exports, action log) and are refused, or shown their own only: no 2xx answer to them names
 * this PBX or any of its people.
 */
@ResourceLock(MailIT.MAIL_SETTINGS) // expects no mail server set (the test mail's row)
class AuthorizationMatrixIT {

    /** People of this PBX, the operator (ADMIN), and another PBX's administrator, supervisor and user. */
    enum Person { OWNER, ACCESS_LIST, SUPERVISOR, UNRELATED, OTHER_ADMIN, OTHER_SUPERVISOR, OTHER_USER, ADMIN, COMPLIANCE, NOBODY;

        boolean ofAnotherPbx() {
            return name().startsWith("OTHER_");
        }
    }

    static final String PASSWORD = "correct horse battery";
    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    static final String PBX = VerbatimServer.PBX;
    static final String SITES = "matrix-sites-" + SUFFIX;
    static final Map<Person, String> USERNAMES = new LinkedHashMap<>();
    static final AtomicInteger UNIQUE = new AtomicInteger();
    static final Set<Person> EVERYONE = EnumSet.complementOf(EnumSet.of(Person.NOBODY));
    static final Set<Person> ADMINS = EnumSet.of(Person.ADMIN, Person.OTHER_ADMIN);
    static final Set<Person> OFFICERS = EnumSet.of(Person.ADMIN, Person.OTHER_ADMIN, Person.COMPLIANCE);
    static final Set<Person> SEE_OWNERS_RECORDING = EnumSet.of(Person.OWNER, Person.ACCESS_LIST, Person.SUPERVISOR, Person.ADMIN);

    static long recording;
    static long quarantined;
    static final Map<Person, Long> TOKENS = new LinkedHashMap<>();

    /** One cell row: a request, and who may make it. {@code {u}} in a path or body becomes a fresh number per request. */
    record Row(String method, String path, String body, Set<Person> allowed, int allowedStatus) {

        /** A request the allowed answer with success (2xx). */
        Row(String method, String path, String body, Set<Person> allowed) {
            this(method, path, body, allowed, 0);
        }

        /** As the OpenAPI document names it: our per-cell placeholders stand for its path parameters. */
        String key() {
            return method + " " + path.replaceAll("\\?.*", "").replace("{fresh}", "{id}").replace("{binned}", "{id}")
                    .replace("{note}", "{noteId}").replace("{run}", "{executionId}").replace("/recycle-purge/", "/{job}/")
                    .replace("{export}", "{id}").replace("{alarm}", "{id}").replace("{device}", "{id}")
                    .replace("{webhook}", "{id}").replace("{webhookDelivery}", "{deliveryId}")
                    .replace("{exportTarget}", "{id}").replace("{share}", "{shareId}").replace("{mailRule}", "{id}");
        }
    }

    static List<Row> rows() {
        String owner = USERNAMES.get(Person.OWNER);
        return List.of(
                new Row("GET", "/api/v1/recordings", null, EVERYONE),
                new Row("GET", "/api/v1/recordings/{id}", null, SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/recordings/{id}/audio", null, SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/recordings/{id}/waveform", null, SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/recordings/{id}/original", null, SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/recordings/{id}/download", null, SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/recordings/download?id={id}", null, SEE_OWNERS_RECORDING),
                new Row("POST", "/api/v1/recordings/bulk", "{\"action\":\"UNPROTECT\",\"ids\":[{id}]}", SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/recordings/{id}/seal", null, SEE_OWNERS_RECORDING),
                new Row("HEAD", "/api/v1/recordings/{id}/audio", null, SEE_OWNERS_RECORDING),
                new Row("HEAD", "/api/v1/recordings/{id}/download", null, SEE_OWNERS_RECORDING),
                new Row("HEAD", "/api/v1/recordings/{id}/original", null, SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/seal/public-key", null, EVERYONE),
                // shares: whoever may hear it sees theirs; the suite's server has no mail server here (MailIT sets one under
                // the lock this class shares), so a share is refused (502: nothing is shared when its mail does not go)
                // once the recording is found, and there is none to revoke; MailIT shares, plays and revokes
                new Row("GET", "/api/v1/recordings/{id}/shares", null, SEE_OWNERS_RECORDING),
                new Row("POST", "/api/v1/recordings/{id}/shares", "{\"email\":\"m{u}@example.com\"}", SEE_OWNERS_RECORDING, 502),
                new Row("DELETE", "/api/v1/recordings/{id}/shares/{share}", null, SEE_OWNERS_RECORDING, 404),
                // a share's audio: no sign-in, its token is the credential; a token of no share is nobody's
                new Row("GET", "/api/v1/shared/{token}/audio", null, EnumSet.allOf(Person.class), 404),
                // mail rules: everyone keeps their own (refused here, naming the field: the matrix's people have no mail
                // address, and an administrator must name a recipient); none exist to read or remove
                new Row("GET", "/api/v1/mail-rules", null, EVERYONE),
                new Row("POST", "/api/v1/mail-rules", "{}", EVERYONE, 400),
                new Row("GET", "/api/v1/mail-rules/{mailRule}", null, EVERYONE, 404),
                new Row("DELETE", "/api/v1/mail-rules/{mailRule}", null, EVERYONE, 404),
                new Row("GET", "/api/v1/mail-rules/{mailRule}/deliveries", null, EVERYONE, 404),
                // the owner's choice (allowed in setUp); lifted again by the next row, so later rows see as before
                new Row("PUT", "/api/v1/recordings/{id}/only-me", null, EnumSet.of(Person.OWNER)),
                new Row("DELETE", "/api/v1/recordings/{id}/only-me", null, EnumSet.of(Person.OWNER, Person.ADMIN)),
                new Row("PUT", "/api/v1/recordings/{id}/owner", "{\"username\":\"" + owner + "\"}", EnumSet.of(Person.ADMIN)),
                new Row("PUT", "/api/v1/recordings/{id}/protection", null, SEE_OWNERS_RECORDING),
                new Row("DELETE", "/api/v1/recordings/{id}/protection", null, SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/recordings/{id}/notes", null, SEE_OWNERS_RECORDING),
                new Row("POST", "/api/v1/recordings/{id}/notes", "{\"text\":\"matrix\"}", SEE_OWNERS_RECORDING),
                new Row("PUT", "/api/v1/recordings/{id}/notes/{note}", "{\"text\":\"matrix, edited\"}", EnumSet.of(Person.OWNER)),
                // deletion: a fresh recording per cell (moved to the recycle bin when allowed)
                new Row("DELETE", "/api/v1/recordings/{fresh}", null, SEE_OWNERS_RECORDING),
                new Row("GET", "/api/v1/recycle-bin", null, ADMINS),
                new Row("POST", "/api/v1/recycle-bin/{binned}/restore", null, EnumSet.of(Person.ADMIN)),
                new Row("DELETE", "/api/v1/recycle-bin/{binned}", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/jobs", null, ADMINS),
                new Row("GET", "/api/v1/jobs/conversion-queue", null, ADMINS),
                // {run} is the operator's (all PBXs): another PBX's administrator is not shown it
                new Row("GET", "/api/v1/jobs/runs/{run}", null, EnumSet.of(Person.ADMIN)),
                // recycle-purge with the default 30 days: deletes nothing the other rows use
                new Row("POST", "/api/v1/jobs/recycle-purge/runs", null, ADMINS),
                // a finished run: administrators pass, and are told it is not running, or neither failed nor stopped
                new Row("POST", "/api/v1/jobs/runs/{run}/stop", null, EnumSet.of(Person.ADMIN), 400),
                new Row("POST", "/api/v1/jobs/runs/{run}/restart", null, EnumSet.of(Person.ADMIN), 400),
                // backups hold every PBX's recordings: the operator's; the suite's server has no backup folder
                new Row("GET", "/api/v1/backups", null, EnumSet.of(Person.ADMIN)),
                new Row("POST", "/api/v1/backups?kind=full", null, EnumSet.of(Person.ADMIN), 409),
                // importing reads the server's disk: the operator's; no such folder, which only the operator is told
                new Row("POST", "/api/v1/imports", "{\"folder\":\"none-{u}\",\"pbx\":\"" + PBX + "\"}", EnumSet.of(Person.ADMIN), 400),
                new Row("GET", "/api/v1/action-log", null, OFFICERS),
                new Row("GET", "/api/v1/action-log/verification", null, OFFICERS),
                new Row("POST", "/api/v1/action-log/exports", "{\"actions\":[\"verify\"]}", OFFICERS),
                // the operator's export (all tenants): seen by the operator only
                new Row("GET", "/api/v1/action-log/exports/{export}", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/action-log/exports/{export}/file", null, EnumSet.of(Person.ADMIN)),
                // after the rows reading it: the operator deletes its file
                new Row("DELETE", "/api/v1/action-log/exports/{export}", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/settings", null, ADMINS),
                new Row("PUT", "/api/v1/settings", "{}", ADMINS),
                // the other PBX's own settings dropped: by its administrator, or the operator naming it
                new Row("DELETE", "/api/v1/settings?pbx=elsewhere-" + SUFFIX, null, ADMINS),
                // alarm mail is the operator's; no SMTP server is set on the suite's server, which the operator is told
                new Row("POST", "/api/v1/settings/test-mail", null, EnumSet.of(Person.ADMIN), 409),
                // alarms are the operator's; {alarm} is none, which only the operator is told
                new Row("GET", "/api/v1/alarms", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/alarms/{alarm}", null, EnumSet.of(Person.ADMIN), 404),
                new Row("POST", "/api/v1/alarms/{alarm}/acknowledgement", null, EnumSet.of(Person.ADMIN), 404),
                new Row("GET", "/api/v1/quarantine", null, ADMINS),
                // refused by this PBX: another PBX's administrator lists its own only, and is not shown this one
                new Row("GET", "/api/v1/quarantine/{id}/original", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/users", null, ADMINS),
                new Row("POST", "/api/v1/users", "{\"username\":\"new{u}\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\",\"pbx\":\"" + PBX + "\"}",
                        EnumSet.of(Person.ADMIN)),
                // any administrator may import; another PBX's gets its lines refused (AccessRuleIT checks the report)
                new Row("POST", "/api/v1/users/import", "username,password,role,pbx\nimp{u}," + PASSWORD + ",USER," + PBX + "\n", ADMINS),
                new Row("GET", "/api/v1/users/{username}", null, EnumSet.of(Person.ADMIN)),
                new Row("PUT", "/api/v1/users/{username}", "{\"displayName\":\"Owner\"}", EnumSet.of(Person.ADMIN)),
                new Row("DELETE", "/api/v1/users/{username}", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/groups", null, ADMINS),
                new Row("GET", "/api/v1/groups/{name}", null, EnumSet.of(Person.ADMIN)),
                new Row("PUT", "/api/v1/groups/{name}", "{\"pbx\":\"" + PBX + "\"}", EnumSet.of(Person.ADMIN)),
                new Row("DELETE", "/api/v1/groups/{name}", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/app-objects", null, ADMINS),
                new Row("GET", "/api/v1/app-objects/{name}", null, EnumSet.of(Person.ADMIN)),
                new Row("PUT", "/api/v1/app-objects/{name}", "{\"pbx\":\"" + PBX + "\"}", EnumSet.of(Person.ADMIN)),
                new Row("DELETE", "/api/v1/app-objects/{name}", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/licences", null, ADMINS),
                new Row("GET", "/api/v1/tenants", null, EnumSet.of(Person.ADMIN)),
                new Row("PUT", "/api/v1/tenants/{name}", "{\"domain\":\"pbx.example.com\"}", EnumSet.of(Person.ADMIN)),
                // device credentials per site are made on a third PBX: on this one they would shut out the matrix's uploads
                new Row("GET", "/api/v1/device-credentials?pbx=" + SITES, null, EnumSet.of(Person.ADMIN)),
                new Row("POST", "/api/v1/device-credentials?pbx=" + SITES, "{\"site\":\"Matrix\",\"user\":\"m{u}\",\"password\":\""
                        + PASSWORD + "\"}", EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/device-credentials/{device}", null, EnumSet.of(Person.ADMIN)),
                new Row("DELETE", "/api/v1/device-credentials/{device}", null, EnumSet.of(Person.ADMIN)),
                // webhooks, likewise on the third PBX (its events are none: nothing is recorded there); their receiver
                // is a closed port, and fresh ones are made per cell
                new Row("GET", "/api/v1/webhooks", null, ADMINS),
                new Row("POST", "/api/v1/webhooks?pbx=" + SITES, "{\"url\":\"http://127.0.0.1:9/m{u}\",\"events\":[\"recording.ready\"]}",
                        EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/webhooks/{webhook}", null, EnumSet.of(Person.ADMIN)),
                new Row("DELETE", "/api/v1/webhooks/{webhook}", null, EnumSet.of(Person.ADMIN)),
                new Row("POST", "/api/v1/webhooks/{webhook}/enable", null, EnumSet.of(Person.ADMIN)),
                new Row("POST", "/api/v1/webhooks/{webhook}/test", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/webhooks/{webhook}/deliveries", null, EnumSet.of(Person.ADMIN)),
                new Row("POST", "/api/v1/webhooks/{webhook}/deliveries/{webhookDelivery}/replay", null, EnumSet.of(Person.ADMIN)),
                // export targets, likewise on the third PBX (nothing is recorded there: a run exports nothing); their
                // bucket is a closed port, and fresh ones are made per cell
                new Row("GET", "/api/v1/export-targets", null, ADMINS),
                new Row("POST", "/api/v1/export-targets?pbx=" + SITES, EXPORT_TARGET, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/export-targets/{exportTarget}", null, EnumSet.of(Person.ADMIN)),
                new Row("DELETE", "/api/v1/export-targets/{exportTarget}", null, EnumSet.of(Person.ADMIN)),
                new Row("POST", "/api/v1/export-targets/{exportTarget}/runs", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/export-targets/{exportTarget}/exported", null, EnumSet.of(Person.ADMIN)),
                new Row("GET", "/api/v1/tokens", null, EVERYONE),
                new Row("POST", "/api/v1/tokens", "{\"name\":\"matrix\"}", EVERYONE),
                new Row("DELETE", "/api/v1/tokens/{id}", null, EnumSet.of(Person.OWNER, Person.ADMIN)),
                new Row("POST", "/api/v1/call-records", "{\"callId\":\"m{u}\",\"pbx\":\"" + PBX + "\",\"direction\":\"INBOUND\"}",
                        EnumSet.of(Person.ADMIN)),
                // each administrator gets their own PBX's refused CDRs (InnovaphoneCdrIT checks which)
                new Row("GET", "/api/v1/call-records/refused", null, ADMINS),
                new Row("GET", "/app/recordings.xhtml", null, EVERYONE),
                new Row("GET", "/app/admin/users.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/groups.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/app-objects.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/recycle-bin.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/settings.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/jobs.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/health.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/tenants.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/unassigned.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/webhooks.xhtml", null, ADMINS),
                new Row("GET", "/app/admin/exports.xhtml", null, ADMINS),
                new Row("GET", "/app/compliance/action-log.xhtml", null, OFFICERS),
                new Row("GET", "/app/monitor.xhtml", null, EVERYONE),
                new Row("GET", "/app/mail.xhtml", null, EVERYONE),
                // a share's page: for whoever holds a link (this one opens nothing, and says so)
                new Row("GET", "/share.xhtml", null, EnumSet.allOf(Person.class)),
                new Row("GET", "/login.xhtml", null, EnumSet.allOf(Person.class)));
    }

    @BeforeAll
    static void setUp() throws Exception {
        Map<Person, String> roles = Map.of(Person.OWNER, "USER", Person.ACCESS_LIST, "USER", Person.SUPERVISOR, "SUPERVISOR",
                Person.UNRELATED, "USER", Person.OTHER_ADMIN, "ADMIN", Person.OTHER_SUPERVISOR, "SUPERVISOR", Person.OTHER_USER, "USER",
                Person.COMPLIANCE, "COMPLIANCE");
        for (Person p : Person.values()) {
            if (p == Person.ADMIN || p == Person.NOBODY) {
                continue;
            }
            String username = p.name().toLowerCase().replace("_", "") + SUFFIX;
            String pbx = p.ofAnotherPbx() ? "elsewhere-" + SUFFIX : PBX;
            HttpResponse<String> created = postJson("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                    + "\",\"role\":\"" + roles.get(p) + "\",\"pbx\":\"" + pbx + "\",\"licensed\":true}", admin());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            USERNAMES.put(p, username);
        }
        USERNAMES.put(Person.ADMIN, VerbatimServer.ADMIN);
        String owner = USERNAMES.get(Person.OWNER);
        ok(putJson("/api/v1/groups/team" + SUFFIX, "{\"pbx\":\"" + PBX + "\",\"members\":[\"" + owner + "\"],\"managers\":[\""
                + USERNAMES.get(Person.SUPERVISOR) + "\"]}", admin()));
        ok(putJson("/api/v1/app-objects/view" + SUFFIX, "{\"pbx\":\"" + PBX + "\",\"members\":[\"" + USERNAMES.get(Person.ACCESS_LIST)
                + "\"],\"accessList\":[\"" + owner + "\"]}", admin()));
        ok(putJson("/api/v1/settings", "{\"onlyMeAllowed\":true}", admin()));
        recording = idFrom(upload(captureName(owner), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"))));
        VerbatimServer.awaitConverted(recording);
        HttpResponse<String> refused = upload(captureName(owner), "not a capture".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        quarantined = json(VerbatimServer.getText("/api/v1/quarantine?limit=1", admin()).body())
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    @AfterAll
    static void onlyMeAsBefore() throws Exception {
        ok(putJson("/api/v1/settings", "{\"onlyMeAllowed\":false}", admin()));
    }

    static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void everyEndpointAndEveryPageHasARow() throws Exception {
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.key()));
        Set<String> exposed = new TreeSet<>();
        JsonObject paths = json(VerbatimServer.getText("/openapi?format=JSON", null).body()).getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                if (Set.of("get", "head", "put", "post", "delete", "patch").contains(method)) {
                    exposed.add(method.toUpperCase() + " " + path);
                }
            }
        }
        Path webapp = Path.of(System.getProperty("verbatim.webapp", "../web/src/main/webapp"));
        try (Stream<Path> files = Files.walk(webapp)) {
            files.filter(f -> f.toString().endsWith(".xhtml") && !webapp.relativize(f).startsWith("WEB-INF"))
                    .forEach(f -> exposed.add("GET /" + webapp.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(exposed).as("endpoints and pages without a row in the matrix").isSubsetOf(covered);
        assertThat(covered).as("rows for endpoints or pages that do not exist").isSubsetOf(exposed);
    }

    @TestFactory
    Stream<DynamicTest> eachPersonIsAllowedOrDeniedAsTheRuleSays() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : rows()) {
            // people allowed last, so a deletion that succeeds does not change the answer for the others
            List<Person> order = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(row.allowed().isEmpty() ? EnumSet.noneOf(Person.class) : row.allowed())));
            order.addAll(row.allowed());
            for (Person person : order) {
                cells.add(DynamicTest.dynamicTest(row.key() + " as " + person, () -> check(row, person)));
            }
        }
        return cells.stream();
    }

    void check(Row row, Person person) throws Exception {
        String path = row.path().replace("{id}", Long.toString(row.path().startsWith("/api/v1/quarantine") ? quarantined
                        : row.path().startsWith("/api/v1/tokens") ? token(person) : recording))
                .replace("{username}", row.method().equals("DELETE") ? victim() : USERNAMES.get(Person.OWNER))
                .replace("{name}", entryName(row))
                .replace("{u}", SUFFIX + UNIQUE.incrementAndGet())
                .replace("{alarm}", "999999999").replace("{share}", "999999999").replace("{mailRule}", "999999999")
                .replace("{token}", "no-such-share-token")
                .replace("{run}", row.path().contains("{run}") ? Long.toString(jobRun()) : "")
                .replace("{export}", row.path().contains("{export}") ? Long.toString(finishedExport()) : "")
                .replace("{note}", row.path().contains("{note}") ? Long.toString(ownersNote()) : "")
                .replace("{fresh}", row.path().contains("{fresh}") ? Long.toString(freshRecording()) : "")
                .replace("{binned}", row.path().contains("{binned}") ? Long.toString(binnedRecording()) : "")
                .replace("{device}", row.path().contains("{device}") ? Long.toString(siteCredential()) : "");
        if (path.contains("{exportTarget}")) {
            path = path.replace("{exportTarget}", Long.toString(siteExportTarget()));
        }
        if (path.contains("{webhook}")) {
            long webhook = siteWebhook();
            path = path.replace("{webhook}", Long.toString(webhook))
                    .replace("{webhookDelivery}", path.contains("{webhookDelivery}") ? Long.toString(testDelivery(webhook)) : "");
        }
        String body = row.body() == null ? null : row.body().replace("{u}", SUFFIX + UNIQUE.incrementAndGet())
                .replace("{id}", Long.toString(recording));
        HttpResponse<String> answer = path.endsWith(".xhtml") ? null : api(row.method(), path, body, person);
        int status = answer == null ? page(path, person) : answer.statusCode();
        if (answer != null && person.ofAnotherPbx() && status >= 200 && status < 300) {
            // tenant isolation: what another PBX's people are shown names nothing of this PBX
            for (String ours : thisPbxsNames()) {
                assertThat(answer.body()).as("%s %s as %s shows %s of this PBX", row.method(), path, person, ours).doesNotContain(ours);
            }
        }
        if (row.allowed().contains(person) && row.allowedStatus() != 0) {
            assertThat(status).as("%s %s as %s", row.method(), path, person).isEqualTo(row.allowedStatus());
        } else if (row.allowed().contains(person)) {
            assertThat(status).as("%s %s as %s", row.method(), path, person).isBetween(200, 299);
        } else if (person == Person.NOBODY) {
            assertThat(status).as("%s %s without credentials", row.method(), path).isIn(401, 302);
        } else {
            assertThat(status).as("%s %s as %s", row.method(), path, person).isIn(403, 404);
        }
    }

    static byte[] capture() throws Exception {
        return Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
    }

    /** A finished run of recycle-purge: neither running (to stop) nor failed (to restart). */
    static long jobRun() throws Exception {
        if (finishedRun == 0) {
            HttpResponse<String> started = VerbatimServer.send("POST", "/api/v1/jobs/recycle-purge/runs", "", "application/json", admin());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            finishedRun = json(started.body()).getJsonNumber("executionId").longValue();
            for (int i = 0; i < 100 && !json(VerbatimServer.getText("/api/v1/jobs/runs/" + finishedRun, admin()).body())
                    .getString("status").equals("COMPLETED"); i++) {
                Thread.sleep(100);
            }
        }
        return finishedRun;
    }

    static long finishedRun;

    /** Device credentials of a site of the third PBX, made fresh per cell (for withdrawing). */
    static long siteCredential() throws Exception {
        HttpResponse<String> added = postJson("/api/v1/device-credentials?pbx=" + SITES, "{\"site\":\"Matrix\",\"user\":\"d"
                + SUFFIX + UNIQUE.incrementAndGet() + "\",\"password\":\"" + PASSWORD + "\"}", admin());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return json(added.body()).getJsonNumber("id").longValue();
    }

    /** A webhook subscription of the third PBX, made fresh per cell (for removing). */
    static long siteWebhook() throws Exception {
        HttpResponse<String> added = postJson("/api/v1/webhooks?pbx=" + SITES, "{\"url\":\"http://127.0.0.1:9/matrix\","
                + "\"events\":[\"recording.deleted\"]}", admin());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return json(added.body()).getJsonNumber("id").longValue();
    }

    /** An export target of the third PBX: an S3 bucket behind a closed port. */
    static final String EXPORT_TARGET = "{\"name\":\"Matrix\",\"kind\":\"s3\",\"endpoint\":\"http://127.0.0.1:9\",\"location\":\"matrix\","
            + "\"username\":\"k\",\"secretKey\":\"s\"}";

    /** An export target of the third PBX, made fresh per cell (for removing). */
    static long siteExportTarget() throws Exception {
        HttpResponse<String> added = postJson("/api/v1/export-targets?pbx=" + SITES, EXPORT_TARGET, admin());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return json(added.body()).getJsonNumber("id").longValue();
    }

    /** A delivery of that subscription: its test event. */
    static long testDelivery(long webhook) throws Exception {
        HttpResponse<String> queued = VerbatimServer.send("POST", "/api/v1/webhooks/" + webhook + "/test", "", "application/json", admin());
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        return json(queued.body()).getJsonNumber("id").longValue();
    }

    /** A finished export of the operator's (every tenant). */
    static long finishedExport() throws Exception {
        if (finishedExport == 0) {
            String path = VerbatimServer.exportDone("{\"actions\":[\"verify\"]}", admin());
            finishedExport = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        }
        return finishedExport;
    }

    static long finishedExport;

    /** A recording of the owner's, made fresh per cell, for deleting. */
    long freshRecording() throws Exception {
        long id = idFrom(upload(captureName(USERNAMES.get(Person.OWNER)), capture()));
        VerbatimServer.awaitConverted(id);
        return id;
    }

    /** A recording of the owner's in the recycle bin, made fresh per cell, for restoring or purging. */
    long binnedRecording() throws Exception {
        long id = freshRecording();
        ok(VerbatimServer.delete("/api/v1/recordings/" + id, admin()));
        return id;
    }

    /** A note of the owner's on the recording, made fresh per cell, for editing. */
    long ownersNote() throws Exception {
        HttpResponse<String> note = postJson("/api/v1/recordings/" + recording + "/notes", "{\"text\":\"the owner's\"}",
                basic(USERNAMES.get(Person.OWNER), PASSWORD));
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        return json(note.body()).getJsonNumber("id").longValue();
    }

    /** A token of the owner's, made fresh per cell, for revoking. */
    long token(Person person) throws Exception {
        HttpResponse<String> created = postJson("/api/v1/tokens", "{\"name\":\"to revoke\"}", basic(USERNAMES.get(Person.OWNER), PASSWORD));
        return json(created.body()).getJsonNumber("id").longValue();
    }

    /** A user made fresh per cell, for deactivating. */
    String victim() throws Exception {
        String username = "victim" + SUFFIX + UNIQUE.incrementAndGet();
        postJson("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\",\"pbx\":\"" + PBX + "\"}", admin());
        return username;
    }

    /** The group or app object of the owner's tenant; for deletions, one made fresh per cell. */
    String entryName(Row row) throws Exception {
        if (row.path().startsWith("/api/v1/tenants")) {
            return PBX;
        }
        String kind = row.path().startsWith("/api/v1/groups") ? "groups" : "app-objects";
        if (!row.method().equals("DELETE")) {
            return kind.equals("groups") ? "team" + SUFFIX : "view" + SUFFIX;
        }
        String name = "gone" + SUFFIX + UNIQUE.incrementAndGet();
        ok(putJson("/api/v1/" + kind + "/" + name, "{\"pbx\":\"" + PBX + "\"}", admin()));
        return name;
    }

    /** HTTP/1.1: the client's default h2c upgrade once left a request unanswered until the server closed the connection. */
    static final HttpClient MATRIX_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** This PBX's name and its people's usernames, as JSON strings. */
    static List<String> thisPbxsNames() {
        List<String> names = new ArrayList<>(List.of("\"" + PBX + "\""));
        USERNAMES.forEach((p, name) -> {
            if (!p.ofAnotherPbx() && p != Person.ADMIN) {
                names.add("\"" + name + "\"");
            }
        });
        return names;
    }

    static HttpResponse<String> api(String method, String path, String body, Person person) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(VerbatimServer.URL + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", path.endsWith("/import") ? "text/csv" : "application/json");
        }
        if (person != Person.NOBODY) {
            request.header("Authorization", person == Person.ADMIN ? admin() : basic(USERNAMES.get(person), PASSWORD));
        }
        return MATRIX_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login form (a browser's cookies, no redirects followed), then asks for the page. */
    static int page(String path, Person person) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        if (person != Person.NOBODY) {
            String form = browser.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/login.xhtml")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form);
            assertThat(state.find()).as("the login form's view state").isTrue();
            String password = person == Person.ADMIN ? VerbatimServer.ADMIN_PASSWORD : PASSWORD;
            String fields = "login=login&login%3Ausername=" + enc(USERNAMES.get(person)) + "&login%3Apassword=" + enc(password)
                    + "&login%3AsignIn=&jakarta.faces.ViewState=" + enc(state.group(1));
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as("signing in as %s", person).isEqualTo(302);
        }
        return browser.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
