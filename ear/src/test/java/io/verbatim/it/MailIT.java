package io.verbatim.it;

import static io.verbatim.it.AlarmsIT.awaitMail;
import static io.verbatim.it.AlarmsIT.freePort;
import static io.verbatim.it.VerbatimServer.ADMIN;
import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.basic;
import static io.verbatim.it.VerbatimServer.getBytes;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Mail end to end against a real SMTP server (GreenMail on a local port), on the suite's server (which knows its public
 * URL, as mails carry links, and tries a failed mail again after 2 s): delivery rules (a user's own recordings with the
 * MP3 attached, a group's for its supervisor as a link, nothing for one who may not hear them, a dead mail server with
 * its alarm and the mail sent once it is back), and sharing (the mail with its link and not its password, the share's
 * page and audio without signing in, the password, revocation, every use in the action log). The mail server is the
 * operator's setting: set here and unset after, under a lock the authorization matrix (which expects none) shares.
 * Checked on H2 only: the mail and its links do not depend on the database (the PostgreSQL pass migrates its tables).
 */
@Execution(ExecutionMode.CONCURRENT) // waiting on mail most of its time: beside the others
@ResourceLock(MailIT.MAIL_SETTINGS)
class MailIT {

    /** A resource lock: the operator's mail server setting, which this test sets and the matrix expects unset. */
    static final String MAIL_SETTINGS = "the operator's mail server";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PBX = VerbatimServer.PBX;
    private static final String PASSWORD = VerbatimServer.USER_PASSWORD;
    private static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    /** Where the suite's server says it is reached (ear/bin/test): not the address the tests send to, so a link is seen to come from it. */
    private static final String PUBLIC_URL = System.getProperty("verbatim.public.url", "");
    private static final String ANN = "ann" + SUFFIX;
    private static final String BEN = "ben" + SUFFIX;
    private static final String SUE = "sue" + SUFFIX;
    private static final String ED = "ed" + SUFFIX;
    private static final String SALES = "sales" + SUFFIX;

