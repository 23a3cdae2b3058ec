package io.verbatim.media.dsp;

import java.util.Arrays;

/**
 * Lowers a sample rate by a whole factor: a windowed-sinc (Blackman) low-pass FIR, evaluated only at the
 * samples kept. Keeps its history across calls, so a stream decimates seamlessly frame after frame.
 * Pass band up to 90 % of the new Nyquist frequency; the stop band is attenuated by about 70 dB.
 *
 * <p>It filters each packet's samples tap by tap rather than output by output (see {@link #process}): most Opus
 * in the field (hybrid and CELT packets, decoded at 48 kHz) passes through here, and output by output it took
 * about a fifth of such a conversion.
 */
public final class Decimator {

    private final int factor;
    private final float[] taps;
    private final int history;     // input samples a call keeps for the next: one fewer than the taps
    private int phase;             // input samples since the last one kept
    // the last history input samples, then this call's
    private float[] input;
    // input[first + m * factor + p] at phases[p][m], first being the first sample kept in this call
    private float[][] phases;
    private float[] shifted;
    private float[] sums;

    public Decimator(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1");
        }
        this.factor = factor;
        this.taps = factor == 1 ? new float[]{1f}
                : WindowedSinc.lowPass(WindowedSinc.TAPS_PER_FACTOR * factor + 1, 0.45 / factor);
        this.history = taps.length - 1;
        this.input = new float[history];
        this.phases = new float[factor][0];
        this.shifted = new float[0];
        this.sums = new float[0];
    }

    /**
     * Decimates {@code in[0..n)} into {@code out} from {@code outOffset}; returns the samples written.
     *
     * <p>The output kept at input sample {@code i} is the sum over k of {@code taps[k] * input[i + k]} (input
     * counting the history in front). Split k into {@code q * factor + p}: each of the factor phases of the input
     * is a sequence of its own, and tap k adds that phase, q samples on, to every output at once
     * ({@link WindowedSinc#addTap}).
     */
    public int process(short[] in, int n, short[] out, int outOffset) {
        int total = history + n;
        if (input.length < total) {
            input = Arrays.copyOf(input, total);
        }
        for (int i = 0; i < n; i++) {
            input[history + i] = in[i];
        }
        int first = factor - 1 - phase; // the first input of this call that is kept
        int kept = first >= n ? 0 : (n - 1 - first) / factor + 1;
        phase = (phase + n) % factor;
        if (kept > 0) {
            filter(first, kept, total);
            for (int j = 0; j < kept; j++) {
                out[outOffset + j] = WindowedSinc.toShort(sums[j]);
            }
        }
        System.arraycopy(input, n, input, 0, history);
        return kept;
    }

    /** The sums of the {@code kept} outputs into {@code sums}. */
    private void filter(int first, int kept, int total) {
        int span = kept + (taps.length + factor - 1) / factor; // samples of each phase the taps reach
        if (shifted.length < kept) {
            shifted = new float[kept];
            sums = new float[kept];
        }
        for (int p = 0; p < factor; p++) {
            if (phases[p].length < span) {
                phases[p] = new float[span];
            }
            float[] phase = phases[p];
            for (int m = 0, i = first + p; m < span; m++, i += factor) {
                phase[m] = i < total ? input[i] : 0f;
            }
        }
        Arrays.fill(sums, 0, kept, 0f);
        for (int k = 0; k < taps.length; k++) {
            WindowedSinc.addTap(sums, taps[k], phases[k % factor], k / factor, shifted, kept);
        }
    }
}
