package io.verbatim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusSignal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
    private static final int FRAME = RATE / 50;
    private static final int SPEECH_FRAMES = 100; // 2 s
    private static final int QUIET_FRAMES = 250;  // 5 s of background alone
    private static final int FRAMES = SPEECH_FRAMES + QUIET_FRAMES + SPEECH_FRAMES;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "bare TOC bytes sent: {0}")
    @ValueSource(booleans = {false, true})
    void thePausesOfDiscontinuousTransmissionSoundAsTheBackgroundDid(boolean sendsEmptyFrames) throws Exception {
        short[] input = call(30);
        Stream stream = encode(input, sendsEmptyFrames, Integer.MAX_VALUE);
        System.out.printf("Opus DTX: %d of %d frames empty, the first at %d ms%n", stream.empty, FRAMES,
                stream.firstEmpty * 20);
        assertThat(stream.empty).as("frames the encoder left empty").isGreaterThan(QUIET_FRAMES / 2);
        assertThat(stream.firstEmpty).isBetween(SPEECH_FRAMES, SPEECH_FRAMES + 50);
        short[] local = convert(stream.pcap);

        int backgroundFrom = (SPEECH_FRAMES + 5) * FRAME;
        int pauseFrom = stream.firstEmpty * FRAME;
        int pauseTo = (SPEECH_FRAMES + QUIET_FRAMES) * FRAME;
        double background = dbfs(input, backgroundFrom, pauseTo);
        double pause = dbfs(local, pauseFrom, pauseTo);
        double backgroundTilt = G729ComfortNoiseTest.firstAutocorrelation(input, backgroundFrom, pauseTo);
        double pauseTilt = G729ComfortNoiseTest.firstAutocorrelation(local, pauseFrom, pauseTo);
        System.out.printf("Opus DTX pause (bare TOC bytes %s): %.1f dB, first autocorrelation %.2f; the background: "
                + "%.1f dB, %.2f%n", sendsEmptyFrames ? "sent" : "left out", pause, pauseTilt, background,
                backgroundTilt);
        assertThat(pause).as("the pause, dBFS").isBetween(background - 6, background + 3);
        assertThat(pauseTilt).as("the pause's spectral tilt").isCloseTo(backgroundTilt, within(0.15));
        for (int from = pauseFrom; from < pauseTo; from += FRAME) {
            assertThat(dbfs(local, from, from + FRAME)).as("the 20 ms from %d ms", from / (RATE / 1000))
                    .isGreaterThan(background - 12);
        }
        for (int from = pauseFrom; from + RATE / 2 <= pauseTo; from += RATE / 2) {
            assertThat(dbfs(local, from, from + RATE / 2)).as("the half second from %d ms", from / (RATE / 1000))
                    .isCloseTo(pause, within(4.0));
        }
        assertThat(dbfs(local, pauseTo + 10 * FRAME, pauseTo + 60 * FRAME))
                .as("the speech after the pause, dBFS").isGreaterThan(pause + 20);
    }

    @Test
    void aSenderThatStopsMidSpeechLeavesSilence() throws Exception {
        short[] input = call(30);
        int stop = SPEECH_FRAMES / 2 + 3; // in the middle of a syllable
        short[] local = convert(encode(input, false, stop).pcap);
        assertThat(dbfs(local, (stop - 5) * FRAME, stop * FRAME)).as("speech before the stop").isGreaterThan(-40);
        int silentFrom = (stop + 10) * FRAME; // past concealment of the last packet's sound
        for (int i = silentFrom; i < (SPEECH_FRAMES + QUIET_FRAMES) * FRAME; i++) {
            assertThat(local[i]).as("sample %d of the pause", i).isZero();
        }
    }

    @Test
    void voiceActivityIsReadFromEveryPacketLayout() {
        // SILK wideband 20 ms (configuration 9) and 60 ms (11, three voice activity flags), hybrid (13), CELT (31)
        for (int code = 0; code < 4; code++) {
            assertThat(OpusComfortNoise.isBackground(packet(9, code, 0x3f), 0, packet(9, code, 0x3f).length))
                    .as("code %d, background", code).isTrue();
            assertThat(OpusComfortNoise.isBackground(packet(9, code, 0x80), 0, packet(9, code, 0x80).length))
                    .as("code %d, voice", code).isFalse();
        }
        assertThat(OpusComfortNoise.isBackground(packet(11, 0, 0x1f), 0, 4)).as("60 ms, none active").isTrue();
        assertThat(OpusComfortNoise.isBackground(packet(11, 0, 0x20), 0, 4)).as("60 ms, third active").isFalse();
        assertThat(OpusComfortNoise.isBackground(packet(11, 0, 0x40), 0, 4)).as("60 ms, second active").isFalse();
        assertThat(OpusComfortNoise.isBackground(packet(13, 0, 0x00), 0, 4)).as("hybrid background").isTrue();
        assertThat(OpusComfortNoise.isBackground(packet(31, 0, 0x00), 0, 4)).as("CELT has no flag").isFalse();
        assertThat(OpusComfortNoise.isBackground(new byte[] {9 << 3}, 0, 1)).as("a bare TOC byte").isFalse();
        assertThat(OpusComfortNoise.isBackground(new byte[] {(byte) (9 << 3 | 3), (byte) 0xc2, (byte) 255}, 0, 3))
                .as("padding past the end").isFalse();
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
        short[] input = new short[FRAMES * FRAME];
        double background = 0;
        for (int i = 0; i < input.length; i++) {
            int frame = i / FRAME;
            boolean speaking = frame < SPEECH_FRAMES || frame >= SPEECH_FRAMES + QUIET_FRAMES;
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

    record Stream(TestCaptures.PcapBuilder pcap, int empty, int firstEmpty) {
    }

    /** The call through libopus' encoder with DTX, as RTP from the local side; the sender stops at {@code stop}. */
    private static Stream encode(short[] input, boolean sendsEmptyFrames, int stop) throws Exception {
        OpusEncoder encoder = new OpusEncoder(RATE, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        encoder.setBitrate(16000);
        encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
        encoder.setUseDTX(true);
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        byte[] packet = new byte[1275];
        int sent = 0;
        int empty = 0;
        int firstEmpty = -1;
        for (int frame = 0; frame < FRAMES; frame++) {
            int length = encoder.encode(input, frame * FRAME, FRAME, packet, 0, packet.length);
            if (frame >= stop && frame < SPEECH_FRAMES + QUIET_FRAMES) {
                continue;
            }
            if (length <= 2) { // a frame DTX left empty
                empty++;
                firstEmpty = firstEmpty < 0 ? frame : firstEmpty;
                if (!sendsEmptyFrames) {
                    continue; // nothing goes on the wire; the RTP clock runs on
                }
            }
            pcap.udp(LossyStream.T0 + frame * 20_000L, "10.0.0.5", 16386, "10.0.0.9", 16388,
                    TestCaptures.rtp(111, false, sent++, frame * 960L, 9, Arrays.copyOf(packet, length)));
        }
        return new Stream(pcap, empty, firstEmpty);
    }

    private short[] convert(TestCaptures.PcapBuilder pcap) throws Exception {
        MemoryChannel out = new MemoryChannel();
        new CaptureConverter().toStereoWav(pcap.write(dir.resolve("dtx.pcap")), out);
        return WavFile.parse(out.bytes()).channel(1);
    }

    private static double dbfs(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return 20 * Math.log10(Math.max(Math.sqrt(sum / (to - from)), 1e-3) / 32768);
    }
}
