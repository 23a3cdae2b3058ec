package io.verbatim.media.codec.g729;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.restcomm.media.codec.g729.IntegerPointer;
import org.restcomm.media.codec.g729.LpcFunc;
import org.restcomm.media.codec.g729.PostFil;
import org.restcomm.media.codec.g729.PredLt;

/**
 * Our versions of the G.729 decoder's costly blocks against Restcomm's, on made-up signals that reach every pitch
 * delay and fraction (the corpus call reaches only the delays its speaker used): outputs must be the same floats.
 */
class G729BlocksTest {

    private static final int PAST = 143 + 11; // the longest delay plus the interpolation filter's reach
    private static final int SUBFRAME = 40;

    @Test
    void adaptiveCodebookIsRestcommsForEveryDelayAndFraction() {
        Random random = new Random(729);
        int checked = 0;
        for (int lag = 20; lag <= 143; lag++) {
            for (int fraction = -1; fraction <= 1; fraction++) {
                float[] theirs = new float[PAST + SUBFRAME];
                for (int i = 0; i < PAST; i++) {
                    theirs[i] = (float) (random.nextGaussian() * 3000);
                }
                float[] ours = theirs.clone();
                PredLt.pred_lt_3(theirs, PAST, lag, fraction, SUBFRAME);
                G729.adaptiveCodebook(ours, PAST, lag, fraction);
                assertThat(ours).as("delay %d, fraction %d/3", lag, fraction).isEqualTo(theirs);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(124 * 3);
    }

    /**
     * Subframe after subframe of voiced and unvoiced made-up speech through both postfilters, each keeping its own
     * memory: pitch pulses at every delay the decoder can pass (so that the search finds integer, fractional and no
     * delay), with noise, under a new stable LPC filter each time.
     */
    @Test
    void postfilterIsRestcommsForEveryDelay() {
        Random random = new Random(8000);
        G729PostFilter ours = new G729PostFilter();
        PostFil theirs = new PostFil();
        theirs.init_post_filter();
        float[] speech = new float[LpcSynthesis.ORDER + SUBFRAME];
        float[] a = new float[LpcSynthesis.ORDER + 1];
        float[] ourOut = new float[SUBFRAME];
        float[] theirOut = new float[SUBFRAME];
        IntegerPointer theirVoicing = new IntegerPointer(0);
        int voiced = 0;
        long phase = 0;
        int subframes = 0;
        for (int delay = 20; delay <= 143; delay++) {
            double period = delay + random.nextInt(8) / 8.0; // a pitch between the decoded delay and the next
            boolean unvoiced = random.nextInt(5) == 0;
            for (int repeat = 0; repeat < 4; repeat++, subframes++) { // long enough for the delay search's past
                stableFilter(random, a);
                System.arraycopy(speech, SUBFRAME, speech, 0, LpcSynthesis.ORDER);
                for (int n = 0; n < SUBFRAME; n++, phase++) {
                    double pulse = unvoiced ? 0 : 4000 * Math.pow(Math.cos(Math.PI * phase / period), 16);
                    speech[LpcSynthesis.ORDER + n] = (float) (pulse + random.nextGaussian() * (unvoiced ? 800 : 60));
                }
                int voicing = ours.filter(delay, false, speech, LpcSynthesis.ORDER, a, 0, ourOut, 0);
                theirs.post(delay, speech, LpcSynthesis.ORDER, a, 0, theirOut, 0, theirVoicing);
                assertThat(ourOut).as("delay %d, subframe %d", delay, repeat).isEqualTo(theirOut);
                assertThat(voicing).isEqualTo(theirVoicing.value);
                voiced += voicing == 0 ? 0 : 1;
            }
        }
        System.out.printf("G.729 postfilter: %d of %d made-up subframes found voiced%n", voiced, subframes);
        assertThat(voiced).isBetween(subframes / 3, subframes - subframes / 10);
    }

    /**
     * Comfort noise has no long-term postfilter (Annex B): on voiced made-up speech, the decoded delay the search
     * starts from changes the output of speech frames, and leaves that of noise frames as it is.
     */
    @Test
    void noiseFramesHaveNoHarmonicPostfilter() {
        Random random = new Random(729);
        G729PostFilter[] speechFilters = {new G729PostFilter(), new G729PostFilter()};
        G729PostFilter[] noiseFilters = {new G729PostFilter(), new G729PostFilter()};
        int[] delays = {40, 57}; // the pulses' period is 40: a search from 57 misses it
        float[] speech = new float[LpcSynthesis.ORDER + SUBFRAME];
        float[] a = new float[LpcSynthesis.ORDER + 1];
        float[][] out = new float[4][SUBFRAME];
        int speechDiffers = 0;
        int speechVoiced = 0;
        for (int subframe = 0, phase = 0; subframe < 40; subframe++) {
            stableFilter(random, a);
            System.arraycopy(speech, SUBFRAME, speech, 0, LpcSynthesis.ORDER);
            for (int n = 0; n < SUBFRAME; n++, phase++) {
                double pulse = 4000 * Math.pow(Math.cos(Math.PI * phase / 40.0), 16);
                speech[LpcSynthesis.ORDER + n] = (float) (pulse + random.nextGaussian() * 60);
            }
            for (int i = 0; i < 2; i++) {
                speechVoiced += speechFilters[i].filter(delays[i], false, speech, LpcSynthesis.ORDER, a, 0, out[i], 0)
                        == 0 ? 0 : 1;
                assertThat(noiseFilters[i].filter(delays[i], true, speech, LpcSynthesis.ORDER, a, 0, out[2 + i], 0))
                        .as("voicing of noise").isZero();
            }
            speechDiffers += Arrays.equals(out[0], out[1]) ? 0 : 1;
            assertThat(out[3]).as("noise, subframe %d", subframe).isEqualTo(out[2]);
        }
        System.out.printf("G.729 postfilter on 40 subframes of pulses: %d voiced, %d changed by the delay%n",
                speechVoiced, speechDiffers);
        assertThat(speechVoiced).isGreaterThan(20);
        assertThat(speechDiffers).isGreaterThan(20);
    }

    /** A(z) of a random stable LPC filter: ten sorted, spread line spectral frequencies, turned into coefficients. */
    private static void stableFilter(Random random, float[] a) {
        float[] lsp = new float[LpcSynthesis.ORDER];
        for (int i = 0; i < lsp.length; i++) {
            double lsf = Math.PI * (i + 0.5 + 0.8 * (random.nextDouble() - 0.5)) / lsp.length;
            lsp[i] = (float) Math.cos(lsf);
        }
        LpcFunc.lsp_az(lsp, 0, a, 0);
    }
}
