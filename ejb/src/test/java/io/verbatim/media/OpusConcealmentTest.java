package io.verbatim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lost Opus packets are concealed by libopus (Concentus): extrapolation, and where the sender used in-band FEC, the
 * copy of the lost frame carried in the next packet. Measured on a real FEC stream from the corpus: every tenth
 * packet of it dropped, the audio in the gaps is compared with the decode of the complete stream.
 */
class OpusConcealmentTest {

    static final String FEC_CAPTURE = "testsuite/tests/codecs/opus/fec/16_bit_48khz_60_fec_rtp.pcapng";
    static final int OPUS_PT = 107;
    static final long T0 = 1_700_000_000_000_000L;

    @TempDir
    Path dir;
    List<byte[]> payloads = new ArrayList<>();
    Codec opus;

    @BeforeEach
    void realPayloads() {
        Path root = Corpus.root();
        assumeTrue(root != null, "no shared corpus beside this checkout");
        CallAudio call = CallAudio.read(root.resolve("captures").resolve(FEC_CAPTURE));
        RtpStream stream = call.streams().stream().filter(s -> s.dominantPayloadType() == OPUS_PT).findFirst().orElseThrow();
        opus = call.codec(stream).orElseThrow();
        call.place(stream, opus, stream.firstCaptureNanos(), f -> payloads.add(f.payload()));
    }

    /** The stream as one party of an innovaphone call, leaving out the packets {@code dropped} says. */
    Path capture(String name, IntPredicate dropped) throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        long micros = 0;
        long timestamp = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            int samples = opus.samplesIn(payload, 0, payload.length);
            if (!dropped.test(i)) {
                pcap.udp(T0 + micros, "10.0.0.5", 16386, "10.0.0.9", 16388, TestCaptures.rtp(OPUS_PT, false, i, timestamp, 7, payload));
            }
            micros += samples * 1_000_000L / opus.sampleRate();
            timestamp += (long) samples * Opus.CLOCK_RATE / opus.sampleRate();
        }
        return pcap.write(dir.resolve(name));
    }

    static short[] local(Path capture) throws Exception {
        MemoryChannel out = new MemoryChannel();
        new CaptureConverter().toStereoWav(capture, out);
        return WavFile.parse(out.bytes()).channel(1);
    }

    @Test
    void aLostPacketIsRecoveredFromTheForwardErrorCorrectionInTheNext() throws Exception {
        double snr = snr(i -> i % 10 == 5, i -> i % 10 == 5);
        System.out.printf("Opus, every tenth packet lost: %.1f dB SNR in the gaps (silence: 0 dB)%n", snr);
        assertThat(snr).as("SNR in the gaps, dB (extrapolation alone gives about 4)").isGreaterThan(15);
    }

    @Test
    void aLongerLossIsExtrapolatedAndItsLastFrameRecovered() throws Exception {
        IntPredicate dropped = i -> i % 10 == 5 || i % 10 == 6;
        double extrapolated = snr(dropped, i -> i % 10 == 5);
        double recovered = snr(dropped, i -> i % 10 == 6);
        System.out.printf("Opus, two packets of every ten lost: %.1f dB SNR in the first (extrapolated), %.1f dB in the "
                + "second (FEC)%n", extrapolated, recovered);
        // SILK's low-rate copy predicts from the decoder's state, which extrapolation has moved away: it recovers
        // less than after a single loss, yet more than extrapolating on (measured: 0.2 dB)
        assertThat(extrapolated).as("SNR of the extrapolated frames, dB (silence: 0)").isGreaterThan(2);
        assertThat(recovered).as("SNR of the recovered frames, dB").isGreaterThan(2);
    }

    /**
     * Converts the stream whole and with the packets {@code dropped} says left out; the SNR of the second against
     * the first where the packets {@code measured} says lie.
     */
    double snr(IntPredicate dropped, IntPredicate measured) throws Exception {
        assertThat(payloads).hasSizeGreaterThan(100);
        short[] complete = local(capture("complete.pcap", i -> false));
        short[] lossy = local(capture("lossy.pcap", dropped));
        assertThat(lossy).hasSameSizeAs(complete);
        double signal = 0;
        double error = 0;
        int at = 0;
        for (int i = 0; i < payloads.size(); i++) {
            int samples = opus.samplesIn(payloads.get(i), 0, payloads.get(i).length);
            if (measured.test(i)) {
                for (int s = at; s < at + samples; s++) {
                    signal += (double) complete[s] * complete[s];
                    error += (double) (lossy[s] - complete[s]) * (lossy[s] - complete[s]);
                }
            }
            at += samples;
        }
        assertThat(signal).as("the stream has audio where packets are dropped").isGreaterThan(0);
        return 10 * Math.log10(signal / error);
    }
}
