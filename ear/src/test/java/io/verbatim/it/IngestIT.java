package io.verbatim.it;

import static io.verbatim.it.VerbatimServer.admin;
import static io.verbatim.it.VerbatimServer.awaitConverted;
import static io.verbatim.it.VerbatimServer.captureName;
import static io.verbatim.it.VerbatimServer.getBytes;
import static io.verbatim.it.VerbatimServer.idFrom;
import static io.verbatim.it.VerbatimServer.json;
import static io.verbatim.it.VerbatimServer.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbatim.media.fixture.Corpus;
import io.verbatim.media.fixture.WavFile;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A capture's whole way through the deployed server: PUT, conversion, catalog, audio; and what is refused. */
class IngestIT {

    static final String TWO_PARTY_G711 = "pcap2wav/one.pcap";

    static Path corpusCapture(String relative) {
        Path root = Corpus.root();
        assumeTrue(root != null, "no shared corpus beside this checkout");
        return root.resolve("captures").resolve(relative);
    }

    @Test
    void aCorpusCaptureIsStoredConvertedAndPlayableAsStereoMatchingTheReference() throws Exception {
        byte[] capture = Files.readAllBytes(corpusCapture(TWO_PARTY_G711));
        String name = captureName("alice");
        HttpResponse<String> created = upload(name, capture);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = idFrom(created);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/recordings/" + id));

        JsonObject recording = awaitConverted(id);
        assertThat(recording.getString("state")).isEqualTo("READY");
        assertThat(recording.getString("callId")).isEqualTo(name.substring(0, 32));
        assertThat(recording.getString("owner")).isEqualTo("alice");
        assertThat(recording.getString("codec")).isEqualTo("G.711 A-law");
        assertThat(recording.getJsonNumber("durationSeconds").doubleValue()).isBetween(8.0, 8.2);
        assertThat(recording.getString("originalSha256")).isEqualTo(sha256(capture));
        assertThat(recording.getString("start")).startsWith("2023-03-09T");

        HttpResponse<byte[]> audio = getBytes("/api/v1/recordings/" + id + "/audio", admin());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
        WavFile wav = WavFile.parse(audio.body());
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.sampleRate()).isEqualTo(8000);

