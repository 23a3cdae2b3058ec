package io.verbatim.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    /** RMS of a sine of {@code hz} at 48 kHz after decimating by {@code factor}, fed in 20 ms frames. */
    private static double rmsAfter(int factor, double hz) {
        Decimator d = new Decimator(factor);
        short[] frame = new short[960];
        short[] out = new short[960];
        double sum = 0;
        int count = 0;
        for (int f = 0; f < 50; f++) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (short) Math.round(10000 * Math.sin(2 * Math.PI * hz * (f * 960 + i) / 48000));
            }
            int n = d.process(frame, frame.length, out, 0);
            assertThat(n).isEqualTo(960 / factor);
            if (f >= 5) { // past the filter's start-up
                for (int i = 0; i < n; i++) {
                    sum += (double) out[i] * out[i];
                    count++;
                }
            }
        }
        return Math.sqrt(sum / count);
    }

    @Test
    void keepsThePassBandAndRemovesWhatWouldAlias() {
        double input = 10000 / Math.sqrt(2);
        // 48 kHz -> 16 kHz: speech stays, 12 kHz (above the new 8 kHz Nyquist) is gone
        assertThat(rmsAfter(3, 1000) / input).isBetween(0.99, 1.01);
        assertThat(rmsAfter(3, 6000) / input).isBetween(0.95, 1.05);
        assertThat(20 * Math.log10(rmsAfter(3, 12000) / input)).isLessThan(-60);
        // 48 kHz -> 8 kHz
        assertThat(rmsAfter(6, 1000) / input).isBetween(0.99, 1.01);
        assertThat(20 * Math.log10(rmsAfter(6, 6000) / input)).isLessThan(-60);
    }

    /** Calls of any size, down to one sample, give what one call over the whole input gives. */
    @Test
    void theSizeOfCallsDoesNotChangeTheOutput() {
        Random random = new Random(7);
        short[] in = noisyTone(20000, 0.07, random);
        for (int factor : new int[]{2, 3, 6}) {
            short[] whole = new short[in.length / factor];
            assertThat(new Decimator(factor).process(in, in.length, whole, 0)).isEqualTo(whole.length);
            assertThat(inPieces(new Decimator(factor)::process, in, whole.length, random)).as("factor %d", factor)
                    .isEqualTo(whole);
        }
    }

    /** {@code length} samples of a tone advancing {@code step} radians a sample, with noise a third its level. */
    static short[] noisyTone(int length, double step, Random random) {
        short[] tone = new short[length];
        for (int i = 0; i < length; i++) {
            tone[i] = (short) (12000 * Math.sin(i * step) + 4000 * random.nextGaussian());
        }
        return tone;
    }

    /** A rate converter's {@code process}: what it writes of {@code in[0..n)} into {@code out} from an offset. */
    interface Conversion {
        int process(short[] in, int n, short[] out, int outOffset);
    }

    /** {@code in} converted in calls of random sizes, down to one sample: {@code length} samples, no more. */
    static short[] inPieces(Conversion conversion, short[] in, int length, Random random) {
        short[] out = new short[length];
        short[] chunk = new short[1000];
        int written = 0;
        for (int at = 0; at < in.length; ) {
            int size = Math.min(in.length - at, random.nextInt(5) == 0 ? 1 + random.nextInt(3) : random.nextInt(1000));
            System.arraycopy(in, at, chunk, 0, size);
            written += conversion.process(chunk, size, out, written);
            at += size;
        }
        assertThat(written).as("samples written").isEqualTo(length);
        return out;
    }

    @Test
    void factorOneIsTheIdentity() {
        Decimator d = new Decimator(1);
        short[] in = {1, -2, 3, 32767, -32768};
        short[] out = new short[5];
        assertThat(d.process(in, 5, out, 0)).isEqualTo(5);
        assertThat(out).containsExactly(in);
    }
}
