package io.verbatim.media.codec.g729;

import static io.verbatim.media.fixture.WavFile.dbfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbatim.media.CaptureConverter;
import io.verbatim.media.ConversionResult;
import io.verbatim.media.fixture.LossyStream;
import io.verbatim.media.fixture.MemoryChannel;
import io.verbatim.media.fixture.TestCaptures;
import io.verbatim.media.fixture.WavFile;
import io.verbatim.media.rtp.PayloadTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G.729 Annex B comfort noise: a SID frame's level and spectrum become noise, which goes on through the pause the
 * sender makes after it and through frames lost in it, and stops when speech resumes. Speech payloads are the
 * corpus' G.729A call; SID frames are built from their fields (predictor switch, two LSF indices, energy index).
 */
public class G729ComfortNoiseTest {

    @TempDir
    Path dir;

    /** A SID frame: 1 bit MA predictor, 5 + 4 bits LSF indices, 5 bits energy, a spare bit. */
    static byte[] sid(int mode, int first, int second, int energy) {
        int bits = mode << 15 | first << 10 | second << 6 | energy << 1;
        return new byte[] {(byte) (bits >> 8), (byte) bits};
    }

    @Test
    void theExcitationHasTheSidsEnergyInEverySubframe() {
        float[][] lsfHistory = resetLsfHistory();
        for (int energy = 0; energy < 32; energy++) {
            G729ComfortNoise noise = new G729ComfortNoise();
            noise.sid(sid(0, 3, 5, energy), 0, lsfHistory);
            float[] excitation = new float[154 + 80 + 80 * 20];
            double gain = G729ComfortNoise.SID_GAIN[energy];
            for (int frame = 0; frame < 20; frame++) {
                noise.excitation(frame == 0, excitation, 154 + frame * 80);
                for (int subframe = 0; subframe < 2; subframe++) {
                    double sum = 0;
                    for (int i = 0; i < 40; i++) {
                        double e = excitation[154 + frame * 80 + subframe * 40 + i];
                        sum += e * e;
                    }
                    double rms = Math.sqrt(sum / 40);
                    if (energy <= 25) {
                        assertThat(rms).as("RMS of energy index %d, frame %d.%d", energy, frame, subframe)
                                .isCloseTo(gain, within(gain * 1e-3));
                    } else { // the pulses' gain is capped (at 5000), which the loudest levels can reach
                        assertThat(rms).as("RMS of energy index %d, frame %d.%d", energy, frame, subframe)
                                .isBetween(gain / 2, gain * 1.001);
                    }
                }
            }
        }
    }

    @Test
    void everySidSpectrumDecodesToAStableFilter() {
        for (int mode = 0; mode < 2; mode++) {
            for (int first = 0; first < 32; first++) {
                for (int second = 0; second < 16; second++) {
                    float[][] lsfHistory = resetLsfHistory();
                    G729ComfortNoise noise = new G729ComfortNoise();
                    noise.sid(sid(mode, first, second, 10), 0, lsfHistory);
                    float[] lsp = noise.lsp();
                    for (int i = 0; i < 10; i++) {
                        // LSPs are the cosines of LSFs rising strictly within (0, pi): falling within (-1, 1)
                        assertThat(lsp[i]).isStrictlyBetween(-1f, 1f);
                        if (i > 0) {
                            assertThat(lsp[i]).as("LSP %d of SID %d/%d/%d", i, mode, first, second).isLessThan(lsp[i - 1]);
                        }
                    }
                }
            }
        }
    }

