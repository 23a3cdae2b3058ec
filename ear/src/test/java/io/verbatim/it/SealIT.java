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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals: switching them on seals earlier recordings (a job) and new ones at conversion; a check says valid, altered
 * or unsealed; a downloaded recording's seal verifies with openssl alone and the published public key.
 */
class SealIT {

    @AfterAll
    static void sealingOffAgain() throws Exception {
        assertThat(putJson("/api/v1/settings", "{\"sealEnabled\":false}", admin()).statusCode()).isEqualTo(200);
    }

    static long converted(String owner) throws Exception {
        byte[] capture = Files.readAllBytes(IngestIT.corpusCapture("sipp/pcap/g711a.pcap"));
        long id = idFrom(upload(captureName(owner), capture));
        assertThat(VerbatimServer.awaitConverted(id).getString("state")).isEqualTo("READY");
        return id;
    }

    static JsonObject seal(long id) throws Exception {
        return json(getText("/api/v1/recordings/" + id + "/seal", admin()).body());
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() + ": " + out.trim();
    }

    @Test
    void sealsAreMadeCheckedAndVerifiableWithOpensslAlone(@TempDir Path dir) throws Exception {
        assertThat(putJson("/api/v1/settings", "{\"sealEnabled\":false}", admin()).statusCode()).isEqualTo(200);
        long earlier = converted("sealer");
        assertThat(seal(earlier).getString("status")).isEqualTo("unsealed");

        JsonObject settings = json(putJson("/api/v1/settings", "{\"sealEnabled\":true}", admin()).body());
        assertThat(settings.getBoolean("sealEnabled")).isTrue();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!seal(earlier).getString("status").equals("valid")) {
            assertThat(Instant.now()).as("the seal job seals what was converted before").isBefore(deadline);
            Thread.sleep(250);
        }

        long sealedAtOnce = converted("sealer");
        JsonObject check = seal(sealedAtOnce);
        assertThat(check.getString("status")).isEqualTo("valid");
        assertThat(check.isNull("reason")).isTrue();
        assertThat(json(getText("/api/v1/recordings/" + sealedAtOnce, admin()).body()).getString("sealedAt")).isNotBlank();

        // a third party: the ZIP, the public key, openssl
        HttpResponse<byte[]> download = getBytes("/api/v1/recordings/" + sealedAtOnce + "/download", admin());
        Map<String, byte[]> zip = VerbatimServer.unzip(download.body());
        String base = VerbatimServer.savedName(download).replaceAll("\\.zip$", "");
        assertThat(zip).containsKeys(base + ".wav", base + ".pdf", base + ".seal.txt", base + ".sig");
        for (Map.Entry<String, byte[]> e : zip.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve("seal.pem"), getText("/api/v1/seal/public-key", admin()).body());
        String sealed = new String(zip.get(base + ".seal.txt"), StandardCharsets.UTF_8);
        assertThat(sealed).startsWith("format: verbatim-seal-v1\nrecording: " + sealedAtOnce + "\n")
                .contains("audio-sha256: " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.get(base + ".wav"))) + "\n");
        assertThat(run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "seal.pem", "-rawin", "-in", base + ".seal.txt",
                "-sigfile", base + ".sig")).isEqualTo("0: Signature Verified Successfully");
        Files.writeString(dir.resolve(base + ".seal.txt"), sealed.replace("recording: " + sealedAtOnce, "recording: 1"));
        assertThat(run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "seal.pem", "-rawin", "-in", base + ".seal.txt",
                "-sigfile", base + ".sig")).startsWith("1: Signature Verification Failure");

        // someone with access to the storage changes the audio
        String audioSha = sealed.replaceAll("(?s).*audio-sha256: ([0-9a-f]{64}).*", "$1");
        Path stored = LifecycleIT.blob(audioSha);
        assertThat(stored).exists();
        byte[] audio = Files.readAllBytes(stored);
        audio[audio.length - 1] ^= 1;
        Files.write(stored, audio);
        JsonObject altered = seal(sealedAtOnce);
        assertThat(altered.getString("status")).isEqualTo("altered");
        assertThat(altered.getString("reason")).isEqualTo("the stored audio is not the audio that was sealed");
        assertThat(json(getText("/api/v1/action-log?recordingId=" + sealedAtOnce + "&action=verify&limit=1", admin()).body())
                .getJsonArray("items").getJsonObject(0).getString("detail"))
                .isEqualTo("seal: altered (the stored audio is not the audio that was sealed)");
        // and the operator is alarmed (raised once the check's transaction is over)
        Instant alarmed = Instant.now().plusSeconds(30);
        String alarms;
        while (!(alarms = getText("/api/v1/alarms", admin()).body()).contains("\"subject\":\"recording " + sealedAtOnce + "\"")) {
            assertThat(Instant.now()).as("no seal alarm for recording %d among %s", sealedAtOnce, alarms).isBefore(alarmed);
            Thread.sleep(200);
        }
        assertThat(alarms).contains("\"condition\":\"SEAL_BROKEN\"").contains("the stored audio is not the audio that was sealed");
    }
}
