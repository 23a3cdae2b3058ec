package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getBytes;
import static io.verbatim.it.VerbatimServer.getText;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.putJson;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest: with a crypt key set, nothing written to the store starts like a capture, a WAV, an MP3 or an
 * action-log export, yet everything reads back (also in ranges); a changed key keeps older recordings readable; a
 * cleared key stores plain.
 */
class EncryptionIT {

    static final List<byte[]> PLAIN_HEADERS = List.of(
            new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1}, new byte[] {(byte) 0xa1, (byte) 0xb2, (byte) 0xc3, (byte) 0xd4},
            new byte[] {0x4d, 0x3c, (byte) 0xb2, (byte) 0xa1}, new byte[] {(byte) 0xa1, (byte) 0xb2, 0x3c, 0x4d},
            new byte[] {0x0a, 0x0d, 0x0d, 0x0a}, "RIFF".getBytes(), "ID3".getBytes(), new byte[] {(byte) 0xff, (byte) 0xfb},
            "PK".getBytes(), "%PDF".getBytes()); // action-log exports: ZIP, PDF

    @AfterAll
    static void noCryptKeyAgain() throws Exception {
        assertThat(putJson("/api/v1/settings", "{\"cryptKey\":\"\"}", admin()).statusCode()).isEqualTo(200);
    }

    static byte[] capture() throws IOException {
        return Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
    }

    static long converted(byte[] capture) throws Exception {
        long id = idFrom(upload(captureName("secret"), capture));
        assertThat(VerbatimServer.awaitConverted(id).getString("state")).isEqualTo("READY");
        return id;
    }

    /** The files the store holds that were written since {@code since}. */
    static List<Path> storedSince(Instant since) throws IOException {
        Path blobs = LifecycleIT.blobs();
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(f -> modified(f).toInstant().isAfter(since)).toList();
        }
    }

    static List<Path> everythingUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean startsPlain(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return PLAIN_HEADERS.stream().anyMatch(h -> head.length >= h.length && Arrays.equals(Arrays.copyOf(head, h.length), h));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String setCryptKey(String key) throws Exception {
        HttpResponse<String> set = putJson("/api/v1/settings", "{\"cryptKey\":\"" + key + "\"}", admin());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonObject view = json(set.body());
        assertThat(view.containsKey("cryptKey")).as("write-only").isFalse();
        return !view.containsKey("cryptKeyId") || view.isNull("cryptKeyId") ? null : view.getString("cryptKeyId");
    }

    @Test
    void aCryptKeyEncryptsWhatIsStoredFromThenOnAndEveryKeyStaysReadable() throws Exception {
        byte[] capture = capture();
        Instant start = Instant.now(); // same clock as the server: it runs on this machine
        String first = setCryptKey("first crypt key, long enough");
        assertThat(first).isNotNull();
        long a = converted(capture);

        JsonObject export = json(getText(VerbatimServer.exportDone("{\"actions\":[\"setting-change\"]}", admin()), admin()).body());

        List<Path> written = storedSince(start);
        assertThat(written).as("original, audio and export were stored").hasSizeGreaterThanOrEqualTo(3);
        assertThat(written).as("no plaintext capture, WAV, MP3, ZIP or PDF header in the store").noneMatch(EncryptionIT::startsPlain);
        assertThat(everythingUnder(Path.of(System.getProperty("verbatim.data"))))
                .as("no ZIP or PDF file left in the data folder").noneMatch(f -> f.getFileName().toString().matches(".*\\.(zip|pdf)"));
        byte[] zip = getBytes(export.getString("fileUrl"), admin()).body();
        long exportId = export.getJsonNumber("id").longValue();
        assertThat(VerbatimServer.pdfText(VerbatimServer.unzip(zip).get("action-log-export-" + exportId + ".pdf")))
                .as("the export reads back whole").contains("Action log").contains("setting-change");

        assertThat(getBytes("/api/v1/recordings/" + a + "/original", admin()).body()).isEqualTo(capture);
        byte[] audio = getBytes("/api/v1/recordings/" + a + "/audio", admin()).body();
        assertThat(new String(audio, 0, 4)).isEqualTo("RIFF");
        HttpResponse<byte[]> range = getBytes("/api/v1/recordings/" + a + "/audio", admin(), "Range", "bytes=1000-1999");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(audio, 1000, 2000));

        String second = setCryptKey("second crypt key, also long");
        assertThat(second).isNotNull().isNotEqualTo(first);
        long b = converted(capture);
        assertThat(getBytes("/api/v1/recordings/" + a + "/original", admin()).body()).as("written with the first key").isEqualTo(capture);
        assertThat(getBytes("/api/v1/recordings/" + b + "/original", admin()).body()).isEqualTo(capture);
        assertThat(setCryptKey("first crypt key, long enough")).as("the same key typed again is the same entry").isEqualTo(first);

        Instant cleared = Instant.now();
        assertThat(setCryptKey("")).isNull();
        long c = converted(capture);
        assertThat(storedSince(cleared)).as("stored plain again").anyMatch(EncryptionIT::startsPlain);
        assertThat(getBytes("/api/v1/recordings/" + c + "/original", admin()).body()).isEqualTo(capture);
        assertThat(getBytes("/api/v1/recordings/" + b + "/original", admin()).body()).isEqualTo(capture);

        HttpResponse<String> tooShort = putJson("/api/v1/settings", "{\"cryptKey\":\"short\"}", admin());
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(getText("/api/v1/action-log?action=setting-change&limit=5", admin()).body()).getJsonArray("items").stream()
                .map(e -> e.asJsonObject().getString("detail")).toList())
                .contains("cryptKeyId=(none)", "cryptKeyId=" + second, "cryptKeyId=" + first);
    }

    /**
     * A PBX sets a crypt key of its own: its files are encrypted with it while the deployment stores plain, the
     * operator's key (once set) does not replace it, and cleared it follows the operator's again.
     */
    @Test
    void aPbxsOwnCryptKeyEncryptsItsFilesOnly() throws Exception {
        String suffix = Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String vault = "vault-" + suffix;
        HttpResponse<String> made = VerbatimServer.postJson("/api/v1/users", "{\"username\":\"vault-admin" + suffix
                + "\",\"password\":\"" + VerbatimServer.USER_PASSWORD + "\",\"role\":\"ADMIN\",\"pbx\":\"" + vault + "\"}", admin());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String vaultAdmin = VerbatimServer.basic("vault-admin" + suffix, VerbatimServer.USER_PASSWORD);
        byte[] capture = capture();

        HttpResponse<String> own = putJson("/api/v1/settings", "{\"cryptKey\":\"the vault's own crypt key\"}", vaultAdmin);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        String vaultKey = json(own.body()).getString("cryptKeyId");
        assertThat(json(own.body()).getBoolean("cryptKeyOwn")).isTrue();
        JsonObject deployment = json(getText("/api/v1/settings", admin()).body());
        assertThat(!deployment.containsKey("cryptKeyId") || deployment.isNull("cryptKeyId")).as("the deployment's stays unset").isTrue();

        Instant start = Instant.now();
        long stored = idFrom(VerbatimServer.put("/" + vault + "/recordings/Files/" + captureName("vault"), capture, null));
        assertThat(VerbatimServer.awaitConverted(stored).getString("state")).isEqualTo("READY");
        List<Path> vaultFiles = storedSince(start);
        assertThat(vaultFiles).as("original and audio").hasSizeGreaterThanOrEqualTo(2).noneMatch(EncryptionIT::startsPlain);
        assertThat(getBytes("/api/v1/recordings/" + stored + "/original", vaultAdmin).body()).isEqualTo(capture);

        Instant other = Instant.now();
        long plain = converted(capture);
        assertThat(storedSince(other)).as("another PBX's files: plain, as its crypt key (none) says").anyMatch(EncryptionIT::startsPlain);
        assertThat(getBytes("/api/v1/recordings/" + plain + "/original", admin()).body()).isEqualTo(capture);

        try {
            String operatorsKey = setCryptKey("the operator's crypt key");
            assertThat(operatorsKey).isNotEqualTo(vaultKey);
            JsonObject vaultView = json(getText("/api/v1/settings", vaultAdmin).body());
            assertThat(vaultView.getString("cryptKeyId")).as("its own still").isEqualTo(vaultKey);
            assertThat(json(getText("/api/v1/settings?pbx=" + vault, admin()).body()).getString("cryptKeyId")).isEqualTo(vaultKey);

            HttpResponse<String> cleared = putJson("/api/v1/settings", "{\"cryptKey\":\"\"}", vaultAdmin);
            assertThat(json(cleared.body()).getString("cryptKeyId")).as("the operator's now").isEqualTo(operatorsKey);
            assertThat(json(cleared.body()).getBoolean("cryptKeyOwn")).isFalse();
            assertThat(getBytes("/api/v1/recordings/" + stored + "/original", vaultAdmin).body()).as("its key stays in the ring")
                    .isEqualTo(capture);
            assertThat(json(getText("/api/v1/action-log?action=setting-change&limit=5", vaultAdmin).body()).getJsonArray("items").stream()
                    .map(e -> e.asJsonObject().getString("detail")).toList())
                    .anyMatch(d -> d.contains("cryptKeyId=" + vaultKey)).noneMatch(d -> d.contains("own crypt key"));
            HttpResponse<String> tooShort = putJson("/api/v1/settings", "{\"cryptKey\":\"short\"}", vaultAdmin);
            assertThat(tooShort.statusCode()).isEqualTo(400);
            assertThat(json(tooShort.body()).getString("message")).contains("follow the operator's crypt key");
        } finally {
            setCryptKey("");
        }
    }
}