    /**
     * The noise's spectrum is the SID's: measured by the first autocorrelation coefficient (near 1 for noise whose
     * energy is low in frequency, below 0 for high), against that of the SID's LPC synthesis filter's impulse
     * response, for the two first-stage spectra furthest apart. The postfilter shapes the noise a little, so the
     * two agree within 0.1.
     */
    @Test
    void theNoiseSpectrumFollowsTheSid() {
        int lowest = -1;
        int highest = -1;
        double[] expected = new double[32];
        for (int first = 0; first < 32; first++) {
            expected[first] = firstAutocorrelationOfFilter(first);
            lowest = lowest < 0 || expected[first] < expected[lowest] ? first : lowest;
            highest = highest < 0 || expected[first] > expected[highest] ? first : highest;
        }
        for (int first : new int[] {lowest, highest}) {
            G729 decoder = new G729(); // no speech before: the SID's prediction starts where the test's does
            short[] out = new short[16000];
            byte[] sid = sid(0, first, 0, 14);
            decoder.decode(sid, 0, sid.length, out, 0);
            decoder.pause(16000, out, 0);
            double measured = firstAutocorrelation(out, 8000, 16000);
            System.out.printf("G.729B SID spectrum %d: first autocorrelation %.2f, filter's %.2f%n", first, measured,
                    expected[first]);
            assertThat(measured).as("SID spectrum %d", first).isCloseTo(expected[first], within(0.1));
        }
        assertThat(expected[highest] - expected[lowest]).as("the spectra differ").isGreaterThan(0.3);
    }

    private static double firstAutocorrelationOfFilter(int first) {
        float[][] lsfHistory = resetLsfHistory();
        G729ComfortNoise noise = new G729ComfortNoise();
        noise.sid(sid(0, first, 0, 14), 0, lsfHistory);
        float[] a = new float[11];
        org.restcomm.media.codec.g729.LpcFunc.lsp_az(noise.lsp(), 0, a, 0);
        double[] h = new double[400]; // the impulse response of 1/A(z), A(z) = 1 + a1 z^-1 + ... + a10 z^-10
        double lag0 = 0;
        double lag1 = 0;
        for (int n = 0; n < h.length; n++) {
            double v = n == 0 ? 1 : 0;
            for (int k = 1; k <= 10 && k <= n; k++) {
                v -= a[k] * h[n - k];
            }
            h[n] = v;
            lag0 += v * v;
            lag1 += n == 0 ? 0 : v * h[n - 1];
        }
        return lag1 / lag0;
    }

    public static double firstAutocorrelation(short[] x, int from, int to) {
        double lag0 = 0;
        double lag1 = 0;
        for (int i = from + 1; i < to; i++) {
            lag0 += (double) x[i] * x[i];
            lag1 += (double) x[i] * x[i - 1];
        }
        return lag1 / lag0;
    }

    @Test
    void theNoiseLevelFollowsTheSidEnergy() {
        List<byte[]> speech = speech();
        double quiet = noiseLevel(speech, 8);
        double loud = noiseLevel(speech, 18);
        System.out.printf("G.729B comfort noise: %.1f dB at energy index 8, %.1f dB at 18%n", quiet, loud);
        // Annex B's energy steps are 2 dB above index 8: ten steps are 20 dB
        assertThat(loud - quiet).isCloseTo(20, within(2.0));
        assertThat(quiet).as("level at index 8, dB full scale").isBetween(-75.0, -35.0);
    }

    /** dB full scale of the second second of comfort noise after speech and a SID of energy index {@code energy}. */
    private static double noiseLevel(List<byte[]> speech, int energy) {
        G729 decoder = new G729();
        short[] out = new short[16000];
        for (byte[] payload : speech.subList(0, 50)) {
            decoder.decode(payload, 0, payload.length, out, 0);
        }
        byte[] sid = sid(0, 7, 3, energy);
        assertThat(decoder.decode(sid, 0, sid.length, out, 0)).isEqualTo(80);
        assertThat(decoder.pause(8000, out, 0)).isEqualTo(8000);
        assertThat(decoder.pause(8000, out, 8000)).isEqualTo(8000);
        return dbfs(out, 8000, 16000);
    }

