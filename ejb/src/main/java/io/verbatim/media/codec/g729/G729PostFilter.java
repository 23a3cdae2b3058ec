package io.verbatim.media.codec.g729;

import static org.restcomm.media.codec.g729.LD8KConstants.AGC_FAC1;
import static org.restcomm.media.codec.g729.LD8KConstants.AGC_FAC;
import static org.restcomm.media.codec.g729.LD8KConstants.GAMMA1_PST;
import static org.restcomm.media.codec.g729.LD8KConstants.GAMMA2_PST;
import static org.restcomm.media.codec.g729.LD8KConstants.GAMMA3_MINUS;
import static org.restcomm.media.codec.g729.LD8KConstants.GAMMA3_PLUS;
import static org.restcomm.media.codec.g729.LD8KConstants.GAMMA_G;
import static org.restcomm.media.codec.g729.LD8KConstants.MIN_GPLT;
import static org.restcomm.media.codec.g729.LD8KConstants.THRESCRIT;

import java.util.Arrays;
import org.restcomm.media.codec.g729.TabLD8k;

/**
 * G.729's adaptive postfilter (Recommendation section 4.2) for one stream: a harmonic (long-term) filter on the
 * residual of A(z/γ2) at the best pitch delay found to 1/8 sample around the decoded one, the short-term filter
 * A(z/γ2)/A(z/γ1) with its gain normalised and a tilt correction, then adaptive gain control against the
 * unfiltered speech.
 *
 * <p>It does what the ITU floating-point code does, operation for operation (its synthesis filters are
 * {@link LpcSynthesis}), so its output is identical to Restcomm's port of that code (G729BlocksTest and G729Test hold
 * both to it). It exists because that port was the decoder's hot spot:
 * it allocated arrays and boxed floats in every subframe, and ran the delay search's many independent sums one after
 * another, each waiting for its own last addition. Here the sums of the search run side by side and nothing is
 * allocated.
 */
final class G729PostFilter {

    private static final int ORDER = LpcSynthesis.ORDER;
    private static final int SUBFRAME = 40;
    private static final int IMPULSE = 20;  // samples of the short-term filter's impulse response
    private static final int PAST = 152;    // residual the delay search reads before the subframe: 143 + 1 + 8
    private static final int PHASES = 7;   // fractional delays searched: 1/8 to 7/8
    private static final int SHORT_TAPS = 4;  // interpolation filter of the search (half length 2)
    private static final int LONG_TAPS = 16;  // and of the delay chosen (half length 8)
    private static final int ROW = SUBFRAME + 1; // an interpolated signal: the subframe at two neighbouring delays
    private static final float[] DENOMINATOR_POWERS = powers(GAMMA1_PST);
    private static final float[] NUMERATOR_POWERS = powers(GAMMA2_PST);

    private final float[] residual = new float[PAST + SUBFRAME];
    private final double[] sums = new double[SUBFRAME];
    private final float[] numerator = new float[IMPULSE];   // A(z/γ2), zero past its order: the impulse's input
    private final float[] denominator = new float[ORDER + 1]; // A(z/γ1)
    private final float[] harmonic = new float[1 + SUBFRAME]; // [0]: the last output of 1/A(z/γ1) before
    private final float[] synthesisMemory = new float[ORDER];
    private final float[] impulse = new float[IMPULSE];
    private final float[] noMemory = new float[ORDER];
    private final float[] interpolated = new float[PHASES * ROW];
    // per phase, the energy of its signal and the signal's correlation with the subframe, at [side * PHASES + phase]:
    // side 0 is the longer of its two delays (row positions 0..39), side 1 the shorter (1..40); the side is where in
    // the row the signal starts
    private final float[] energies = new float[2 * PHASES];
    private final float[] correlations = new float[2 * PHASES];
    private float gain = 1f;

