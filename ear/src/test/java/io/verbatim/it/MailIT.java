package io.verbatim.it;

import static io.verbatim.it.AlarmsIT.awaitAlarm;
import static io.verbatim.it.AlarmsIT.awaitMail;
import static io.verbatim.it.AlarmsIT.awaitNoAlarm;
import static io.verbatim.it.AlarmsIT.freePort;
import static io.verbatim.it.VerbatimServer.basic;
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
 * Mail end to end against a real SMTP server (GreenMail on a local port), on a server of the test's own that knows its
 * public URL (mails carry links) and tries a failed mail again after 2 s: delivery rules (a user's own recordings with
 * the MP3 attached, a group's for its supervisor as a link, the access rule checked for the recipient as it is sent,
 * a dead mail server with its alarm and the mail sent once it is back), and sharing (the mail with its link and not
 * its password, the share's page and audio without signing in, the password, revocation, every use in the action log).
 * Checked on H2 only: the mail and its links do not depend on the database (the PostgreSQL pass migrates its tables).
 */
@Execution(ExecutionMode.CONCURRENT) // on a server of its own, waiting on mail most of its time: beside the others
@ResourceLock(DisposableServer.WHOLE_MACHINE)
class MailIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PBX = "mail.example.com";
    private static final String PASSWORD = VerbatimServer.USER_PASSWORD;

    private static int smtpPort;
    private static GreenMail smtp;
    private static DisposableServer server;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(DisposableServer.onPostgres(), "mail does not depend on the database: checked on H2");
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        server = DisposableServer.create("mail");
        server.with("VERBATIM_PUBLIC_URL", server.url()).with("VERBATIM_MAIL_FIRST_RETRY", "PT2S").start();
        HttpResponse<String> set = server.putJson("/api/v1/settings", "{\"smtpHost\":\"127.0.0.1\",\"smtpPort\":" + smtpPort
                + ",\"mailFrom\":\"verbatim@example.com\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        user("ann", "USER", "ann@example.com");
        user("ben", "USER", null);
        user("sue", "SUPERVISOR", "sue@example.com");
        user("ed", "USER", "ed@example.com");
        user("pam", "ADMIN", "pam@example.com");
        HttpResponse<String> group = server.putJson("/api/v1/groups/sales", "{\"pbx\":\"" + PBX + "\",\"members\":[\"ann\",\"ben\"],"
                + "\"managers\":[\"sue\"]}");
        assertThat(group.statusCode()).as(group.body()).isIn(200, 201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void rulesMailEachReadyRecordingToWhoMayHearItAndOutlastADeadMailServer() throws Exception {
        // refusals name the field
        assertThat(send("ann", "POST", "/api/v1/mail-rules", "{\"recipient\":\"ben\"}").body())
                .contains("recipient must be yourself (ann)");
        HttpResponse<String> badField = send("pam", "POST", "/api/v1/mail-rules", "{\"recipientGroup\":\"sales\",\"subjectTemplate\":\"{caller}\"}");
        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(json(badField.body()).getString("message")).startsWith("subjectTemplate has no field {caller}");
        assertThat(send("pam", "POST", "/api/v1/mail-rules", "{\"recipient\":\"ben\"}").body())
                .contains("recipient ben has no email address");
        assertThat(send("pam", "POST", "/api/v1/mail-rules", "{\"recipient\":\"ann\",\"attachUpToMb\":26}").body())
                .contains("attachUpToMb must be between 0 (always a link) and 25");

        // ann: her own, attached; sue: her group's as a link, in her words; ed: the group's, which he may not hear
        long annRule = created(send("ann", "POST", "/api/v1/mail-rules", "{}")).getJsonNumber("id").longValue();
        long sueRule = created(send("sue", "POST", "/api/v1/mail-rules", "{\"ofGroup\":\"sales\",\"attachUpToMb\":0,"
                + "\"subjectTemplate\":\"Team call {remote} ({duration})\",\"bodyTemplate\":\"Owner: {owner}\\nHear it: {link}\"}"))
                .getJsonNumber("id").longValue();
        long edRule = created(send("pam", "POST", "/api/v1/mail-rules", "{\"recipient\":\"ed\",\"ofGroup\":\"sales\"}"))
                .getJsonNumber("id").longValue();
        assertThat(jsonArray(send("ann", "GET", "/api/v1/mail-rules", null).body())).hasSize(1);
        assertThat(jsonArray(send("pam", "GET", "/api/v1/mail-rules", null).body())).hasSize(3);
        assertThat(send("ben", "GET", "/api/v1/mail-rules/" + annRule, null).statusCode()).as("another's rule").isEqualTo(404);

        long annCall = upload("ann", 3, 501);
        List<MimeMessage> mails = mailsTo(2, "ann@example.com", "sue@example.com");
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
        assertThat(sueText).contains("Owner: ann").contains("Hear it: " + server.url() + "/app/recordings.xhtml?play=" + annCall);

        // each mail is its recipient's download; ed's is refused by the access rule, and he gets nothing
        awaitDelivery("pam", edRule, "failed");
        assertThat(jsonArray(send("pam", "GET", "/api/v1/mail-rules/" + edRule + "/deliveries", null).body()).getJsonObject(0)
                .getString("outcome")).isEqualTo("user ed may not hear recording " + annCall + " by the access rule");
        JsonObject delivered = jsonArray(send("ann", "GET", "/api/v1/mail-rules/" + annRule + "/deliveries", null).body()).getJsonObject(0);
        assertThat(delivered.getString("state")).isEqualTo("sent");
        assertThat(delivered.getString("outcome")).startsWith("attached as ").endsWith(".mp3 to ann@example.com");
        List<String> downloads = logged(annCall, "download");
        assertThat(downloads).anySatisfy(e -> assertThat(e).startsWith("ann: mailed by mail rule " + annRule + ": attached as"))
                .anySatisfy(e -> assertThat(e).startsWith("sue: mailed by mail rule " + sueRule + ": a link"))
                .noneSatisfy(e -> assertThat(e).startsWith("ed:"));
        assertThat(Arrays.stream(smtp.getReceivedMessages()).flatMap(MailIT::recipients)).doesNotContain("ed@example.com");

        // ben's call: his supervisor's rule takes it, ann's does not
        upload("ben", 2, 502);
        MimeMessage benMail = mailsTo(1, "sue@example.com").get(0);
        assertThat(GreenMailUtil.getBody(benMail)).contains("Owner: ben");

        // the mail server dies: the mail waits, the alarm says why, and the mail goes once the server is back
        smtp.stop();
        long waiting = upload("ann", 2, 503);
        JsonObject alarm = awaitAlarm(server, "MAIL_FAILING");
        assertThat(alarm.getString("detail")).contains("recording " + waiting + " could not be mailed to ")
                .contains("127.0.0.1:" + smtpPort);
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<MimeMessage> late = mailsTo(1, "ann@example.com");
        assertThat(attachment(late.get(0))).isNotNull();
        awaitNoAlarm(server, "MAIL_FAILING");
        JsonObject retried = jsonArray(send("ann", "GET", "/api/v1/mail-rules/" + annRule + "/deliveries", null).body()).getJsonObject(0);
        assertThat(retried.getJsonNumber("recordingId").longValue()).isEqualTo(waiting);
        assertThat(retried.getString("state")).isEqualTo("sent");
        assertThat(retried.getInt("attempts")).isGreaterThan(1);

        assertThat(send("ann", "DELETE", "/api/v1/mail-rules/" + annRule, null).statusCode()).isEqualTo(204);
        assertThat(logged(null, "mail-rule")).anySatisfy(e -> assertThat(e).startsWith("ann: removed mail rule " + annRule));
    }

    @Test
    void aSharedLinkOpensAPlayerForItsRecipientUntilRevokedAndEachUseIsLogged() throws Exception {
        long call = upload("ann", 2, 601);
        String path = "/api/v1/recordings/" + call + "/shares";
        assertThat(json(send("ann", "POST", path, "{\"email\":\"partner@outside.example\",\"expiresInDays\":0}").body())
                .getString("message")).isEqualTo("expiresInDays must be between 1 and 90");
        assertThat(json(send("ann", "POST", path, "{\"email\":\"not an address\"}").body()).getString("message"))
                .isEqualTo("email \"not an address\" is not a mail address");
        assertThat(json(send("ann", "POST", path, "{\"email\":\"a@b.example\",\"password\":\"short\"}").body()).getString("message"))
                .startsWith("password must be 8 to 200 characters");
        assertThat(send("ed", "POST", path, "{\"email\":\"partner@outside.example\"}").statusCode()).as("not ed's to hear").isEqualTo(404);

        // without a password: the link opens the audio for anyone holding it, logged with the recipient
        JsonObject open = created(send("ann", "POST", path, "{\"email\":\"partner@outside.example\",\"expiresInDays\":3}"));
        assertThat(open.getString("state")).isEqualTo("open");
        assertThat(Duration.between(Instant.parse(open.getString("createdAt")), Instant.parse(open.getString("expiresAt"))))
                .isEqualTo(Duration.ofDays(3));
        String token = tokenIn(mailsTo(1, "partner@outside.example").get(0));
        HttpResponse<String> page = anonymous("/share.xhtml?t=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("shared a call recording with you").contains("id=\"player\"").doesNotContain("vb-nav");
        HttpResponse<byte[]> audio = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/shared/" + token + "/audio?download=true"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"");
        assertThat(audio.body()).isEqualTo(server.getBytes("/api/v1/recordings/" + call + "/audio").body());
        assertThat(logged(call, "download")).anySatisfy(e -> assertThat(e)
                .isEqualTo("partner@outside.example: through the link ann shared (share " + open.getJsonNumber("id") + ")"));
        assertThat(logged(call, "share")).anySatisfy(e -> assertThat(e).startsWith("ann: with partner@outside.example until"));

        // with a password: the mail does not carry it; the page asks, refuses a wrong one, then plays
        JsonObject locked = created(send("ann", "POST", path, "{\"email\":\"lawyer@outside.example\",\"password\":\"open-sesame-7\"}"));
        assertThat(locked.getBoolean("passwordProtected")).isTrue();
        MimeMessage lawyerMail = mailsTo(1, "lawyer@outside.example").get(0);
        assertThat(GreenMailUtil.getBody(lawyerMail)).doesNotContain("open-sesame-7").contains("asks for a password");
        String lockedToken = tokenIn(lawyerMail);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/shared/" + lockedToken + "/audio")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("no password given").isEqualTo(403);
        try (Browser browser = new Browser()) {
            browser.driver.get(server.url() + "/share.xhtml?t=" + lockedToken);
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
        assertThat(logged(call, "download")).anySatisfy(e -> assertThat(e).startsWith("lawyer@outside.example: through the link ann shared"));

        // the list; only its sharer or an administrator revokes; a revoked link says so
        List<JsonObject> shares = jsonArray(send("ann", "GET", path, null).body()).getValuesAs(JsonObject.class);
        assertThat(shares).extracting(s -> s.getString("email")).containsExactly("lawyer@outside.example", "partner@outside.example");
        assertThat(shares.get(1).getInt("uses")).isEqualTo(1);
        long openId = open.getJsonNumber("id").longValue();
        assertThat(send("sue", "DELETE", path + "/" + openId, null).statusCode()).as("sue may hear it, but did not share it")
                .isEqualTo(403);
        HttpResponse<String> revoked = send("pam", "DELETE", path + "/" + openId, null);
        assertThat(json(revoked.body()).getString("state")).isEqualTo("revoked");
        assertThat(anonymous("/share.xhtml?t=" + token).body()).contains("This link was revoked on");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/shared/" + token + "/audio")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(410);
        assertThat(logged(call, "share-revoke")).anySatisfy(e -> assertThat(e).isEqualTo("pam: share " + openId + " with partner@outside.example"));
        assertThat(anonymous("/share.xhtml?t=" + token.substring(1)).body()).as("a made-up token").contains("This link does not exist");
    }

    private static void user(String name, String role, String email) throws Exception {
        HttpResponse<String> made = server.postJson("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\",\"pbx\":\"" + PBX + "\",\"licensed\":true,\"displayName\":\"" + name + " Example\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }

    private static long upload(String owner, int seconds, long seed) throws Exception {
        String name = String.format("%032x", seed * 7919 + System.nanoTime() % 100_000) + "-009033aabbcc-1--" + owner + ".pcap";
        HttpResponse<String> up = server.upload(PBX, name, G711Calls.twoParty(seconds, seed));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        long id = Long.parseLong(up.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        assertThat(server.awaitConverted(id).getString("state")).isEqualTo("READY");
        return id;
    }

    private static HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, PASSWORD));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> anonymous(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        Matcher m = Pattern.compile(Pattern.quote(server.url()) + "/share\\.xhtml\\?t=([A-Za-z0-9_-]{43})").matcher(GreenMailUtil.getBody(mail));
        assertThat(m.find()).as("the link in %s", GreenMailUtil.getBody(mail)).isTrue();
        return m.group(1);
    }

    /** The action log's entries of a recording (or all) for an action, as "user: detail". */
    private static List<String> logged(Long recording, String action) throws Exception {
        HttpResponse<String> log = server.get("/api/v1/action-log?action=" + action + (recording == null ? "" : "&recordingId=" + recording));
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        return json(log.body()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("user") + ": " + e.getString("detail", "")).toList();
    }

    private static void awaitDelivery(String user, long rule, String state) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String body;
        while (!(body = send(user, "GET", "/api/v1/mail-rules/" + rule + "/deliveries", null).body()).contains("\"state\":\"" + state + "\"")) {
            assertThat(Instant.now()).as("a %s delivery of rule %d: %s", state, rule, body).isBefore(deadline);
            Thread.sleep(300);
        }
    }
}
