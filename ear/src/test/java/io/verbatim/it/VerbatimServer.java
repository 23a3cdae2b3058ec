package io.verbatim.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The deployed server the end-to-end tests talk to (started by ear/bin/test), over plain HTTP. */
final class VerbatimServer {

    static final String URL = System.getProperty("verbatim.url", "http://localhost:8080");
    static final String ADMIN = System.getProperty("verbatim.admin.user", "admin");
    static final String ADMIN_PASSWORD = System.getProperty("verbatim.admin.password", "it-admin-secret");
    static final String PBX = "pbx-it";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: one request, one answer
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerbatimServer() {
    }

    /** The password of users the tests create. */
    static final String USER_PASSWORD = "correct horse battery";

    /** Creates a user of the test PBX through the API (as the operator) and checks it was. */
    static void createUser(String username, String role, boolean licensed) throws Exception {
        HttpResponse<String> created = postJson("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + USER_PASSWORD
                + "\",\"role\":\"" + role + "\",\"pbx\":\"" + PBX + "\",\"licensed\":" + licensed + "}", admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String admin() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Sends the PBX's record (an innovaphone CDR, as its CDR interface posts it) of an inbound call to {@code h323}
     * ({@code cn}, extension {@code e164}) from {@code remoteName} at {@code remoteNumber}, answered after 3 s, ended at
     * 60 s; {@code conf} is the call's GUID as in capture names.
     */
    static HttpResponse<String> sendInboundCall(String cn, String e164, String h323, String remoteNumber, String remoteName, String conf)
            throws Exception {
        String cdr = "<cdr cn=\"" + cn + "\" e164=\"" + e164 + "\" h323=\"" + h323 + "\" dir=\"to\" utc=\"1764579605\"><user/>"
                + "<event msg=\"setup-to\" time=\"1\" type=\"ext\" e164=\"" + remoteNumber + "\" dn=\"" + remoteName + "\" conf=\"" + conf + "\"/>"
                + "<event msg=\"conn-from\" time=\"3\" type=\"ext\" e164=\"" + remoteNumber + "\" dn=\"" + remoteName + "\"/>"
                + "<event msg=\"rel-to\" time=\"60\"/></cdr>";
        HttpResponse<String> sent = send("POST", "/" + PBX + "/cdr", cdr, "text/xml", null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return sent;
    }

    /** A fresh innovaphone-style name: call GUID, device MAC, serial, owner. */
    static String captureName(String owner) {
        byte[] guid = new byte[16];
        RANDOM.nextBytes(guid);
        return HexFormat.of().formatHex(guid) + "-009033aabbcc-1--" + owner + ".pcap";
    }

    static HttpResponse<String> put(String path, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(String name, byte[] capture) throws Exception {
        return put("/" + PBX + "/recordings/Files/" + name, capture, null);
    }

    static HttpResponse<String> getText(String path, String authorization, String... headers) throws Exception {
        return HTTP.send(request(path, authorization, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(String path, String authorization, String... headers) throws Exception {
        return HTTP.send(request(path, authorization, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> putJson(String path, String json, String authorization) throws Exception {
        return HTTP.send(request(path, authorization, "Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String path, String json, String authorization) throws Exception {
        return HTTP.send(request(path, authorization, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, String path, String body, String contentType, String authorization) throws Exception {
        return HTTP.send(request(path, authorization, "Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(String path, String authorization) throws Exception {
        return HTTP.send(request(path, authorization).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String authorization, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static JsonArray jsonArray(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    /** The entries of a ZIP, by name, in order. */
    static java.util.Map<String, byte[]> unzip(byte[] zip) throws java.io.IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The text of every page of a PDF, as a reader would copy it. */
    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (com.itextpdf.kernel.pdf.PdfDocument doc = new com.itextpdf.kernel.pdf.PdfDocument(
                new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(pdf)))) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                text.append(com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(doc.getPage(page))).append('\n');
            }
            return text.toString();
        }
    }

    /** The name a response is saved under: its Content-Disposition's {@code filename*} (UTF-8), else its {@code filename}. */
    static String savedName(HttpResponse<?> response) {
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        java.util.regex.Matcher whole = java.util.regex.Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(disposition);
        if (whole.find()) {
            return java.net.URLDecoder.decode(whole.group(1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher plain = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(disposition);
        assertThat(plain.find()).as(disposition).isTrue();
        return plain.group(1);
    }

    static long idFrom(HttpResponse<String> created) {
        return json(created.body()).getJsonNumber("id").longValue();
    }

    /** Polls an action-log export (its path under /api/v1) until it is done or failed. */
    static JsonObject awaitExport(String path, String authorization) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonObject export = json(getText(path, authorization).body());
            if (List.of("DONE", "FAILED").contains(export.getString("state"))) {
                return export;
            }
            assertThat(Instant.now()).as("export still %s", export.getString("state")).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** Asks for an action-log export of {@code requestJson}, waits until it is done and returns its path under /api/v1. */
    static String exportDone(String requestJson, String authorization) throws Exception {
        HttpResponse<String> started = postJson("/api/v1/action-log/exports", requestJson, authorization);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/v1/"));
        JsonObject export = awaitExport(path, authorization);
        assertThat(export.getString("state")).as(export.toString()).isEqualTo("DONE");
        return path;
    }

    /** Polls the recording until conversion has finished (READY or FAILED). */
    static JsonObject awaitConverted(long id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            HttpResponse<String> response = getText("/api/v1/recordings/" + id, admin());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject recording = json(response.body());
            String state = recording.getString("state");
            if (state.equals("READY") || state.equals("FAILED")) {
                return recording;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("recording " + id + " still " + state + " after 90 s");
            }
            Thread.sleep(250);
        }
    }
}