    // what the delay search found: the delay is delay - phase / 8 samples
    private int delay;
    private int phase;
    private int start; // where in its interpolated row the chosen signal starts: its side, as above
    private float gainNumerator;
    private float gainDenominator;

    /** γ^1 to γ^10 by repeated multiplication, as the ITU code weights A(z) (index 0 unused). */
    private static float[] powers(float gamma) {
        float[] powers = new float[ORDER + 1];
        float power = gamma;
        for (int i = 1; i <= ORDER; i++) {
            powers[i] = power;
            power *= gamma;
        }
        return powers;
    }

    /**
     * Postfilters one subframe of {@code speech} (which has {@link LpcSynthesis#ORDER} samples of past before
     * {@code at}) with the subframe's LPC coefficients; returns the voicing: the integer delay of the harmonic
     * filter, or 0 when the subframe was not found voiced. Comfort noise ({@code noise}) has no harmonic filter:
     * Annex B leaves the long-term postfilter out for it, since noise has no period to enhance.
     */
    int filter(int decodedDelay, boolean noise, float[] speech, int at, float[] a, int aAt, float[] out, int outAt) {
        denominator[0] = a[aAt];
        numerator[0] = a[aAt];
        for (int i = 1; i <= ORDER; i++) {
            denominator[i] = DENOMINATOR_POWERS[i] * a[aAt + i];
            numerator[i] = NUMERATOR_POWERS[i] * a[aAt + i];
        }
        // the residual through A(z/γ2), in double as the ITU code; tap by tap over the subframe, which adds in the
        // same order for each sample and lets the samples go side by side
        for (int n = 0; n < SUBFRAME; n++) {
            sums[n] = speech[at + n];
        }
        for (int j = 1; j <= ORDER; j++) {
            double c = numerator[j];
            for (int n = 0, from = at - j; n < SUBFRAME; n++) {
                sums[n] += c * speech[from + n];
            }
        }
        for (int n = 0; n < SUBFRAME; n++) {
            residual[PAST + n] = (float) sums[n];
        }

        int voicing = 0;
        if (noise) {
            System.arraycopy(residual, PAST, harmonic, 1, SUBFRAME);
        } else {
            voicing = harmonicFilter(decodedDelay);
        }
        harmonic[0] = synthesisMemory[ORDER - 1];
        float parcor = shortTermGain();
        LpcSynthesis.filter(denominator, 0, harmonic, 1, harmonic, 1, SUBFRAME, synthesisMemory, true);
        tilt(parcor, out, outAt);
        controlGain(speech, at, out, outAt);
        System.arraycopy(residual, SUBFRAME, residual, 0, PAST);
        return voicing;
    }

    /** The harmonic postfilter on the residual into {@code harmonic[1..]}; returns the voicing. */
    private int harmonicFilter(int decodedDelay) {
        searchDelay(decodedDelay);
        int voicing = delay;
        if (gainNumerator == 0f) {
            System.arraycopy(residual, PAST, harmonic, 1, SUBFRAME);
            return voicing;
        }
        float num = gainNumerator;
        float den = gainDenominator;
        float[] delayed = residual;
        int from = PAST - delay;
        if (phase != 0) {
            // the long interpolation filter writes its delayed signal where the output goes
            float longNum = 0f;
            float longDen = 0f;
            int base = PAST - delay + LONG_TAPS / 2;
            int taps = (phase - 1) * LONG_TAPS;
            Arrays.fill(harmonic, 1, 1 + SUBFRAME, 0f);
            for (int i = 0; i < LONG_TAPS; i++) {
                float h = TabLD8k.tab_hup_l[taps + i];
                for (int n = 0, tap = base - i; n < SUBFRAME; n++) {
                    harmonic[1 + n] += h * residual[tap + n];
                }
            }
            for (int n = 0; n < SUBFRAME; n++) {
                longNum += harmonic[1 + n] * residual[PAST + n];
            }
            if (longNum < 0f) {
                longNum = 0f;
            }
            for (int n = 0; n < SUBFRAME; n++) {
                longDen += harmonic[1 + n] * harmonic[1 + n];
            }
            if (longDen == 0f || !(longNum * longNum * den > num * num * longDen)) {
                delayed = interpolated;
                from = (phase - 1) * ROW + start;
            } else {
                num = longNum;
                den = longDen;
                delayed = harmonic;
                from = 1;
            }
        }
        float g = num > den ? MIN_GPLT : den / (den + GAMMA_G * num);
        float rest = 1f - g;
        for (int n = 0; n < SUBFRAME; n++) {
            harmonic[1 + n] = g * residual[PAST + n] + rest * delayed[from + n];
        }
        return voicing;
    }

