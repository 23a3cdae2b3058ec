package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.postJson;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A browser session is only as strong as its account now, and only our own pages can use it: the findings of an
 * attack through the browser, as tests. Also what every answer carries (headers, cookie attributes) and how bad input
 * is answered (400 naming it, no stack trace).
 */
class SessionSecurityIT {

    static final String SUFFIX = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    /** A client that signed in through the login form and keeps its session cookie, as a browser does. */
    static HttpClient signedIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(state.find()).as("the login form's view state").isTrue();
        String fields = "login=login&login%3Ausername=" + enc(username) + "&login%3Apassword=" + enc(password)
                + "&login%3AsignIn=&jakarta.faces.ViewState=" + enc(state.group(1));
        HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as("signing in as %s", username).isEqualTo(302);
        return browser;
    }

    static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String newAdmin(String name) throws Exception {
        HttpResponse<String> made = postJson("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + VerbatimServer.USER_PASSWORD
                + "\",\"role\":\"ADMIN\",\"pbx\":\"" + VerbatimServer.PBX + "\"}", admin());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return name;
    }

    @Test
    void aChangedAccountEndsItsSessionsAtOnce() throws Exception {
        String demoted = newAdmin("demoted" + SUFFIX);
        String deactivated = newAdmin("deactivated" + SUFFIX);
        String repassworded = newAdmin("repassworded" + SUFFIX);
        HttpClient demotedBrowser = signedIn(demoted, VerbatimServer.USER_PASSWORD);
        HttpClient deactivatedBrowser = signedIn(deactivated, VerbatimServer.USER_PASSWORD);
        HttpClient repasswordedBrowser = signedIn(repassworded, VerbatimServer.USER_PASSWORD);
        for (HttpClient browser : new HttpClient[] {demotedBrowser, deactivatedBrowser, repasswordedBrowser}) {
            assertThat(get(browser, "/api/v1/users").statusCode()).as("an administrator's session").isEqualTo(200);
        }

        // what does not touch the rights leaves the sessions be
        assertThat(putJson("/api/v1/users/" + demoted, "{\"displayName\":\"Still signed in\"}", admin()).statusCode()).isEqualTo(200);
        assertThat(get(demotedBrowser, "/api/v1/users").statusCode()).as("after a new display name").isEqualTo(200);
        assertThat(putJson("/api/v1/users/" + demoted, "{\"role\":\"USER\"}", admin()).statusCode()).isEqualTo(200);
        assertThat(VerbatimServer.delete("/api/v1/users/" + deactivated, admin()).statusCode()).isIn(200, 204);
        assertThat(putJson("/api/v1/users/" + repassworded, "{\"password\":\"another horse battery\"}", admin()).statusCode()).isEqualTo(200);

        for (HttpClient browser : new HttpClient[] {demotedBrowser, deactivatedBrowser, repasswordedBrowser}) {
            HttpResponse<String> after = get(browser, "/api/v1/users");
            assertThat(after.statusCode()).as("the role is not taken from the session").isEqualTo(401);
            assertThat(json(after.body()).getString("message")).contains("your session ended");
            assertThat(get(browser, "/app/recordings.xhtml").statusCode()).as("pages: back to the login").isEqualTo(302);
        }
        // signed in again, the demoted one has a user's rights
        assertThat(get(signedIn(demoted, VerbatimServer.USER_PASSWORD), "/api/v1/users").statusCode()).isEqualTo(403);
    }

    @Test
    void aChangeByTheSessionCookieMustComeFromOurOwnPages() throws Exception {
        HttpClient browser = signedIn(newAdmin("cookie" + SUFFIX), VerbatimServer.USER_PASSWORD);
        HttpRequest.Builder start = HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/api/v1/jobs/recycle-purge/runs"))
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> noOrigin = browser.send(start.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(json(noOrigin.body()).getString("message")).contains("must come from Verbatim's own pages");
        HttpResponse<String> elsewhere = browser.send(start.copy().header("Origin", "http://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        HttpResponse<String> ours = browser.send(start.copy().header("Origin", VerbatimServer.URL).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ours.statusCode()).as(ours.body()).isEqualTo(202);
        // Basic credentials a browser remembered from our prompt ride along with another site's form: refused too
        HttpRequest.Builder basic = HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/api/v1/jobs/recycle-purge/runs"))
                .header("Authorization", admin()).POST(HttpRequest.BodyPublishers.noBody());
        HttpClient plainClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThat(plainClient.send(basic.copy().header("Origin", "http://evil.example").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        assertThat(plainClient.send(basic.copy().header("Sec-Fetch-Site", "cross-site").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        assertThat(plainClient.send(basic.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("a script").isEqualTo(202);
        // the CSV import takes CSV only: a form on another site can send text/plain
        HttpResponse<String> plain = VerbatimServer.send("POST", "/api/v1/users/import", "username,password\n", "text/plain", admin());
        assertThat(plain.statusCode()).isEqualTo(415);
    }

    @Test
    void aPageOnAnotherOriginCannotActForTheSignedInAdministrator() throws Exception {
        String target = "forged" + SUFFIX;
        // another origin on this machine (same site for the cookie, another port): it submits forms to Verbatim
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String importForm = "<form method='POST' enctype='text/plain' action='" + VerbatimServer.URL + "/api/v1/users/import'>"
                + "<input name='username,password,role,pbx&#10;" + target + ",correct horse battery,ADMIN," + VerbatimServer.PBX
                + "&#10;x' value='y'></form><script>document.forms[0].submit()</script>";
        String jobForm = "<form method='POST' action='" + VerbatimServer.URL + "/api/v1/jobs/recycle-purge/runs'>"
                + "<input name='a' value='b'></form><script>document.forms[0].submit()</script>";
        attacker.createContext("/import", exchange -> answer(exchange, importForm));
        attacker.createContext("/job", exchange -> answer(exchange, jobForm));
        attacker.start();
        String origin = "http://127.0.0.1:" + attacker.getAddress().getPort();
        try (Browser browser = new Browser()) {
            browser.signIn(VerbatimServer.ADMIN, VerbatimServer.ADMIN_PASSWORD);
            int runsBefore = runs();
            for (String page : new String[] {"/import", "/job"}) {
                browser.driver.get(origin + page);
                browser.wait.until(d -> d.getCurrentUrl().startsWith(VerbatimServer.URL));
                browser.wait.until(d -> d.getPageSource().contains("\"status\""));
                assertThat(browser.driver.getPageSource()).as("what the forged " + page + " got").contains("403");
            }
            assertThat(getText("/api/v1/users/" + target, admin()).statusCode()).as("no administrator was made").isEqualTo(404);
            assertThat(runs()).as("no job was started").isEqualTo(runsBefore);
        } finally {
            attacker.stop(0);
        }
    }

    static int runs() throws Exception {
        return (int) json("{\"r\":" + getText("/api/v1/jobs", admin()).body() + "}").getJsonArray("r").stream()
                .filter(r -> r.asJsonObject().getString("job").equals("recycle-purge")).count();
    }

    static void answer(com.sun.net.httpserver.HttpExchange exchange, String html) throws java.io.IOException {
        byte[] body = ("<!DOCTYPE html><html><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void everyAnswerCarriesTheBrowsersProtections() throws Exception {
        HttpResponse<String> login = getText("/login.xhtml", null);
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(getText("/api/v1/recordings", admin()).headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void whatTheServerStoresIsItsUsersAlone() throws Exception {
        String data = System.getProperty("verbatim.data");
        assertThat(data).as("-Dverbatim.data, the suite's server's data folder").isNotNull();
        upload(captureName("perm" + SUFFIX), Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap")));
        List<String> open;
        try (Stream<Path> stored = Files.walk(Path.of(data))) {
            open = stored.filter(p -> !Files.isSymbolicLink(p)).filter(p -> {
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    return perms.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
                } catch (IOException gone) { // removed while walking (staging, a finished conversion)
                    return false;
                }
            }).map(Path::toString).toList();
        }
        assertThat(open).as("files and folders others could read").isEmpty();
    }

    @Test
    void aRefusalIsOneLineInTheServerLog() throws Exception {
        Path log = Path.of(System.getProperty("verbatim.data"), "log", "server.log");
        String user = "refused" + SUFFIX;
        VerbatimServer.createUser(user, "USER", true);
        String basic = VerbatimServer.basic(user, VerbatimServer.USER_PASSWORD);
        long before = Files.lines(log).count();
        for (int i = 0; i < 5; i++) {
            assertThat(getText("/api/v1/users", basic).statusCode()).as("a role refused by the container").isEqualTo(403);
            assertThat(getText("/api/v1/settings?pbx=elsewhere", admin()).statusCode()).as("an answer, not a failure").isIn(200, 403);
            assertThat(VerbatimServer.send("POST", "/api/v1/jobs/no-such-job/runs", "", "application/json", admin()).statusCode()).isEqualTo(400);
            assertThat(getText("/api/v1/recordings/987654321", admin()).statusCode()).isEqualTo(404);
        }
        List<String> added = Files.readAllLines(log).stream().skip(before).toList();
        assertThat(added.stream().filter(l -> l.startsWith("\tat ") || l.contains("Exception:")).toList()).as("stack traces").isEmpty();
        assertThat(added.stream().filter(l -> l.contains(" 403 GET /api/v1/users by " + user)).count()).as("each refusal, in a line").isEqualTo(5);
    }

    @Test
    void badInputIsNamedNeverAStackTrace() throws Exception {
        HttpResponse<String> wrapped = putJson("/api/v1/settings", "{\"retentionDays\": 4294967297}", admin());
        assertThat(wrapped.statusCode()).isEqualTo(400);
        assertThat(wrapped.body()).contains("retentionDays must be between");
        HttpResponse<String> pastLong = putJson("/api/v1/settings", "{\"recycleBinDays\": 99999999999999999999}", admin());
        assertThat(pastLong.statusCode()).as(pastLong.body()).isEqualTo(400);
        HttpResponse<String> malformed = putJson("/api/v1/settings", "{\"retentionDays\": ", admin());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed.body()).getString("message")).startsWith("the body is not the JSON this call takes");

        // a forged view state and an unknown page: a sentence, no class, version or stack
        Path log = Path.of(System.getProperty("verbatim.data"), "log", "server.log");
        long before = Files.lines(log).count();
        HttpResponse<String> forged = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(VerbatimServer.URL + "/login.xhtml?next=%2Fapp%2Fmonitor.xhtml")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=login&jakarta.faces.ViewState=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("the page shown afresh").isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml?next=%2Fapp%2Fmonitor.xhtml"));
        assertThat(forged.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("WildFly").doesNotContain("Mojarra");
        assertThat(Files.readAllLines(log).stream().skip(before).filter(l -> l.startsWith("\tat ")).toList()).as("no stack in the log").isEmpty();
        HttpResponse<String> unknown = getText("/no-such-page.xhtml", null, "Accept", "text/html");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Not found").doesNotContain("ExternalContext");
        assertThat(unknown.headers().firstValue("X-Frame-Options")).as("error pages carry the headers too").hasValue("DENY");
    }

    @Test
    void aHeadIsNoDownloadAndLocationsDoNotEchoTheHost() throws Exception {
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        HttpResponse<String> created = upload(captureName("head" + SUFFIX), capture);
        assertThat(created.statusCode()).isEqualTo(201);
        // the suite's server says it is reached at another name than the tests send to (ear/bin/test): the Location is
        // made of that, not of the request's Host; without VERBATIM_PUBLIC_URL it would be relative
        String publicUrl = System.getProperty("verbatim.public.url", "");
        assertThat(created.headers().firstValue("Location")).as("from VERBATIM_PUBLIC_URL, not the Host header")
                .hasValueSatisfying(l -> assertThat(l).startsWith(publicUrl + "/api/v1/recordings/"));
        long id = idFrom(created);
        VerbatimServer.awaitConverted(id);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String part : new String[] {"download", "audio", "original"}) {
            HttpResponse<Void> head = client.send(HttpRequest.newBuilder(URI.create(VerbatimServer.URL + "/api/v1/recordings/" + id + "/" + part))
                    .header("Authorization", admin()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).as(part).isEqualTo(200);
        }
        String log = getText("/api/v1/action-log?recordingId=" + id, admin()).body();
        assertThat(log).doesNotContain("\"download\"").doesNotContain("\"play\"");
        assertThat(VerbatimServer.getBytes("/api/v1/recordings/" + id + "/download", admin()).statusCode()).isEqualTo(200);
        assertThat(getText("/api/v1/action-log?recordingId=" + id + "&action=download", admin()).body()).contains("ZIP with audio");
    }
}
