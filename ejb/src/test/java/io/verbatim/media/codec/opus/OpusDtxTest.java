package io.verbatim.media.codec.opus;

import static io.verbatim.media.fixture.WavFile.dbfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusSignal;
import io.verbatim.media.CaptureConverter;
import io.verbatim.media.codec.g729.G729ComfortNoiseTest;
import io.verbatim.media.fixture.LossyStream;
import io.verbatim.media.fixture.MemoryChannel;
import io.verbatim.media.fixture.TestCaptures;
import io.verbatim.media.fixture.WavFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opus discontinuous transmission. A sender with DTX on sends no packets while only background noise is heard.
 * libopus' encoder marks such frames by returning a bare TOC byte, and RFC 7587 has the sender leave them out
 * (some send them anyway). A real frame still goes every 400 ms. The streams here come from libopus' encoder
 * (Concentus), fed a vowel, then coloured background noise alone, then the vowel again. The pauses must sound like
 * the background did, not like digital silence. A sender that simply stops, mid-speech, leaves silence.
 */
class OpusDtxTest {

    private static final int RATE = 16000;
    private static final int MS = RATE / 1000;
    private static final int SPEECH_MS = 2000;
    private static final int QUIET_MS = 5000; // background alone
    private static final int CALL_MS = SPEECH_MS + QUIET_MS + SPEECH_MS;
    private static final int WINDOW = 20 * MS;

    @TempDir
    Path dir;

    /**
     * libopus' encoder counts frames, not time, before DTX: with 10 ms frames it leaves frames out after 90 ms of
     * background, and sends one every 200 ms. 40 ms frames are two SILK frames each.
     */
    @ParameterizedTest(name = "{0} ms frames, bare TOC bytes sent: {1}")
    @CsvSource({"20, false", "20, true", "10, false", "10, true", "40, false"})
    void thePausesOfDiscontinuousTransmissionSoundAsTheBackgroundDid(int frameMs, boolean sendsEmptyFrames)
            throws Exception {
        short[] input = call(30);
        Stream stream = encode(input, frameMs, sendsEmptyFrames, Integer.MAX_VALUE);
        System.out.printf("Opus DTX, %d ms frames: %d of %d frames empty, the first at %d ms%n", frameMs,
                stream.empty, CALL_MS / frameMs, stream.firstEmpty * frameMs);
        assertThat(stream.empty).as("frames the encoder left empty").isGreaterThan(QUIET_MS / frameMs / 3);
        assertThat(stream.firstEmpty * frameMs).isBetween(SPEECH_MS, SPEECH_MS + 1000);
        short[] local = convert(stream.pcap);

        int backgroundFrom = (SPEECH_MS + 100) * MS;
        int pauseFrom = stream.firstEmpty * frameMs * MS;
        int pauseTo = (SPEECH_MS + QUIET_MS) * MS;
        double background = dbfs(input, backgroundFrom, pauseTo);
        double pause = dbfs(local, pauseFrom, pauseTo);
        double backgroundTilt = G729ComfortNoiseTest.firstAutocorrelation(input, backgroundFrom, pauseTo);
        double pauseTilt = G729ComfortNoiseTest.firstAutocorrelation(local, pauseFrom, pauseTo);
        System.out.printf("Opus DTX pause (%d ms frames, bare TOC bytes %s): %.1f dB, first autocorrelation %.2f; "
                + "the background: %.1f dB, %.2f%n", frameMs, sendsEmptyFrames ? "sent" : "left out", pause,
                pauseTilt, background, backgroundTilt);
        assertThat(pause).as("the pause, dBFS").isBetween(background - 6, background + 3);
        assertThat(pauseTilt).as("the pause's spectral tilt").isCloseTo(backgroundTilt, within(0.15));
        for (int from = pauseFrom; from + WINDOW <= pauseTo; from += WINDOW) {
            assertThat(dbfs(local, from, from + WINDOW)).as("the 20 ms from %d ms", from / MS)
                    .isGreaterThan(background - 12);
        }
        for (int from = pauseFrom; from + RATE / 2 <= pauseTo; from += RATE / 2) {
            assertThat(dbfs(local, from, from + RATE / 2)).as("the half second from %d ms", from / MS)
                    .isCloseTo(pause, within(4.0));
        }
        assertThat(dbfs(local, pauseTo + 200 * MS, pauseTo + 1200 * MS))
                .as("the speech after the pause, dBFS").isGreaterThan(pause + 20);
    }