    /**
     * The delay search: the best of the three integer delays around the decoded one, then the best fraction of a
     * sample on either side of it by normalised correlation; a delay is kept only if its correlation is strong
     * enough (THRESCRIT).
     */
    private void searchDelay(int decodedDelay) {
        float[] r = residual;
        float energy = 0f;
        for (int n = 0; n < SUBFRAME; n++) {
            energy += r[PAST + n] * r[PAST + n];
        }
        if (energy < 0.1f) {
            unvoiced();
            return;
        }

        int lambda = decodedDelay - 1;
        float c0 = 0f;
        float c1 = 0f;
        float c2 = 0f;
        for (int n = 0; n < SUBFRAME; n++) {
            float s = r[PAST + n];
            int past = PAST + n - lambda;
            c0 += s * r[past];
            c1 += s * r[past - 1];
            c2 += s * r[past - 2];
        }
        int best = 0;
        float bestCorrelation = -1.0e30f;
        if (c0 > bestCorrelation) {
            bestCorrelation = c0;
        }
        if (c1 > bestCorrelation) {
            best = 1;
            bestCorrelation = c1;
        }
        if (c2 > bestCorrelation) {
            best = 2;
            bestCorrelation = c2;
        }
        if (bestCorrelation <= 0f) {
            unvoiced();
            return;
        }
        lambda += best;
        float integerEnergy = 0f;
        for (int n = PAST - lambda; n < PAST - lambda + SUBFRAME; n++) {
            integerEnergy += r[n] * r[n];
        }
        if (integerEnergy < 0.1f) {
            unvoiced();
            return;
        }

        // each phase's signal at delays lambda + 1 - phase/8 (row positions 0..39) and lambda - phase/8 (1..40)
        int base = PAST + 1 - lambda;
        Arrays.fill(interpolated, 0f);
        for (int phi = 0; phi < PHASES; phi++) {
            for (int i = 0, row = phi * ROW; i < SHORT_TAPS; i++) {
                float h = TabLD8k.tab_hup_s[phi * SHORT_TAPS + i];
                for (int n = 0, from = base - i; n < ROW; n++) {
                    interpolated[row + n] += h * r[from + n];
                }
            }
        }
        // per phase, its energy and its correlation with the subframe at both delays: three sums side by side
        float[] y = interpolated;
        float maxEnergy = 0f;
        for (int phi = 0, row = 0; phi < PHASES; phi++, row += ROW) {
            float common = 0f;
            float late = 0f;
            float early = 0f;
            late += r[PAST] * y[row];
            early += r[PAST] * y[row + 1];
            for (int n = 1; n < SUBFRAME; n++) {
                float s = r[PAST + n];
                float v = y[row + n];
                common += v * v;
                late += s * v;
                early += s * y[row + n + 1];
            }
            correlations[phi] = late;
            correlations[PHASES + phi] = early;
            energies[phi] = common + y[row] * y[row];
            energies[PHASES + phi] = common + y[row + SUBFRAME] * y[row + SUBFRAME];
            float candidate = energies[(Math.abs(y[row]) > Math.abs(y[row + SUBFRAME]) ? 0 : PHASES) + phi];
            if (candidate > maxEnergy) {
                maxEnergy = candidate;
            }
        }
        if (maxEnergy < 0.1f) {
            unvoiced();
            return;
        }

        // the integer delay unless a fraction beats it: num^2/den compared without dividing
        float bestNum = bestCorrelation;
        float bestDen = integerEnergy;
        float bestSquare = bestNum * bestNum;
        int bestPhase = 0;
        int bestStart = 1;
        for (int phi = 0; phi < PHASES; phi++) {
            for (int side = 0; side < 2; side++) {
                float num = correlations[side * PHASES + phi];
                float den = energies[side * PHASES + phi];
                if (num < 0f) {
                    num = 0f;
                }
                float square = num * num;
                if (square * bestDen > bestSquare * den) {
                    bestNum = num;
                    bestSquare = square;
                    bestDen = den;
                    bestStart = side;
                    bestPhase = phi + 1;
                }
            }
        }
        if (bestNum == 0f || bestDen <= 0.1f || !(bestSquare >= bestDen * energy * THRESCRIT)) {
            unvoiced();
            return;
        }
        delay = lambda + 1 - bestStart;
        start = bestStart;
        phase = bestPhase;
        gainNumerator = bestNum;
        gainDenominator = bestDen;
    }