    @Test
    void lossDuringComfortNoiseIsMoreNoiseAndSpeechEndsIt() {
        List<byte[]> speech = speech();
        G729 decoder = new G729();
        short[] out = new short[8000];
        byte[] first = speech.get(0);
        decoder.decode(first, 0, first.length, out, 0);
        assertThat(decoder.pause(800, out, 0)).as("a pause after speech stays silent").isZero();
        byte[] sid = sid(1, 20, 9, 16);
        decoder.decode(sid, 0, sid.length, out, 0);
        // a second lost: far beyond what concealment of speech covers, but comfort noise goes on
        assertThat(decoder.conceal(8000, first, out, 0)).isEqualTo(8000);
        assertThat(dbfs(out, 0, 8000)).isGreaterThan(-70.0);
        decoder.decode(first, 0, first.length, out, 0);
        assertThat(decoder.pause(800, out, 0)).as("a pause after speech again").isZero();
    }

    @Test
    void aCapturedCallFillsTheSendersPauseAfterASidWithComfortNoise() throws Exception {
        List<byte[]> speech = speech();
        // 100 packets of speech, a SID, 12 s without packets (longer than the render waits for late packets), speech
        Path capture = call(speech, true);
        MemoryChannel out = new MemoryChannel();
        ConversionResult result = new CaptureConverter().toStereoWav(capture, out);
        short[] local = WavFile.parse(out.bytes()).channel(1);
        int speechSamples = 0;
        for (byte[] payload : speech.subList(0, 100)) {
            speechSamples += 80 * (payload.length / 10);
        }
        int pauseStart = speechSamples + 80;
        int pauseEnd = pauseStart + 12 * 8000;
        double whole = dbfs(local, pauseStart, pauseEnd);
        System.out.printf("G.729B comfort noise in a 12 s pause: %.1f dB%n", whole);
        assertThat(whole).isBetween(-70.0, -20.0);
        for (int second = 0; second < 12; second++) {
            int from = pauseStart + second * 8000;
            assertThat(dbfs(local, from, from + 8000)).as("second %d of the pause", second).isCloseTo(whole, within(3.0));
        }
        assertThat(result.warnings()).as("nothing placed late").noneMatch(w -> w.contains("late"));

        short[] withoutSid = WavFile.parse(convert(call(speech, false))).channel(1);
        for (int s = pauseStart; s < pauseEnd; s++) {
            assertThat(withoutSid[s]).as("sample %d: a pause after speech without a SID is silent", s).isZero();
        }
    }

    private Path call(List<byte[]> speech, boolean withSid) throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        long t0 = LossyStream.T0;
        int sequence = 0;
        long timestamp = 0;
        List<byte[]> packets = new ArrayList<>(speech.subList(0, 100));
        packets.add(withSid ? sid(0, 12, 6, 14) : null);
        packets.addAll(speech.subList(100, 200));
        for (byte[] payload : packets) {
            if (payload != null) {
                long micros = timestamp * 125;
                pcap.udp(t0 + micros, "10.0.0.5", 16386, "10.0.0.9", 16388,
                        TestCaptures.rtp(PayloadTypes.G729, false, sequence++, timestamp, 7, payload));
            }
            timestamp += payload == null || payload.length == 2 ? 80 + 12 * 8000 : 80 * (payload.length / 10);
        }
        return pcap.write(dir.resolve(withSid ? "sid.pcap" : "nosid.pcap"));
    }

    private static byte[] convert(Path capture) throws Exception {
        MemoryChannel out = new MemoryChannel();
        new CaptureConverter().toStereoWav(capture, out);
        return out.bytes();
    }

    /** The LSF predictor memory of a decoder that has decoded nothing yet. */
    private static float[][] resetLsfHistory() {
        float[][] lsfHistory = new float[4][10];
        for (float[] lsf : lsfHistory) {
            System.arraycopy(G729.RESET_LSF, 0, lsf, 0, 10);
        }
        return lsfHistory;
    }

    /** The level of {@code samples[from..to)}, dB below full scale. */

    private static List<byte[]> speech() {
        List<byte[]> payloads = G729Test.corpusPayloads();
        assumeTrue(payloads.size() >= 200, "the corpus' G.729 call has 200 packets");
        return payloads;
    }
}
