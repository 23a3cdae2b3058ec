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

    /** One sub-band's ADPCM state: quantiser scale, and the two-pole/six-zero adaptive predictor. */
    private static final class SubBand {
        int scale;            // DET: quantiser scale factor
        int logScale;         // NB: its logarithm, adapted per sample
        int estimate;         // S: predicted signal
        int poleEstimate;     // SP
        int zeroEstimate;     // SZ
        final int[] a = new int[3];       // pole coefficients (a[1], a[2])
        final int[] aNext = new int[3];
        final int[] b = new int[7];       // zero coefficients (b[1..6])
        final int[] bNext = new int[7];
        final int[] d = new int[7];       // quantised differences, newest first
        final int[] r = new int[3];       // reconstructed signals
        final int[] p = new int[3];       // partial reconstructed signals
        final int[] sign = new int[7];

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
        void predict(int difference) {
            d[0] = difference;
            r[0] = saturate(estimate + difference);
            p[0] = saturate(zeroEstimate + difference);

            // UPPOL2: second pole coefficient
            for (int i = 0; i < 3; i++) {
                sign[i] = p[i] >> 15;
            }
            int wd1 = saturate(a[1] << 2);
            int wd2 = sign[0] == sign[1] ? -wd1 : wd1;
            wd2 = Math.min(wd2, 32767);
            int wd3 = (sign[0] == sign[2] ? 128 : -128) + (wd2 >> 7) + ((a[2] * 32512) >> 15);
            aNext[2] = clamp(wd3, -12288, 12288);

            // UPPOL1: first pole coefficient, bounded by the second
            sign[0] = p[0] >> 15;
            sign[1] = p[1] >> 15;
            aNext[1] = saturate((sign[0] == sign[1] ? 192 : -192) + ((a[1] * 32640) >> 15));
            int bound = saturate(15360 - aNext[2]);
            aNext[1] = clamp(aNext[1], -bound, bound);

            // UPZERO: zero coefficients
            int step = difference == 0 ? 0 : 128;
            sign[0] = difference >> 15;
            for (int i = 1; i < 7; i++) {
                sign[i] = d[i] >> 15;
                bNext[i] = saturate((sign[i] == sign[0] ? step : -step) + ((b[i] * 32640) >> 15));
            }

            // DELAYA: shift the memories
            for (int i = 6; i > 0; i--) {
                d[i] = d[i - 1];
                b[i] = bNext[i];
            }
            for (int i = 2; i > 0; i--) {
                r[i] = r[i - 1];
                p[i] = p[i - 1];
                a[i] = aNext[i];
            }

            // FILTEP, FILTEZ, PREDIC
            poleEstimate = saturate(((a[1] * saturate(r[1] + r[1])) >> 15) + ((a[2] * saturate(r[2] + r[2])) >> 15));
            int zeros = 0;
            for (int i = 6; i > 0; i--) {
                zeros += (b[i] * saturate(d[i] + d[i])) >> 15;
            }
            zeroEstimate = saturate(zeros);
            estimate = saturate(poleEstimate + zeroEstimate);
        }
    }
}
