package io.verbatim.media.codec.g729;

import java.util.Arrays;
import org.restcomm.media.codec.g729.LspGetq;
import org.restcomm.media.codec.g729.PredLt;
import org.restcomm.media.codec.g729.TabLD8k;

/**
 * G.729 Annex B comfort noise at the decoder: a SID frame (15 bits in 2 bytes) describes the background noise by
 * its spectrum (LSFs, quantised with a subset of the speech codebooks and the noise MA predictors) and its level;
 * for it and every frame the sender leaves out after it, the decoder makes an excitation of random pitch,
 * Gaussian and pulse parts whose energy is the SID's, and the speech decoder's synthesis filter shapes it.
 * Follows the Recommendation's floating-point decoder (dec_cng, calc_exc_rand); Restcomm has no Annex B.
 */
final class G729ComfortNoise {

    private static final int ORDER = 10;
    private static final int SUBFRAME = 40;
    private static final int FRAME = 80;

    /** Annex B's SID gains (tab_Sidgain): the excitation's RMS per 5-bit energy index, 2 dB apart above 8. */
    static final float[] SID_GAIN = {0.502f, 1.262f, 2.000f, 3.170f, 5.024f, 7.962f, 12.619f, 15.887f, 20.000f,
            25.179f, 31.698f, 39.905f, 50.238f, 63.246f, 79.621f, 100.237f, 126.191f, 158.866f, 200.000f, 251.785f,
            316.979f, 399.052f, 502.377f, 632.456f, 796.214f, 1002.374f, 1261.915f, 1588.656f, 2000.000f, 2517.851f,
            3169.786f, 3990.525f};
    // Annex B's pointers into the first-stage codebook (5-bit index) and the two halves of the second (4-bit)
    private static final int[] FIRST_STAGE = {96, 52, 20, 54, 86, 114, 82, 68, 36, 121, 48, 92, 18, 120, 94, 124, 50,
            125, 4, 100, 28, 76, 12, 117, 81, 22, 90, 116, 127, 21, 108, 66};
    private static final int[][] SECOND_STAGE = {
            {31, 21, 9, 3, 10, 2, 19, 26, 4, 3, 11, 29, 15, 27, 21, 12},
            {16, 1, 0, 0, 8, 25, 22, 20, 19, 23, 20, 31, 4, 31, 20, 31}};
    /** The noise MA predictors: the speech quantiser's first, and 0.6 of it with 0.4 of its second. */
    private static final float[][][] NOISE_PREDICTOR = new float[2][4][ORDER];
    private static final float[][] NOISE_PREDICTOR_SUM = new float[2][ORDER];

