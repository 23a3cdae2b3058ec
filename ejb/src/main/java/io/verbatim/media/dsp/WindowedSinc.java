package io.verbatim.media.dsp;

/** The low-pass FIR both rate converters use: a Blackman-windowed sinc, linear phase, unity gain at DC. */
public final class WindowedSinc {

    /** Taps per unit of conversion factor: a transition band narrow enough to keep speech whole. */
    static final int TAPS_PER_FACTOR = 24;

    private WindowedSinc() {
    }

    /** {@code n} taps with cutoff {@code cutoff} as a fraction of the sampling rate. */
    static float[] lowPass(int n, double cutoff) {
        float[] h = new float[n];
        double middle = (n - 1) / 2.0;
        double sum = 0;
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            double x = k - middle;
            double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double window = 0.42 - 0.5 * Math.cos(2 * Math.PI * k / (n - 1)) + 0.08 * Math.cos(4 * Math.PI * k / (n - 1));
            raw[k] = sinc * window;
            sum += raw[k];
        }
        for (int k = 0; k < n; k++) {
            h[k] = (float) (raw[k] / sum);
        }
        return h;
    }

    /**
     * One tap of the filter over a packet's samples at once: {@code sums[j] += tap * input[from + j]} for j below
     * {@code n}. The input is first copied to the start of {@code scratch}, since Java 17's vectoriser leaves a loop
     * scalar when it reads an array at an offset from the index it writes; so the loop becomes vector
     * multiply-adds.
     */
    static void addTap(float[] sums, float tap, float[] input, int from, float[] scratch, int n) {
        System.arraycopy(input, from, scratch, 0, n);
        for (int j = 0; j < n; j++) {
            sums[j] += tap * scratch[j];
        }
    }

    /** To the nearest 16-bit sample, saturated (rint rather than round: the JIT compiles it to one instruction). */
    public static short toShort(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, (int) Math.rint(v)));
    }
}