    @ParameterizedTest(name = "{0} ms frames")
    @ValueSource(ints = {10, 20})
    void aSenderThatStopsMidSpeechLeavesSilence(int frameMs) throws Exception {
        short[] input = call(30);
        int stop = (SPEECH_MS / 2 + 60) / frameMs; // in the middle of a syllable
        short[] local = convert(encode(input, frameMs, false, stop).pcap);
        assertThat(dbfs(local, stop * frameMs * MS - 100 * MS, stop * frameMs * MS)).as("speech before the stop")
                .isGreaterThan(-40);
        int silentFrom = (stop * frameMs + 200) * MS; // past concealment of the last packet's sound
        for (int i = silentFrom; i < (SPEECH_MS + QUIET_MS) * MS; i++) {
            assertThat(local[i]).as("sample %d of the pause", i).isZero();
        }
    }

    @Test
    void voiceActivityIsReadFromEveryPacketLayout() {
        // SILK wideband 20 ms (configuration 9) and 60 ms (11, three voice activity flags), hybrid (13), CELT (31)
        for (int code = 0; code < 4; code++) {
            int frames = code == 0 ? 1 : 2;
            assertThat(OpusComfortNoise.backgroundFrames(packet(9, code, 0x3f), 0, packet(9, code, 0x3f).length))
                    .as("code %d, background", code).isEqualTo(frames);
            assertThat(OpusComfortNoise.backgroundFrames(packet(9, code, 0x80), 0, packet(9, code, 0x80).length))
                    .as("code %d, voice", code).isZero();
        }
        assertThat(OpusComfortNoise.backgroundFrames(packet(11, 0, 0x1f), 0, 4)).as("60 ms, none active").isEqualTo(3);
        assertThat(OpusComfortNoise.backgroundFrames(packet(11, 0, 0x20), 0, 4)).as("60 ms, third active").isZero();
        assertThat(OpusComfortNoise.backgroundFrames(packet(11, 0, 0x40), 0, 4)).as("60 ms, second active")
                .isEqualTo(1);
        assertThat(OpusComfortNoise.backgroundFrames(packet(11, 0, 0x80), 0, 4)).as("60 ms, first active")
                .isEqualTo(2);
        assertThat(OpusComfortNoise.backgroundFrames(packet(11, 1, 0x40), 0, 7)).as("two of 60 ms, second active")
                .isZero();
        assertThat(OpusComfortNoise.backgroundFrames(packet(13, 0, 0x00), 0, 4)).as("hybrid background").isEqualTo(1);
        assertThat(OpusComfortNoise.backgroundFrames(packet(31, 0, 0x00), 0, 4)).as("CELT has no flag").isZero();
        assertThat(OpusComfortNoise.backgroundFrames(new byte[] {9 << 3}, 0, 1)).as("a bare TOC byte").isZero();
        assertThat(OpusComfortNoise.backgroundFrames(new byte[] {(byte) (9 << 3 | 3), (byte) 0xc2, (byte) 255}, 0, 3))
                .as("padding past the end").isZero();
    }

    @Test
    void silkFramesAreTenMillisecondsOnlyInTheConfigurationsOfTenMillisecondFrames() {
        Set<Integer> tenMs = Set.of(0, 4, 8, 12, 14); // RFC 6716 table 2: SILK NB, MB, WB; hybrid SWB, FB
        for (int config = 0; config < 16; config++) {
            int expected = tenMs.contains(config) ? 10 : 20;
            assertThat(OpusComfortNoise.silkFrameMs((byte) (config << 3))).as("configuration %d", config)
                    .isEqualTo(expected);
        }
    }

