package io.verbatim.media.codec.g729;

/**
 * The all-pole LPC synthesis filter 1/A(z) of order 10 that G.729 runs on every subframe (speech synthesis, the
 * postfilter's 1/A(z/γ1) and its impulse response), with the ITU floating-point code's arithmetic (products and
 * sums in double, each output rounded to float) but one change of order: the newest output is subtracted last, not
 * first. Each output feeds the next at once, so the ITU order makes every sample wait for ten subtractions in a
 * row; this order, for one product and one subtraction. The product of two floats is exact in double and the sums
 * nearly always are, so the outputs stay the ITU code's: a float could differ only where a double sum rounds right
 * at a float's rounding boundary, which no frame of the corpus does (G729Test compares every one with Restcomm's
 * decoder). The past outputs live in locals rather than in a buffer, out of memory's way.
 */
final class LpcSynthesis {

    static final int ORDER = 10;

    private LpcSynthesis() {
    }

    /**
     * Filters {@code length} samples of {@code x} into {@code y} (which may be the same place); {@code memory}
     * holds the last {@link #ORDER} outputs before, oldest first, and gets this call's last ones when
     * {@code update}.
     */
    static void filter(float[] a, int aAt, float[] x, int xAt, float[] y, int yAt, int length, float[] memory,
            boolean update) {
        double a1 = a[aAt + 1], a2 = a[aAt + 2], a3 = a[aAt + 3], a4 = a[aAt + 4], a5 = a[aAt + 5];
        double a6 = a[aAt + 6], a7 = a[aAt + 7], a8 = a[aAt + 8], a9 = a[aAt + 9], a10 = a[aAt + 10];
        float y1 = memory[9], y2 = memory[8], y3 = memory[7], y4 = memory[6], y5 = memory[5];
        float y6 = memory[4], y7 = memory[3], y8 = memory[2], y9 = memory[1], y10 = memory[0];
        for (int n = 0; n < length; n++) {
            double s = x[xAt + n];
            s -= a10 * y10;
            s -= a9 * y9;
            s -= a8 * y8;
            s -= a7 * y7;
            s -= a6 * y6;
            s -= a5 * y5;
            s -= a4 * y4;
            s -= a3 * y3;
            s -= a2 * y2;
            s -= a1 * y1;
            y10 = y9;
            y9 = y8;
            y8 = y7;
            y7 = y6;
            y6 = y5;
            y5 = y4;
            y4 = y3;
            y3 = y2;
            y2 = y1;
            y1 = (float) s;
            y[yAt + n] = y1;
        }
        if (update) {
            memory[9] = y1;
            memory[8] = y2;
            memory[7] = y3;
            memory[6] = y4;
            memory[5] = y5;
            memory[4] = y6;
            memory[3] = y7;
            memory[2] = y8;
            memory[1] = y9;
            memory[0] = y10;
        }
    }
}
