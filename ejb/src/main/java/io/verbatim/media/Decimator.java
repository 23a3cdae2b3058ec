package io.verbatim.media;

/**
 * Lowers a sample rate by a whole factor: a windowed-sinc (Blackman) low-pass FIR, evaluated only at the
 * samples kept. Keeps its history across calls, so a stream decimates seamlessly frame after frame.
 * Pass band up to 90 % of the new Nyquist frequency; the stop band is attenuated by about 70 dB.
 */
final class Decimator {

    private final int factor;
    private final float[] taps;
    // the last taps.length input samples, each written twice so that ring[at .. at + taps.length) always
    // holds them oldest first without shifting anything
    private final float[] ring;
    private int at;
    private int phase;             // input samples since the last one kept

    Decimator(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1");
        }
        this.factor = factor;
        this.taps = factor == 1 ? new float[]{1f}
                : WindowedSinc.lowPass(WindowedSinc.TAPS_PER_FACTOR * factor + 1, 0.45 / factor);
        this.ring = new float[2 * taps.length];
    }

    /** Decimates {@code in[0..n)} into {@code out} from {@code outOffset}; returns the samples written. */
    int process(short[] in, int n, short[] out, int outOffset) {
        int written = 0;
        int length = taps.length;
        for (int i = 0; i < n; i++) {
            ring[at] = in[i];
            ring[at + length] = in[i];
            at = at + 1 == length ? 0 : at + 1;
            if (++phase == factor) {
                phase = 0;
                double sum = 0;
                for (int k = 0; k < length; k++) {
                    sum += ring[at + k] * taps[k];
                }
                out[outOffset + written++] = WindowedSinc.toShort(sum);
            }
        }
        return written;
    }
}
