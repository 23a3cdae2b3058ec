package io.verbatim.media;

/**
 * ITU-T G.722 (RTP payload type 9) at 64 kbit/s (mode 1), written from the Recommendation: each byte carries
 * a 6-bit lower sub-band and a 2-bit higher sub-band ADPCM code; the two sub-bands are decoded with their
 * adaptive quantiser scale and pole-zero predictor (blocks 2-4 of the Recommendation) and recombined by
 * the 24-tap receive QMF into two 16 kHz samples. The RTP clock runs at 8 kHz although the audio is 16 kHz
 * (RFC 3551 keeps the historical value).
 */
public final class G722 implements Codec {

    // Tables of the Recommendation (G.722 Tables 6, 7, 9, 10, 11, 14 and the QMF coefficients of Table 12).
    private static final int[] QM6 = {
            -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232, -9360,
            -8576, -7856, -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776, -2400, -2032, -1688,
            -1360, -1040, -728, 24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192, 10232, 9360, 8576, 7856, 7192,
            6576, 6000, 5456, 4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032, 1688, 1360, 1040, 728, 432, 136, -432, -136};
    private static final int[] QM4 = {
            0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584, 1200, 0};
    private static final int[] QM2 = {-7408, -1616, 7408, 1616};
    private static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
    private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};
    private static final int[] RH2 = {2, 1, 2, 1};
    private static final int[] WH = {0, -214, 798};
    private static final int[] ILB = {
            2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834, 2896,
            2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008};
    private static final int[] QMF = {3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11};

    private final SubBand low = new SubBand(32);
    private final SubBand high = new SubBand(8);
    // the receive QMF's last 24 inputs, each written twice so that qmf[at .. at + 24) holds them oldest first
    private final int[] qmf = new int[48];
    private int at;

    @Override
    public String name() {
        return "G.722";
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public int sampleRate() {
        return 16000;
    }

    @Override
    public int samplesIn(byte[] payload, int offset, int length) {
        return 2 * length;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        int written = 0;
        for (int i = 0; i < length; i++) {
            int code = payload[offset + i] & 0xff;
            int lowCode = code & 0x3f;
            int highCode = code >> 6;

            // lower sub-band: reconstruct with the 6-bit quantiser, adapt with the 4-bit one
            int lowSignal = clamp(low.estimate + ((low.scale * QM6[lowCode]) >> 15), -16384, 16383);
            int lowDifference = (low.scale * QM4[lowCode >> 2]) >> 15;
            low.adaptScale(WL[RL42[lowCode >> 2]], 18432, 8);
            low.predict(lowDifference);

            // higher sub-band: 2-bit quantiser
            int highDifference = (high.scale * QM2[highCode]) >> 15;
            int highSignal = clamp(high.estimate + highDifference, -16384, 16383);
            high.adaptScale(WH[RH2[highCode]], 22528, 10);
            high.predict(highDifference);

            // receive QMF: two output samples per pair of sub-band samples
            int sum = lowSignal + highSignal;
            int difference = lowSignal - highSignal;
            qmf[at] = sum;
            qmf[at + 24] = sum;
            qmf[at + 1] = difference;
            qmf[at + 25] = difference;
            at = at + 2 == 24 ? 0 : at + 2;
            int even = 0;
            int odd = 0;
            for (int k = 0; k < 12; k++) {
                odd += qmf[at + 2 * k] * QMF[k];
                even += qmf[at + 2 * k + 1] * QMF[11 - k];
            }
            out[outOffset + written++] = (short) clamp(even >> 11, Short.MIN_VALUE, Short.MAX_VALUE);
            out[outOffset + written++] = (short) clamp(odd >> 11, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return written;
    }

    @Override
    public Codec newDecoder() {
        return new G722();
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    private static int saturate(int v) {
        return clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** {@code v} when {@code mask} is 0, {@code -v} when it is -1. */
    private static int negateIf(int v, int mask) {
        return (v ^ mask) - mask;
    }

    /**
     * One sub-band's ADPCM state: quantiser scale, and the two-pole/six-zero adaptive predictor. Held in scalar
     * fields rather than small arrays: the decoder runs once per byte, and this is its hot spot.
     */
    private static final class SubBand {
        int scale;            // DET: quantiser scale factor
        int logScale;         // NB: its logarithm, adapted per sample
        int estimate;         // S: predicted signal
        int zeroEstimate;     // SZ
        int a1, a2;           // pole coefficients
        int b1, b2, b3, b4, b5, b6;   // zero coefficients
        int d1, d2, d3, d4, d5, d6;   // past quantised differences, newest first
        int r1, r2;           // past reconstructed signals
        int p1, p2;           // past partial reconstructed signals

        SubBand(int initialScale) {
            scale = initialScale;
        }

        /** LOGSCL and SCALEL/SCALEH: the log scale leaks towards zero and moves by {@code step}. */
        void adaptScale(int step, int maxLogScale, int shift) {
            logScale = clamp(((logScale * 127) >> 7) + step, 0, maxLogScale);
            int mantissa = ILB[(logScale >> 6) & 31];
            int exponent = shift - (logScale >> 11);
            scale = (exponent < 0 ? mantissa << -exponent : mantissa >> exponent) << 2;
        }

        /** Block 4: reconstruct, update the pole and zero predictors, predict the next sample. */
        void predict(int d) {
            int r0 = saturate(estimate + d);
            int p0 = saturate(zeroEstimate + d);

            // The sign comparisons below decide at random from sample to sample, so they are computed without
            // branches (a mispredicted branch costs more than the arithmetic): for 16-bit values, (x ^ y) >> 31 is
            // 0 when the signs agree and -1 when not, and (v ^ m) - m negates v where m is -1.
            int differ01 = (p0 ^ p1) >> 31;

            // UPPOL2: second pole coefficient
            int wd1 = saturate(a1 << 2);
            int wd2 = Math.min(negateIf(wd1, ~differ01), 32767);
            int next2 = clamp(negateIf(128, (p0 ^ p2) >> 31) + (wd2 >> 7) + ((a2 * 32512) >> 15), -12288, 12288);

            // UPPOL1: first pole coefficient, bounded by the second
            int next1 = saturate(negateIf(192, differ01) + ((a1 * 32640) >> 15));
            int bound = saturate(15360 - next2);
            next1 = clamp(next1, -bound, bound);

            // UPZERO: zero coefficients move towards the sign agreement of past and present differences
            int step = d == 0 ? 0 : 128;
            int n1 = saturate(negateIf(step, (d1 ^ d) >> 31) + ((b1 * 32640) >> 15));
            int n2 = saturate(negateIf(step, (d2 ^ d) >> 31) + ((b2 * 32640) >> 15));
            int n3 = saturate(negateIf(step, (d3 ^ d) >> 31) + ((b3 * 32640) >> 15));
            int n4 = saturate(negateIf(step, (d4 ^ d) >> 31) + ((b4 * 32640) >> 15));
            int n5 = saturate(negateIf(step, (d5 ^ d) >> 31) + ((b5 * 32640) >> 15));
            int n6 = saturate(negateIf(step, (d6 ^ d) >> 31) + ((b6 * 32640) >> 15));

            // DELAYA: shift the memories
            d6 = d5;
            d5 = d4;
            d4 = d3;
            d3 = d2;
            d2 = d1;
            d1 = d;
            b1 = n1;
            b2 = n2;
            b3 = n3;
            b4 = n4;
            b5 = n5;
            b6 = n6;
            r2 = r1;
            r1 = r0;
            p2 = p1;
            p1 = p0;
            a1 = next1;
            a2 = next2;

            // FILTEP, FILTEZ, PREDIC
            int poles = saturate(((a1 * saturate(r1 + r1)) >> 15) + ((a2 * saturate(r2 + r2)) >> 15));
            int zeros = ((b6 * saturate(d6 + d6)) >> 15) + ((b5 * saturate(d5 + d5)) >> 15)
                    + ((b4 * saturate(d4 + d4)) >> 15) + ((b3 * saturate(d3 + d3)) >> 15)
                    + ((b2 * saturate(d2 + d2)) >> 15) + ((b1 * saturate(d1 + d1)) >> 15);
            zeroEstimate = saturate(zeros);
            estimate = saturate(poles + zeroEstimate);
        }
    }
}