        // each direction's reference decode is found, sample-exact, in its own channel
        List<Corpus.Reference> references = Corpus.references("pcma").stream()
                .filter(r -> r.capture().equals(TWO_PARTY_G711)).toList();
        assertThat(references).hasSize(2);
        boolean[] channelUsed = new boolean[2];
        for (Corpus.Reference ref : references) {
            short[] expected = ref.decode().channel(0);
            int matched = -1;
            for (int c = 0; c < 2 && matched < 0; c++) {
                short[] channel = wav.channel(c);
                int offset = WavFile.bestOffset(channel, expected, 4000);
                if (offset >= 0 && offset + expected.length <= channel.length
                        && WavFile.snr(expected, Arrays.copyOfRange(channel, offset, offset + expected.length)) >= 40) {
                    matched = c;
                }
            }
            assertThat(matched).as("channel holding %s", ref.stream()).isNotNegative();
            assertThat(channelUsed[matched]).as("both directions in one channel").isFalse();
            channelUsed[matched] = true;
        }
    }

    @ParameterizedTest
    @CsvSource({
            "sipnab/tests/pcap-samples/sip-rtp-g729a.pcap, G.729, 8000, true",
            // Opus with its payload type (96) negotiated in the capture's SDP (its audio is digital silence,
            // as in the reference decode); decoded at 16 kHz
            "sipnab/tests/pcap-samples/invite-opus-bye.pcap, Opus, 16000, false",
            // Opus on PT 96 without an rtpmap, beside RFC 4733 events, and on PT 107 with no SIP at all:
            // recognised from the packets
            "testsuite/tests/channels/pjsip/dtmf_sdp/dtmf_sdp_recognition/sipp/opus-2013785496.pcap, Opus, 16000, true",
            "testsuite/tests/codecs/opus/fec/16_bit_48khz_60_fec_rtp.pcapng, Opus, 16000, true"})
    void capturesInOtherCodecsConvertToo(String capture, String codec, int sampleRate, boolean audible) throws Exception {
        long id = idFrom(upload(captureName("olga"), Files.readAllBytes(corpusCapture(capture))));
        JsonObject recording = awaitConverted(id);
        assertThat(recording.getString("state")).as(recording.toString()).isEqualTo("READY");
        assertThat(recording.getString("codec")).isEqualTo(codec);
        WavFile wav = WavFile.parse(getBytes("/api/v1/recordings/" + id + "/audio", admin()).body());
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.sampleRate()).isEqualTo(sampleRate);
        assertThat(wav.channel(0).length).isEqualTo((int) Math.round(recording.getJsonNumber("durationSeconds").doubleValue() * sampleRate));
        short peak = 0;
        for (int c = 0; c < 2; c++) {
            for (short sample : wav.channel(c)) {
                peak = (short) Math.max(peak, Math.abs(sample));
            }
        }
        if (audible) {
            assertThat(peak).as("audible audio").isGreaterThan((short) 1000);
        } else {
            assertThat(peak).as("silence, as in the reference").isLessThan((short) 100);
        }
    }

    @Test
    void recordingsAreConvertedToTheConfiguredOutputFormat() throws Exception {
        try {
            HttpResponse<String> bad = VerbatimServer.putJson("/api/v1/settings", "{\"outputFormat\":\"ogg\"}", admin());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad.body()).getString("message")).startsWith("outputFormat:");
            HttpResponse<String> set = VerbatimServer.putJson("/api/v1/settings", "{\"outputFormat\":\"mp3-32-mono\"}", admin());
            assertThat(json(set.body()).getString("outputFormat")).isEqualTo("mp3-32-mono");

            long id = idFrom(upload(captureName("mia"), Files.readAllBytes(corpusCapture(TWO_PARTY_G711))));
            JsonObject recording = awaitConverted(id);
            assertThat(recording.getString("audioFormat")).isEqualTo("mp3-32-mono");
            HttpResponse<byte[]> audio = getBytes("/api/v1/recordings/" + id + "/audio?download=true", admin());
            assertThat(audio.statusCode()).isEqualTo(200);
            assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
            assertThat(VerbatimServer.savedName(audio)).endsWith("_recording-" + id + ".mp3");
            byte[] mp3 = audio.body();
            assertThat(new String(mp3, 0, 3, StandardCharsets.US_ASCII)).as("an ID3v2 tag first").isEqualTo("ID3");
            int tag = 10 + ((mp3[6] & 0x7f) << 21 | (mp3[7] & 0x7f) << 14 | (mp3[8] & 0x7f) << 7 | (mp3[9] & 0x7f));
            assertThat(mp3[tag] & 0xff).as("MPEG frame sync after the tag").isEqualTo(0xff);
            assertThat(mp3[tag + 1] & 0xe0).isEqualTo(0xe0);
            assertThat(mp3.length).as("8 s at 32 kbit/s").isBetween(30_000, 36_000);
        } finally {
            VerbatimServer.putJson("/api/v1/settings", "{\"outputFormat\":\"wav\"}", admin());
        }
    }

    @Test
    void audioHonoursRangeRequests() throws Exception {
        long id = idFrom(upload(captureName("alice"), Files.readAllBytes(corpusCapture(TWO_PARTY_G711))));
        awaitConverted(id);
        String path = "/api/v1/recordings/" + id + "/audio";
        byte[] whole = getBytes(path, admin()).body();

        HttpResponse<byte[]> head = getBytes(path, admin(), "Range", "bytes=0-43");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-43/" + whole.length);
        assertThat(head.body()).isEqualTo(Arrays.copyOf(whole, 44));

        HttpResponse<byte[]> rest = getBytes(path, admin(), "Range", "bytes=1000-");
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(whole, 1000, whole.length));

        HttpResponse<byte[]> tail = getBytes(path, admin(), "Range", "bytes=-100");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 100, whole.length));

        HttpResponse<byte[]> past = getBytes(path, admin(), "Range", "bytes=" + whole.length + "-");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.length);
    }

    @Test
    void theSameUploadAgainIsIdempotentAndOtherBytesUnderThatNameConflict() throws Exception {
        byte[] capture = Files.readAllBytes(corpusCapture(TWO_PARTY_G711));
        String name = captureName("carol");
        HttpResponse<String> first = upload(name, capture);
        assertThat(first.statusCode()).isEqualTo(201);

        HttpResponse<String> again = upload(name, capture);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(idFrom(again)).isEqualTo(idFrom(first));

        byte[] other = Files.readAllBytes(corpusCapture("sipp/pcap/g711a.pcap"));
        HttpResponse<String> conflict = upload(name, other);
        assertThat(conflict.statusCode()).isEqualTo(409);
        String reason = json(conflict.body()).getString("message");
        assertThat(reason).contains("already exists with different content");
        assertKeptInQuarantine(name, other, reason);
    }

    /**
     * Two uploads of one name at once, with other bytes: one becomes the recording, the other is a conflict kept in
     * quarantine, also when both looked for the name before either was catalogued. Never a server error or lost bytes.
     */
    @Test
    void twoUploadsOfOneNameAtOnceGiveOneRecordingAndOneConflict() throws Exception {
        byte[][] bodies = {Files.readAllBytes(corpusCapture(TWO_PARTY_G711)), Files.readAllBytes(corpusCapture("sipp/pcap/g711a.pcap"))};
        int raced = 0;
        for (int round = 0; round < 10; round++) {
            String name = captureName("race");
            List<HttpResponse<String>> uploads = atOnce(name, bodies);
            assertThat(uploads.stream().map(HttpResponse::statusCode).sorted().toList())
                    .as("round %d: %s / %s", round, uploads.get(0).body(), uploads.get(1).body()).containsExactly(201, 409);
            int refused = uploads.get(0).statusCode() == 409 ? 0 : 1;
            String reason = json(uploads.get(refused).body()).getString("message");
            assertKeptInQuarantine(name, bodies[refused], reason);
            raced += reason.contains("at the same moment") ? 1 : 0;
        }
        System.out.printf("Uploads of one name at once: %d of 10 rounds both looked before either was catalogued%n", raced);

        for (int round = 0; round < 5; round++) { // the same file sent twice at once: one recording
            String name = captureName("twice");
            List<HttpResponse<String>> uploads = atOnce(name, bodies[0], bodies[0]);
            assertThat(uploads.stream().map(HttpResponse::statusCode).sorted().toList()).as("round %d", round)
                    .containsExactly(200, 201);
            assertThat(idFrom(uploads.get(0))).isEqualTo(idFrom(uploads.get(1)));
        }
    }

    /** Each body uploaded under {@code name}, all started at once; the answers in the bodies' order. */
    private static List<HttpResponse<String>> atOnce(String name, byte[]... bodies) {
        List<CompletableFuture<HttpResponse<String>>> uploads = Arrays.stream(bodies)
                .map(body -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return upload(name, body);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        return uploads.stream().map(CompletableFuture::join).toList();
    }

    /** The refused bytes and the reason are listed for administrators, and the bytes come back unchanged. */
    static void assertKeptInQuarantine(String name, byte[] body, String reason) throws Exception {
        HttpResponse<String> list = VerbatimServer.getText("/api/v1/quarantine?limit=500", admin());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonObject kept = json(list.body()).getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(q -> q.getString("fileName").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("not in quarantine: " + name));
        assertThat(kept.getString("reason")).isEqualTo(reason);
        assertThat(kept.getJsonNumber("size").longValue()).isEqualTo(body.length);
        assertThat(kept.getString("sha256")).isEqualTo(sha256(body));
        HttpResponse<byte[]> original = getBytes(kept.getString("originalUrl"), admin());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(body);
    }

    @Test
    void aBodyThatIsNoCaptureIsRefusedWithTheReasonAndKeptInQuarantine() throws Exception {
        String name = captureName("dave");
        byte[] body = "hello, not a capture".getBytes();
        HttpResponse<String> text = upload(name, body);
        assertThat(text.statusCode()).isEqualTo(400);
        String reason = json(text.body()).getString("message");
        assertThat(reason).startsWith("body is not a pcap or pcapng capture");
        assertKeptInQuarantine(name, body, reason);

        HttpResponse<String> empty = upload(captureName("dave"), new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty.body()).getString("message")).contains("empty");
    }

    @Test
    void namesThatCannotBeFileNamesAreRefused() throws Exception {
        HttpResponse<String> control = upload("bad%0aname.pcap", new byte[]{(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1});
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(json(control.body()).getString("message")).contains("control character");

        HttpResponse<String> tooLong = upload("x".repeat(300) + ".pcap", new byte[]{(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1});
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong.body()).getString("message")).contains("longer than 255");
    }

    @Test
    void aCodecWeDoNotDecodeFailsWithTheReasonAndKeepsTheOriginal() throws Exception {
        byte[] capture = Files.readAllBytes(corpusCapture("rtpproxy/tests/rtp_analyze/G723_1.a.rtp.pcap"));
        long id = idFrom(upload(captureName("erin"), capture));
        JsonObject recording = awaitConverted(id);
        assertThat(recording.getString("state")).isEqualTo("FAILED");
        assertThat(recording.getString("failureReason")).isEqualTo("unsupported codec G.723.1 (PT 4)");
        assertThat(recording.getString("originalSha256")).isEqualTo(sha256(capture));
        assertThat(recording.getJsonNumber("originalSize").longValue()).isEqualTo(capture.length);

        HttpResponse<byte[]> audio = getBytes("/api/v1/recordings/" + id + "/audio", admin());
        assertThat(audio.statusCode()).isEqualTo(409);
        HttpResponse<byte[]> original = getBytes("/api/v1/recordings/" + id + "/original", admin());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("application/vnd.tcpdump.pcap");
        assertThat(original.body()).isEqualTo(capture);
    }

    @Test
    void aCaptureOverTheConfiguredLimitIsRefused() throws Exception {
        try {
            assertThat(VerbatimServer.putJson("/api/v1/settings", "{\"maxCaptureBytes\":1024}", admin()).statusCode()).isEqualTo(200);
            byte[] capture = Files.readAllBytes(corpusCapture(TWO_PARTY_G711));
            HttpResponse<String> tooLarge = upload(captureName("frank"), capture);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(json(tooLarge.body()).getString("message")).contains("size limit of 1024 bytes");
        } finally {
            VerbatimServer.putJson("/api/v1/settings", "{\"maxCaptureBytes\":2147483648}", admin());
        }
    }

    @Test
    void withWebdavCredentialsSetUploadsMustCarryThem() throws Exception {
        byte[] capture = Files.readAllBytes(corpusCapture("sipp/pcap/g711a.pcap"));
        try {
            HttpResponse<String> set = VerbatimServer.putJson("/api/v1/settings",
                    "{\"webdavUser\":\"recorder\",\"webdavPassword\":\"rec-secret-1\"}", admin());
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(json(set.body()).getString("webdavUser")).isEqualTo("recorder");
            assertThat(set.body()).doesNotContain("rec-secret-1");

            String path = "/" + VerbatimServer.PBX + "/recordings/Files/" + captureName("gina");
            HttpResponse<String> without = VerbatimServer.put(path, capture, null);
            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(without.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
            assertThat(VerbatimServer.put(path, capture, VerbatimServer.basic("recorder", "wrong")).statusCode()).isEqualTo(401);
            assertThat(VerbatimServer.put(path, capture, VerbatimServer.basic("recorder", "rec-secret-1")).statusCode()).isEqualTo(201);
        } finally {
            VerbatimServer.putJson("/api/v1/settings", "{\"webdavUser\":\"\"}", admin());
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
