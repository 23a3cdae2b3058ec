package io.verbatim.media;

/**
 * Lowers a sample rate by a whole factor: a windowed-sinc (Blackman) low-pass FIR, evaluated only at the
 * samples kept. Keeps its history across calls, so a stream decimates seamlessly frame after frame.
 * Pass band up to 90 % of the new Nyquist frequency; the stop band is attenuated by about 70 dB.
 */
final class Decimator {

    private final int factor;
    private final float[] taps;
    private final float[] history; // the last taps.length input samples, oldest first
    private int phase;             // input samples since the last one kept

    Decimator(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1");
        }
        this.factor = factor;
        this.taps = factor == 1 ? new float[]{1f}
                : WindowedSinc.lowPass(WindowedSinc.TAPS_PER_FACTOR * factor + 1, 0.45 / factor);
        this.history = new float[taps.length];
    }

    int factor() {
        return factor;
    }

    /** Output samples {@code inputSamples} more input samples give. */
    int outputFor(int inputSamples) {
        return (phase + inputSamples) / factor;
    }

    /** Decimates {@code in[0..n)} into {@code out} from {@code outOffset}; returns the samples written. */
    int process(short[] in, int n, short[] out, int outOffset) {
        int written = 0;
        int length = history.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(history, 1, history, 0, length - 1);
            history[length - 1] = in[i];
            if (++phase == factor) {
                phase = 0;
                double sum = 0;
                for (int k = 0; k < length; k++) {
                    sum += history[k] * taps[k];
                }
                out[outOffset + written++] = WindowedSinc.toShort(sum);
            }
        }
        return written;
    }
}