    static {
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < ORDER; i++) {
                NOISE_PREDICTOR[0][k][i] = TabLD8k.fg[0][k][i];
                NOISE_PREDICTOR[1][k][i] = TabLD8k.fg[0][k][i] * 0.6f + TabLD8k.fg[1][k][i] * 0.4f;
            }
        }
        for (int mode = 0; mode < 2; mode++) {
            for (int i = 0; i < ORDER; i++) {
                float sum = 1f;
                for (int k = 0; k < 4; k++) {
                    sum -= NOISE_PREDICTOR[mode][k][i];
                }
                NOISE_PREDICTOR_SUM[mode][i] = sum;
            }
        }
    }

    private static final short INITIAL_SEED = 11111;
    private static final float SMOOTHING = 0.875f; // of the level from one left-out frame to the next
    private static final float GAUSSIAN_SHARE = 3.16227766f; // 0.5 sqrt(40): the Gaussian part at half the RMS
    private static final float MAX_PULSE_GAIN = 5000f;

    private final float[] noiseLsp = new float[ORDER];
    private float sidGain = SID_GAIN[0];
    private float gain;
    private final G729Random random = new G729Random(INITIAL_SEED);
    private final float[] residual = new float[ORDER];
    private final float[] lsf = new float[ORDER];
    private final float[] gaussian = new float[SUBFRAME];
    private final int[] pulses = new int[4];
    private final float[] signs = new float[4];

    G729ComfortNoise() {
        for (int i = 0; i < ORDER; i++) {
            noiseLsp[i] = (float) Math.cos(G729.RESET_LSF[i]);
        }
    }

    /** Speech resumed: the next comfort noise starts from the same random sequence as the encoder's. */
    void speech() {
        random.restart();
    }

    /**
     * Reads a SID frame's parameters: the MA predictor switch (1 bit), the two LSF codebook indices (5, 4) and the
     * energy index (5), most significant bit first, and updates the speech decoder's LSF predictor memory.
     */
    void sid(byte[] payload, int at, float[][] lsfHistory) {
        int bits = ((payload[at] & 0xff) << 8) | (payload[at + 1] & 0xff);
        int mode = bits >>> 15;
        int first = (bits >>> 10) & 0x1f;
        int second = (bits >>> 6) & 0x0f;
        sidGain = SID_GAIN[(bits >>> 1) & 0x1f];

        float[] firstStage = TabLD8k.lspcb1[FIRST_STAGE[first]];
        float[] low = TabLD8k.lspcb2[SECOND_STAGE[0][second]];
        float[] high = TabLD8k.lspcb2[SECOND_STAGE[1][second]];
        for (int i = 0; i < ORDER; i++) {
            residual[i] = firstStage[i] + (i < ORDER / 2 ? low[i] : high[i]);
        }
        LspGetq.lsp_expand_1_2(residual, 0.0012f);
        LspGetq.lsp_prev_compose(residual, lsf, NOISE_PREDICTOR[mode], lsfHistory, NOISE_PREDICTOR_SUM[mode]);
        LspGetq.lsp_prev_update(residual, lsfHistory);
        LspGetq.lsp_stability(lsf);
        for (int i = 0; i < ORDER; i++) {
            noiseLsp[i] = (float) Math.cos(lsf[i]);
        }
    }

    /** The LSPs of the noise's spectrum, from the last SID frame. */
    float[] lsp() {
        return noiseLsp;
    }

    /**
     * One frame of comfort noise excitation into {@code excitation} from {@code at}, after the past excitation
     * (read by its random pitch part). The level jumps to the SID's right after speech, and otherwise moves an
     * eighth of the way towards it per frame.
     */
    void excitation(boolean afterSpeech, float[] excitation, int at) {
        gain = afterSpeech ? sidGain : SMOOTHING * gain + (1 - SMOOTHING) * sidGain;
        if (gain == 0) {
            Arrays.fill(excitation, at, at + FRAME, 0f);
            return;
        }
        for (int start = at; start < at + FRAME; start += SUBFRAME) {
            subframe(excitation, start);
        }
    }

    private void subframe(float[] excitation, int start) {
        // random pitch lag and fraction, four signed pulses on the tracks of the algebraic codebook, pitch gain
        int r = random.next();
        int fraction = (r & 3) - 1;
        if (fraction == 2) {
            fraction = 0;
        }
        r >>= 2;
        int lag = (r & 0x3f) + 40;
        r >>= 6;
        pulses[0] = 5 * (r & 7);
        r >>= 3;
        signs[0] = 2f * (r & 1) - 1f;
        r >>= 1;
        pulses[1] = 5 * (r & 7) + 1;
        r >>= 3;
        signs[1] = 2f * (r & 1) - 1f;
        r = random.next();
        pulses[2] = 5 * (r & 7) + 2;
        r >>= 3;
        signs[2] = 2f * (r & 1) - 1f;
        r >>= 1;
        pulses[3] = 5 * ((r >> 1) & 7) + (r & 1) + 3;
        r >>= 4;
        signs[3] = 2f * (r & 1) - 1f;
        float pitchGain = (random.next() & 0x1fff) / 16384f; // below 0.5

        // Gaussian part with half the target energy
        float energy = 0;
        for (int i = 0; i < SUBFRAME; i++) {
            gaussian[i] = gauss();
            energy += gaussian[i] * gaussian[i];
        }
        float scale = GAUSSIAN_SHARE * gain / (float) Math.sqrt(energy);
        for (int i = 0; i < SUBFRAME; i++) {
            gaussian[i] *= scale;
        }

        // adaptive part from the past excitation, plus the Gaussian part
        PredLt.pred_lt_3(excitation, start, lag, fraction, SUBFRAME);
        energy = 0;
        for (int i = 0; i < SUBFRAME; i++) {
            float e = excitation[start + i] * pitchGain + gaussian[i];
            excitation[start + i] = e;
            energy += e * e;
        }

        // the pulses' gain g makes the subframe's energy 40 gain^2: 4 g^2 + 2 b g + (energy - 40 gain^2) = 0
        float b = pulseSum(excitation, start);
        float target = gain * gain * SUBFRAME;
        float delta = b * b - 4 * (energy - target);
        if (delta < 0) { // too much energy already: drop the pitch part
            System.arraycopy(gaussian, 0, excitation, start, SUBFRAME);
            b = pulseSum(excitation, start);
            delta = b * b + 3 * target; // the Gaussian part holds a quarter of the target: c = -0.75 target
        }
        delta = (float) Math.sqrt(delta);
        float x1 = (delta - b) * 0.25f;
        float x2 = -(delta + b) * 0.25f;
        float g = Math.abs(x1) < Math.abs(x2) ? x1 : x2;
        g = Math.max(-MAX_PULSE_GAIN, Math.min(MAX_PULSE_GAIN, g));
        for (int i = 0; i < 4; i++) {
            excitation[start + pulses[i]] += g * signs[i];
        }
    }

    private float pulseSum(float[] excitation, int start) {
        float sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += excitation[start + pulses[i]] * signs[i];
        }
        return sum;
    }

    /** Standard normal, near enough: the sum of twelve uniform 16-bit numbers, scaled. */
    private float gauss() {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += random.next();
        }
        return (short) (sum >> 7) * 0.001953125f;
    }
}
