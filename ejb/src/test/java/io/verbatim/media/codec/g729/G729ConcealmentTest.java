package io.verbatim.media.codec.g729;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbatim.media.fixture.LossyStream;
import io.verbatim.media.rtp.PayloadTypes;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lost G.729 frames are concealed as the Recommendation says (section 4.4: the last frame's LSPs and pitch, gains
 * attenuated), measured on the corpus' G.729A call: packets dropped, the audio in and after the gaps compared with
 * the decode of the complete stream. A waveform comparison is harsh on a CELP codec's concealment; silence scores
 * 0 dB in the gap, and the decoder that skipped the gap without concealing scored about -2 dB on the packet after.
 */
class G729ConcealmentTest {

    @TempDir
    Path dir;
    LossyStream stream;

    @BeforeEach
    void realPayloads() {
        stream = LossyStream.of("sipnab/tests/pcap-samples/sip-rtp-g729a.pcap", PayloadTypes.G729);
        assumeTrue(stream != null, "no shared corpus beside this checkout");
    }

    @Test
    void aLostPacketIsConcealedAndTheDecoderFollowsOnAfterIt() throws Exception {
        IntPredicate lost = i -> i % 10 == 5;
        double gap = stream.snr(dir, lost, lost);
        double after = stream.snr(dir, lost, i -> i % 10 == 6);
        System.out.printf("G.729, every tenth packet lost: %.1f dB SNR in the gaps, %.1f dB on the packets after%n",
                gap, after);
        assertThat(gap).as("SNR in the gaps, dB (silence: 0)").isGreaterThan(1.5);
        assertThat(after).as("SNR of the packets after the gaps, dB (skipping the gap: about -2)").isGreaterThan(-1);
    }

    @Test
    void twoLostPacketsAreConcealedBoth() throws Exception {
        IntPredicate lost = i -> i % 10 == 5 || i % 10 == 6;
        double gap = stream.snr(dir, lost, lost);
        System.out.printf("G.729, two packets of every ten lost: %.1f dB SNR in the gaps%n", gap);
        assertThat(gap).as("SNR in the gaps, dB (silence: 0)").isGreaterThan(0.5);
    }

    @Test
    void aGapLongerThanConcealmentReachesStaysSilent() throws Exception {
        // 15 lost packets of 20 ms are 300 ms, beyond the 200 ms that concealment covers
        for (int i = 100; i < 120; i++) {
            assertThat(stream.samples(i)).as("samples of packet %d", i).isEqualTo(160);
        }
        short[] lossy = LossyStream.local(stream.capture(dir.resolve("lossy.pcap"), i -> i >= 100 && i < 115));
        int gapStart = stream.position(100);
        int gapEnd = stream.position(115);
        for (int s = gapStart; s < gapEnd; s++) {
            assertThat(lossy[s]).as("sample %d of the gap", s).isZero();
        }
        long energyAfter = 0;
        for (int s = gapEnd; s < stream.position(120); s++) {
            energyAfter += (long) lossy[s] * lossy[s];
        }
        assertThat(energyAfter).as("the audio resumes after the gap").isPositive();
    }
}