    /** A packet of two 3-byte frames (one for code 0) whose first frame starts with {@code first}. */
    private static byte[] packet(int config, int code, int first) {
        byte toc = (byte) (config << 3 | code);
        byte[] frame = {(byte) first, 0x55, 0x55};
        return switch (code) {
            case 0 -> new byte[] {toc, frame[0], frame[1], frame[2]};
            case 1 -> new byte[] {toc, frame[0], frame[1], frame[2], 0x55, 0x55, 0x55};
            case 2 -> new byte[] {toc, 3, frame[0], frame[1], frame[2], 0x55, 0x55, 0x55};
            // two frames, VBR, one byte of padding: count byte, padding length, first frame's length, frames, padding
            default -> new byte[] {toc, (byte) 0xc2, 1, 3, frame[0], frame[1], frame[2], 0x55, 0x55, 0x55, 0};
        };
    }

    /** The vowel, background noise (low-passed: it has a spectrum to follow) alone, the vowel again. */
    private static short[] call(double noise) {
        Random random = new Random(6716);
        short[] input = new short[CALL_MS * MS];
        double background = 0;
        for (int i = 0; i < input.length; i++) {
            boolean speaking = i < SPEECH_MS * MS || i >= (SPEECH_MS + QUIET_MS) * MS;
            double voice = 0;
            if (speaking) { // 140 Hz and its harmonics, swelling four times a second
                double t = (double) i / RATE;
                for (int harmonic = 1; harmonic <= 12; harmonic++) {
                    voice += Math.sin(2 * Math.PI * 140 * harmonic * t) / harmonic;
                }
                voice *= 5000 * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t));
            }
            background = 0.7 * background + noise * random.nextGaussian();
            input[i] = (short) Math.round(voice + background);
        }
        return input;
    }

    /** {@code firstEmpty}: the first frame DTX left empty once the background is alone. */
    record Stream(TestCaptures.PcapBuilder pcap, int empty, int firstEmpty) {
    }

    /**
     * The call through libopus' encoder with DTX, in frames of {@code frameMs}, as RTP from the local side; the
     * sender stops at frame {@code stop} until the background ends.
     */
    private static Stream encode(short[] input, int frameMs, boolean sendsEmptyFrames, int stop) throws Exception {
        OpusEncoder encoder = new OpusEncoder(RATE, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        encoder.setBitrate(16000);
        encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
        encoder.setUseDTX(true);
        int samples = frameMs * MS;
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        byte[] packet = new byte[1275];
        int sent = 0;
        int empty = 0;
        int firstEmpty = -1;
        for (int frame = 0; frame < CALL_MS / frameMs; frame++) {
            int length = encoder.encode(input, frame * samples, samples, packet, 0, packet.length);
            if (frame >= stop && frame * frameMs < SPEECH_MS + QUIET_MS) {
                continue;
            }
            if (length <= 2) { // a frame DTX left empty
                empty++;
                firstEmpty = firstEmpty < 0 && frame * frameMs >= SPEECH_MS ? frame : firstEmpty;
                if (!sendsEmptyFrames) {
                    continue; // nothing goes on the wire; the RTP clock runs on
                }
            }
            pcap.udp(LossyStream.T0 + frame * frameMs * 1000L, "10.0.0.5", 16386, "10.0.0.9", 16388,
                    TestCaptures.rtp(111, false, sent++, frame * frameMs * 48L, 9, Arrays.copyOf(packet, length)));
        }
        return new Stream(pcap, empty, firstEmpty);
    }

    private short[] convert(TestCaptures.PcapBuilder pcap) throws Exception {
        MemoryChannel out = new MemoryChannel();
        new CaptureConverter().toStereoWav(pcap.write(dir.resolve("dtx.pcap")), out);
        return WavFile.parse(out.bytes()).channel(1);
    }
}