    private static int smtpPort;
    private static GreenMail smtp;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "mail does not depend on the database: checked on H2");
        assumeFalse(PUBLIC_URL.isEmpty(), "the suite's server is started with VERBATIM_PUBLIC_URL (ear/bin/test)");
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpResponse<String> set = putJson("/api/v1/settings", "{\"smtpHost\":\"127.0.0.1\",\"smtpPort\":" + smtpPort
                + ",\"mailFrom\":\"verbatim@example.com\"}", admin());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        user(ANN, "USER", ANN + "@example.com");
        user(BEN, "USER", null);
        user(SUE, "SUPERVISOR", SUE + "@example.com");
        user(ED, "USER", ED + "@example.com");
        HttpResponse<String> group = putJson("/api/v1/groups/" + SALES, "{\"pbx\":\"" + PBX + "\",\"members\":[\"" + ANN + "\",\""
                + BEN + "\"],\"managers\":[\"" + SUE + "\"]}", admin());
        assertThat(group.statusCode()).as(group.body()).isIn(200, 201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (smtp != null) {
            smtp.stop();
            HttpResponse<String> unset = putJson("/api/v1/settings", "{\"smtpHost\":\"\"}", admin());
            assertThat(unset.statusCode()).as(unset.body()).isEqualTo(200);
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // one after the other: this one stops the mail server the other mails through
    void rulesMailEachReadyRecordingToWhoMayHearItAndOutlastADeadMailServer() throws Exception {
        // refusals name the field
        assertThat(send(ANN, "POST", "/api/v1/mail-rules", "{\"recipient\":\"" + BEN + "\"}").body())
                .contains("recipient must be yourself (" + ANN + ")");
        HttpResponse<String> badField = send(ADMIN, "POST", "/api/v1/mail-rules?pbx=" + PBX, "{\"recipientGroup\":\"" + SALES + "\",\"subjectTemplate\":\"{caller}\"}");
        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(json(badField.body()).getString("message")).startsWith("subjectTemplate has no field {caller}");
        assertThat(send(ADMIN, "POST", "/api/v1/mail-rules", "{\"recipient\":\"" + BEN + "\"}").body())
                .contains("recipient " + BEN + " has no email address");
        assertThat(send(ADMIN, "POST", "/api/v1/mail-rules", "{\"recipient\":\"" + ANN + "\",\"attachUpToMb\":26}").body())
                .contains("attachUpToMb must be between 0 (always a link) and 25");

        // ann: her own, attached; sue: her group's as a link, in her words; ed: the group's, which he may not hear
        long annRule = created(send(ANN, "POST", "/api/v1/mail-rules", "{}")).getJsonNumber("id").longValue();
        long sueRule = created(send(SUE, "POST", "/api/v1/mail-rules", "{\"ofGroup\":\"" + SALES + "\",\"attachUpToMb\":0,"
                + "\"subjectTemplate\":\"Team call {remote} ({duration})\",\"bodyTemplate\":\"Owner: {owner}\\nHear it: {link}\"}"))
                .getJsonNumber("id").longValue();
        long edRule = created(send(ADMIN, "POST", "/api/v1/mail-rules", "{\"recipient\":\"" + ED + "\",\"ofGroup\":\"" + SALES + "\"}"))
                .getJsonNumber("id").longValue();
        assertThat(jsonArray(send(ANN, "GET", "/api/v1/mail-rules", null).body())).hasSize(1);
        assertThat(jsonArray(send(ADMIN, "GET", "/api/v1/mail-rules", null).body()).getValuesAs(JsonObject.class))
                .extracting(r -> r.getJsonNumber("id").longValue()).contains(annRule, sueRule, edRule);
        assertThat(send(BEN, "GET", "/api/v1/mail-rules/" + annRule, null).statusCode()).as("another's rule").isEqualTo(404);

        long annCall = upload(ANN, 3, 501);
        List<MimeMessage> mails = mailsTo(2, ANN + "@example.com", SUE + "@example.com");
        MimeMessage annMail = mails.get(0);
        assertThat(annMail.getSubject()).startsWith("Call recording: ").contains("(0:03)");
        Part attachment = attachment(annMail);
        assertThat(attachment).as("ann's MP3").isNotNull();
        assertThat(attachment.getContentType()).startsWith("audio/mpeg");
        assertThat(attachment.getFileName()).endsWith(".mp3");
        byte[] mp3;
        try (InputStream in = attachment.getInputStream()) {
            mp3 = in.readAllBytes();
        }
        assertThat(new String(mp3, 0, 3, java.nio.charset.StandardCharsets.ISO_8859_1)).as("an ID3-tagged MP3").isEqualTo("ID3");
        assertThat(mp3.length).as("3 s at 64 kbit/s").isBetween(15_000, 40_000);
        assertThat(GreenMailUtil.getBody(annMail)).contains("The recording is attached");

        MimeMessage sueMail = mails.get(1);
        assertThat(sueMail.getSubject()).startsWith("Team call").endsWith("(0:03)");
        assertThat(attachment(sueMail)).as("a link, not the audio").isNull();
        String sueText = GreenMailUtil.getBody(sueMail);
        assertThat(sueText).contains("Owner: " + ANN).contains("Hear it: " + PUBLIC_URL + "/app/recordings.xhtml?play=" + annCall);

        // each mail is its recipient's download; ed's is refused by the access rule, and he gets nothing
        assertThat(jsonArray(send(ADMIN, "GET", "/api/v1/mail-rules/" + edRule + "/deliveries", null).body()))
                .as("ed may not hear it: no mail, and no trace of the call in his rule's log").isEmpty();
        JsonObject delivered = jsonArray(send(ANN, "GET", "/api/v1/mail-rules/" + annRule + "/deliveries", null).body()).getJsonObject(0);
        assertThat(delivered.getString("state")).isEqualTo("sent");
        assertThat(delivered.getString("outcome")).startsWith("attached as ").endsWith(".mp3 to " + ANN + "@example.com");
        List<String> downloads = logged(annCall, "download");
        assertThat(downloads).anySatisfy(e -> assertThat(e).startsWith(ANN + ": mailed by mail rule " + annRule + ": attached as"))
                .anySatisfy(e -> assertThat(e).startsWith(SUE + ": mailed by mail rule " + sueRule + ": a link"))
                .noneSatisfy(e -> assertThat(e).startsWith(ED + ":"));
        assertThat(Arrays.stream(smtp.getReceivedMessages()).flatMap(MailIT::recipients)).doesNotContain(ED + "@example.com");

        // ben's call: his supervisor's rule takes it, ann's does not
        upload(BEN, 2, 502);
        MimeMessage benMail = mailsTo(1, SUE + "@example.com").get(0);
        assertThat(GreenMailUtil.getBody(benMail)).contains("Owner: " + BEN);

        // the mail server dies: the mail waits, the alarm says why, and the mail goes once the server is back
        smtp.stop();
        long waiting = upload(ANN, 2, 503);
        JsonObject alarm = awaitMailAlarm(true);
        assertThat(alarm.getString("detail")).contains("recording " + waiting + " could not be mailed to ")
                .contains("127.0.0.1:" + smtpPort);
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<MimeMessage> late = mailsTo(1, ANN + "@example.com");
        assertThat(attachment(late.get(0))).isNotNull();
        awaitMailAlarm(false);
        JsonObject retried = jsonArray(send(ANN, "GET", "/api/v1/mail-rules/" + annRule + "/deliveries", null).body()).getJsonObject(0);
        assertThat(retried.getJsonNumber("recordingId").longValue()).isEqualTo(waiting);
        assertThat(retried.getString("state")).isEqualTo("sent");
        assertThat(retried.getInt("attempts")).isGreaterThan(1);

        assertThat(send(ANN, "DELETE", "/api/v1/mail-rules/" + annRule, null).statusCode()).isEqualTo(204);
        assertThat(logged(null, "mail-rule")).anySatisfy(e -> assertThat(e).startsWith(ANN + ": removed mail rule " + annRule));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aSharedLinkOpensAPlayerForItsRecipientUntilRevokedAndEachUseIsLogged() throws Exception {
        long call = upload(ANN, 2, 601);
        String path = "/api/v1/recordings/" + call + "/shares";
        assertThat(json(send(ANN, "POST", path, "{\"email\":\"partner@outside.example\",\"expiresInDays\":0}").body())
                .getString("message")).isEqualTo("expiresInDays must be between 1 and 90");
        assertThat(json(send(ANN, "POST", path, "{\"email\":\"not an address\"}").body()).getString("message"))
                .isEqualTo("email \"not an address\" is not a mail address");
        assertThat(json(send(ANN, "POST", path, "{\"email\":\"a@b.example\",\"password\":\"short\"}").body()).getString("message"))
                .startsWith("password must be 8 to 200 characters");
        assertThat(send(ED, "POST", path, "{\"email\":\"partner@outside.example\"}").statusCode()).as("not ed's to hear").isEqualTo(404);

        // without a password: the link opens the audio for anyone holding it, logged with the recipient
        JsonObject open = created(send(ANN, "POST", path, "{\"email\":\"partner@outside.example\",\"expiresInDays\":3}"));
        assertThat(open.getString("state")).isEqualTo("open");
        assertThat(Duration.between(Instant.parse(open.getString("createdAt")), Instant.parse(open.getString("expiresAt"))))
                .isEqualTo(Duration.ofDays(3));
        String token = tokenIn(mailsTo(1, "partner@outside.example").get(0));
        HttpResponse<String> page = anonymous("/share.xhtml?t=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("shared a call recording with you").contains("id=\"player\"").doesNotContain("vb-nav");
        HttpResponse<byte[]> audio = HTTP.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/api/v1/shared/" + token + "/audio?download=true"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"");
        assertThat(audio.body()).isEqualTo(getBytes("/api/v1/recordings/" + call + "/audio", admin()).body());
        assertThat(logged(call, "download")).anySatisfy(e -> assertThat(e)
                .isEqualTo("partner@outside.example: through the link " + ANN + " shared (share " + open.getJsonNumber("id") + ")"));
        assertThat(logged(call, "share")).anySatisfy(e -> assertThat(e).startsWith(ANN + ": with partner@outside.example until"));
        // a range past the start, from a client keeping no session, is a play of its own: nothing is heard unlogged
        HttpResponse<Void> ranged = HTTP.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/api/v1/shared/" + token + "/audio"))
                .header("Range", "bytes=100-").GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(ranged.statusCode()).isEqualTo(206);
        assertThat(ranged.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(logged(call, "play")).anySatisfy(e -> assertThat(e).startsWith("partner@outside.example: through the link " + ANN + " shared"));

        // with a password: the mail does not carry it; the page asks, refuses a wrong one, then plays
        JsonObject locked = created(send(ANN, "POST", path, "{\"email\":\"lawyer@outside.example\",\"password\":\"open-sesame-7\"}"));
        assertThat(locked.getBoolean("passwordProtected")).isTrue();
        MimeMessage lawyerMail = mailsTo(1, "lawyer@outside.example").get(0);
        assertThat(GreenMailUtil.getBody(lawyerMail)).doesNotContain("open-sesame-7").contains("asks for a password");
        String lockedToken = tokenIn(lawyerMail);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/api/v1/shared/" + lockedToken + "/audio")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("no password given").isEqualTo(403);
        try (Browser browser = new Browser()) {
            browser.driver.get(VerbatimServer.URL + "/share.xhtml?t=" + lockedToken);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share:password"))).sendKeys("wrong-guess-1");
            browser.driver.findElement(By.id("share:unlock")).click();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share:passwordMessage"))).getText())
                    .contains("Wrong password");
            browser.driver.findElement(By.id("share:password")).sendKeys("open-sesame-7");
            browser.driver.findElement(By.id("share:unlock")).click();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
            Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                    "var done = arguments[0]; fetch(document.getElementById('download').href).then(r => r.arrayBuffer()"
                            + ".then(b => done(r.status + ' ' + b.byteLength)));");
            assertThat(status).isEqualTo("200 " + audio.body().length);
            assertThat(browser.accessibilityProblems()).as("the share's page").isEmpty();
            browser.screenshot("share-page");
        }
        assertThat(logged(call, "download")).anySatisfy(e -> assertThat(e).startsWith("lawyer@outside.example: through the link " + ANN + " shared"));

        // the list; only its sharer or an administrator revokes; a revoked link says so
        List<JsonObject> shares = jsonArray(send(ANN, "GET", path, null).body()).getValuesAs(JsonObject.class);
        assertThat(shares).extracting(s -> s.getString("email")).containsExactly("lawyer@outside.example", "partner@outside.example");
        assertThat(shares.get(1).getInt("uses")).isEqualTo(2);
        assertThat(jsonArray(send(SUE, "GET", path, null).body())).as("sue may hear it; whom ann shared it with is not hers to know")
                .isEmpty();
        assertThat(jsonArray(send(ADMIN, "GET", path, null).body())).as("the PBX's administrator sees them all").hasSize(2);
        long openId = open.getJsonNumber("id").longValue();
        assertThat(send(SUE, "DELETE", path + "/" + openId, null).statusCode()).as("sue may hear it, but did not share it")
                .isEqualTo(403);
        HttpResponse<String> revoked = send(ADMIN, "DELETE", path + "/" + openId, null);
        assertThat(json(revoked.body()).getString("state")).isEqualTo("revoked");
        assertThat(anonymous("/share.xhtml?t=" + token).body()).contains("This link was revoked on");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/api/v1/shared/" + token + "/audio")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(410);
        assertThat(logged(call, "share-revoke")).anySatisfy(e -> assertThat(e).isEqualTo(ADMIN + ": share " + openId + " with partner@outside.example"));
        assertThat(anonymous("/share.xhtml?t=" + token.substring(1)).body()).as("a made-up token").contains("This link does not exist");
    }

    private static void user(String name, String role, String email) throws Exception {
        HttpResponse<String> made = postJson("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\",\"pbx\":\"" + PBX + "\",\"licensed\":true,\"displayName\":\"" + name + " Example\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}", admin());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }

    private static long upload(String owner, int seconds, long seed) throws Exception {
        String name = String.format("%032x", seed * 7919 + System.nanoTime() % 100_000) + "-009033aabbcc-1--" + owner + ".pcap";
        HttpResponse<String> up = VerbatimServer.upload(name, G711Calls.twoParty(seconds, seed));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        long id = Long.parseLong(up.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        assertThat(awaitConverted(id).getString("state")).isEqualTo("READY");
        return id;
    }

    private static HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(VerbatimServer.URL + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", user.equals(ADMIN) ? admin() : basic(user, PASSWORD));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> anonymous(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body());
    }

    /** The newest mails to each address, one per address in the order given, waiting for {@code count} new ones in all. */
    private static List<MimeMessage> mailsTo(int count, String... addresses) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            List<MimeMessage> found = new ArrayList<>();
            for (String address : addresses) {
                MimeMessage newest = null;
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    if (recipients(m).anyMatch(address::equals) && !SEEN.contains(m)) {
                        newest = m;
                    }
                }
                if (newest != null) {
                    found.add(newest);
                }
            }
            if (found.size() >= count) {
                SEEN.addAll(found);
                return found;
            }
            assertThat(Instant.now()).as("mails to %s", List.of(addresses)).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static final List<MimeMessage> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static java.util.stream.Stream<String> recipients(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return to == null ? java.util.stream.Stream.empty() : Arrays.stream(to).map(Address::toString);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part attachment(MimeMessage mail) throws Exception {
        if (!(mail.getContent() instanceof Multipart parts)) {
            return null;
        }
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        return null;
    }

    private static String tokenIn(MimeMessage mail) throws Exception {
        Matcher m = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/share\\.xhtml\\?t=([A-Za-z0-9_-]{43})").matcher(GreenMailUtil.getBody(mail));
        assertThat(m.find()).as("the link in %s", GreenMailUtil.getBody(mail)).isTrue();
        return m.group(1);
    }

    /** The action log's entries of a recording (or all) for an action, as "user: detail". */
    private static List<String> logged(Long recording, String action) throws Exception {
        HttpResponse<String> log = getText("/api/v1/action-log?action=" + action + (recording == null ? "" : "&recordingId=" + recording), admin());
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        return json(log.body()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("user") + ": " + e.getString("detail", "")).toList();
    }

    /** Waits until the mail alarm is raised (and returns it) or cleared. */
    private static JsonObject awaitMailAlarm(boolean raised) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> active = getText("/api/v1/alarms", admin());
            assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
            JsonObject found = jsonArray(active.body()).getValuesAs(JsonObject.class).stream()
                    .filter(a -> a.getString("condition").equals("MAIL_FAILING")).findFirst().orElse(null);
            if ((found != null) == raised) {
                return found;
            }
            assertThat(Instant.now()).as("the mail alarm %s: %s", raised ? "raised" : "cleared", active.body()).isBefore(deadline);
            Thread.sleep(300);
        }
    }
}