    private void unvoiced() {
        delay = 0;
        phase = 0;
        gainNumerator = 0f;
        gainDenominator = 1f;
    }

    /**
     * The impulse response of A(z/γ2)/A(z/γ1): its first reflection coefficient (returned, for the tilt filter)
     * and the sum of its magnitudes, by which the harmonic filter's output is divided when above 1.
     */
    private float shortTermGain() {
        LpcSynthesis.filter(denominator, 0, numerator, 0, impulse, 0, IMPULSE, noMemory, false);
        float acf0 = 0f;
        for (int i = 0; i < IMPULSE; i++) {
            acf0 += impulse[i] * impulse[i];
        }
        float acf1 = 0f;
        for (int i = 0; i < IMPULSE - 1; i++) {
            acf1 += impulse[i] * impulse[i + 1];
        }
        float parcor = acf0 == 0f || acf0 < Math.abs(acf1) ? 0f : -acf1 / acf0;

        float sum = 0f;
        for (int i = 0; i < IMPULSE; i++) {
            sum += Math.abs(impulse[i]);
        }
        if (sum > 1f) {
            float inverse = 1f / sum;
            for (int i = 1; i <= SUBFRAME; i++) {
                harmonic[i] = harmonic[i] * inverse;
            }
        }
        return parcor;
    }

    /** The tilt compensation (1 + μ z^-1) / (1 - |μ|), μ from the first reflection coefficient. */
    private void tilt(float parcor, float[] out, int outAt) {
        float mu = parcor > 0f ? parcor * GAMMA3_PLUS : parcor * GAMMA3_MINUS;
        float scale = 1f / (1f - Math.abs(mu));
        for (int n = 0; n < SUBFRAME; n++) {
            float sum = mu * harmonic[n];
            sum += harmonic[n + 1];
            out[outAt + n] = scale * sum;
        }
    }

    /** Adaptive gain control: the output's level eased towards the input's, sample by sample. */
    private void controlGain(float[] speech, int at, float[] out, int outAt) {
        float in = 0f;
        for (int i = 0; i < SUBFRAME; i++) {
            in += Math.abs(speech[at + i]);
        }
        float target = 0f;
        if (in != 0f) {
            float filtered = 0f;
            for (int i = 0; i < SUBFRAME; i++) {
                filtered += Math.abs(out[outAt + i]);
            }
            if (filtered == 0f) {
                gain = 0f;
                return;
            }
            target = in / filtered;
            target *= AGC_FAC1;
        }
        float g = gain;
        for (int i = 0; i < SUBFRAME; i++) {
            g *= AGC_FAC;
            g += target;
            out[outAt + i] *= g;
        }
        gain = g;
    }
}
