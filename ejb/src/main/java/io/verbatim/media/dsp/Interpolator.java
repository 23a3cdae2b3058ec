package io.verbatim.media.dsp;

import java.util.Arrays;

/**
 * Raises a sample rate by a whole factor: each input sample becomes {@code factor} outputs of the windowed-sinc
 * low-pass (polyphase: only the taps that meet real samples are computed). Keeps its history across calls.
 *
 * <p>Like {@link Decimator}, it filters each packet's samples tap by tap ({@link WindowedSinc#addTap}), each tap
 * over the input delayed by the tap's place in its phase: the side of a call that G.711 carries beside G.722 or Opus
 * comes through here, and output by output that took several times as long as decoding it.
 */
public final class Interpolator {

    private final int factor;
    private final float[] taps;
    private final int history; // input samples a call keeps for the next: the longest phase's taps, less one
    // the last history input samples, then this call's
    private float[] input;
    private float[] shifted = new float[0];
    private final float[][] sums;

    public Interpolator(int factor) {
        if (factor < 2) {
            throw new IllegalArgumentException("factor must be at least 2");
        }
        this.factor = factor;
        float[] lowPass = WindowedSinc.lowPass(WindowedSinc.TAPS_PER_FACTOR * factor + 1, 0.45 / factor);
        this.taps = new float[lowPass.length];
        for (int k = 0; k < lowPass.length; k++) {
            taps[k] = lowPass[k] * factor; // the zeros between input samples would otherwise lower the level
        }
        this.history = (taps.length + factor - 1) / factor - 1;
        this.input = new float[history];
        this.sums = new float[factor][0];
    }

    /**
     * Interpolates {@code in[0..n)} into {@code out} from {@code outOffset}; writes {@code n * factor} samples.
     * Output {@code i * factor + p} is the sum over m of {@code taps[m * factor + p]} times the input m samples
     * before input i.
     */
    public int process(short[] in, int n, short[] out, int outOffset) {
        int total = history + n;
        if (input.length < total) {
            input = Arrays.copyOf(input, total);
        }
        if (shifted.length < n) {
            shifted = new float[n];
            for (int p = 0; p < factor; p++) {
                sums[p] = new float[n];
            }
        }
        for (int i = 0; i < n; i++) {
            input[history + i] = in[i];
        }
        for (float[] sum : sums) {
            Arrays.fill(sum, 0, n, 0f);
        }
        for (int k = 0; k < taps.length; k++) {
            WindowedSinc.addTap(sums[k % factor], taps[k], input, history - k / factor, shifted, n);
        }
        for (int p = 0; p < factor; p++) {
            float[] sum = sums[p];
            for (int j = 0, at = outOffset + p; j < n; j++, at += factor) {
                out[at] = WindowedSinc.toShort(sum[j]);
            }
        }
        System.arraycopy(input, n, input, 0, history);
        return n * factor;
    }
}
