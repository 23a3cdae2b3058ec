package io.verbatim.media;

/**
 * Raises a sample rate by a whole factor: each input sample becomes {@code factor} outputs of the windowed-sinc
 * low-pass (polyphase: only the taps that meet real samples are computed). Keeps its history across calls.
 */
final class Interpolator {

    private final int factor;
    private final float[] taps;
    // the last input samples, each written twice so that ring[at .. at + length) holds them oldest first
    private final float[] ring;
    private final int length;
    private int at;

    Interpolator(int factor) {
        if (factor < 2) {
            throw new IllegalArgumentException("factor must be at least 2");
        }
        this.factor = factor;
        float[] lowPass = WindowedSinc.lowPass(WindowedSinc.TAPS_PER_FACTOR * factor + 1, 0.45 / factor);
        this.taps = new float[lowPass.length];
        for (int k = 0; k < lowPass.length; k++) {
            taps[k] = lowPass[k] * factor; // the zeros between input samples would otherwise lower the level
        }
        this.length = (taps.length + factor - 1) / factor;
        this.ring = new float[2 * length];
    }

    /** Interpolates {@code in[0..n)} into {@code out} from {@code outOffset}; writes {@code n * factor} samples. */
    int process(short[] in, int n, short[] out, int outOffset) {
        int written = 0;
        for (int i = 0; i < n; i++) {
            ring[at] = in[i];
            ring[at + length] = in[i];
            at = at + 1 == length ? 0 : at + 1;
            int newest = at + length - 1;
            for (int phase = 0; phase < factor; phase++) {
                double sum = 0;
                for (int m = 0; m < length; m++) {
                    int tap = m * factor + phase;
                    if (tap < taps.length) {
                        sum += taps[tap] * ring[newest - m];
                    }
                }
                out[outOffset + written++] = WindowedSinc.toShort(sum);
            }
        }
        return written;
    }
}
