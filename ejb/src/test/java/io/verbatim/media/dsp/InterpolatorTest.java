package io.verbatim.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InterpolatorTest {

    /** Magnitude of the component at {@code hz} in {@code x} sampled at {@code rate} (one DFT bin). */
    private static double magnitude(short[] x, int from, int rate, double hz) {
        double re = 0;
        double im = 0;
        for (int i = from; i < x.length; i++) {
            re += x[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im -= x[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return Math.hypot(re, im) / (x.length - from);
    }

    @Test
    void doublesTheRateKeepingTheToneAndRemovingItsImage() {
        Interpolator up = new Interpolator(2);
        short[] in = new short[160];
        short[] out = new short[16000];
        int written = 0;
        for (int frame = 0; frame < 50; frame++) {
            for (int i = 0; i < in.length; i++) {
                in[i] = (short) Math.round(10000 * Math.sin(2 * Math.PI * 1000 * (frame * 160 + i) / 8000.0));
            }
            written += up.process(in, in.length, out, written);
        }
        assertThat(written).isEqualTo(16000);
        double tone = magnitude(out, 1600, 16000, 1000);
        double image = magnitude(out, 1600, 16000, 7000); // where zero-stuffing mirrors the 1 kHz tone
        assertThat(tone * 2 / 10000).as("level of the tone").isBetween(0.98, 1.02);
        assertThat(20 * Math.log10(image / tone)).as("image, dB below the tone").isLessThan(-60);
    }

    /** Calls of any size, down to one sample, give what one call over the whole input gives. */
    @Test
    void theSizeOfCallsDoesNotChangeTheOutput() {
        Random random = new Random(11);
        short[] in = DecimatorTest.noisyTone(8000, 0.21, random);
        for (int factor : new int[]{2, 3, 6}) {
            short[] whole = new short[in.length * factor];
            assertThat(new Interpolator(factor).process(in, in.length, whole, 0)).isEqualTo(whole.length);
            assertThat(DecimatorTest.inPieces(new Interpolator(factor)::process, in, whole.length, random))
                    .as("factor %d", factor).isEqualTo(whole);
        }
    }
}
