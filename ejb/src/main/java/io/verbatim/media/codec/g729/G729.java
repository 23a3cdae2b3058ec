package io.verbatim.media.codec.g729;

import io.verbatim.media.codec.Codec;
import java.util.Arrays;
import org.restcomm.media.codec.g729.DecAcelp;
import org.restcomm.media.codec.g729.DecGain;
import org.restcomm.media.codec.g729.FloatPointer;
import org.restcomm.media.codec.g729.LD8KConstants;
import org.restcomm.media.codec.g729.LpcFunc;
import org.restcomm.media.codec.g729.LspGetq;
import org.restcomm.media.codec.g729.PParity;
import org.restcomm.media.codec.g729.PostPro;
import org.restcomm.media.codec.g729.TabLD8k;

/**
 * ITU-T G.729 / G.729A / G.729B (RTP payload type 18): 10-byte frames of 10 ms, decoded by the Recommendation's
 * decoder (section 4) built from the blocks of Restcomm's pure-Java port of the ITU floating-point code (LSP
 * quantiser, algebraic codebook, gains, high-pass) and our own versions of the blocks where the decoder spends its
 * time (pitch delay and adaptive codebook, synthesis filter: {@link LpcSynthesis}, postfilter:
 * {@link G729PostFilter}). Ours compute what Restcomm's compute (the synthesis filter in another order, which leaves
 * its outputs as they were; see there), without its per-call allocation and boxing, and with independent sums side
 * by side. The frame loop is ours rather than its {@code DecLD8K}, for three reasons: that class cannot be told a
 * frame is missing; it keeps the LSPs that concealment reuses in static fields, so every decoder in the JVM conceals
 * with the LSPs of whichever stream decoded last (the other party of the same call, or another call); and its
 * "random" numbers for concealment are the wall clock, so the same capture would convert differently each time.
 * Here each stream has its own memory and the Recommendation's random generator. Good frames decode exactly as
 * Restcomm's decoder does.
 *
 * <p>A lost frame is decoded with the bad-frame indicator set (section 4.4: last LSPs, attenuated gains, repeated
 * pitch for voiced speech, random fixed codebook for unvoiced). A 2-byte SID frame (G.729B) becomes comfort noise,
 * and so do the pause after it, in which the sender sends nothing, and frames lost in it (see
 * {@link G729ComfortNoise}).
 */
public final class G729 implements Codec {

    static final int FRAME_BYTES = 10;
    static final int SID_BYTES = 2;
    static final int FRAME_SAMPLES = 80;
    private static final int SUBFRAME_SAMPLES = 40;
    // of the LPC synthesis filter, whose memory leads the synthesis buffer
    private static final int ORDER = LpcSynthesis.ORDER;
    // the excitation of the frame being decoded starts after the past excitation the pitch predictor reads
    private static final int EXCITATION = LD8KConstants.PIT_MAX + LD8KConstants.L_INTERPOL;

    // the ITU decoder's frame parameters: [0] the bad-frame indicator, then the 11 fields of Table 8 (bits per
    // field: TabLD8k.bitsno)
    private final int[] parameters = new int[12];
    private final float[] excitation = new float[EXCITATION + FRAME_SAMPLES];
    private final float[] lspOld = {0.9595f, 0.8413f, 0.6549f, 0.4154f, 0.1423f, -0.1423f, -0.4154f, -0.6549f,
            -0.8413f, -0.9595f};
    private final float[] lspNew = new float[ORDER];
    private final float[][] lsfHistory = new float[4][ORDER]; // the LSF quantiser's MA predictor memory
    private final float[] lastGoodLsf = new float[ORDER];      // what a lost frame reuses
    private int lastGoodMode;
    private final float[] lsfResidual = new float[ORDER];
    private final float[] code = new float[SUBFRAME_SAMPLES];
    private final DecGain gains = new DecGain();
    private final FloatPointer pitchGain = new FloatPointer(0f);
    private final FloatPointer codeGain = new FloatPointer(0f);
    private int lag;         // the pitch delay of the subframe: lag + lagFraction / 3 samples
    private int lagFraction; // -1, 0 or 1
    private float sharpening = LD8KConstants.SHARPMIN;
    private int oldLag = 60;
    // the Recommendation's random generator, for the codebook of lost frames
    private final G729Random random = new G729Random((short) 21845);

    private final float[] synthesisMemory = new float[ORDER];
    private final float[] synthesised = new float[ORDER + FRAME_SAMPLES];
    private final float[] filterCoefficients = new float[2 * (ORDER + 1)]; // A(z) of both subframes
    private final G729PostFilter postFilter = new G729PostFilter();
    private final PostPro highPass = new PostPro();
    private final float[] filtered = new float[FRAME_SAMPLES];
    private int voicing = 60; // the postfilter's voicing of the last frame, which steers concealment

    private final G729ComfortNoise comfortNoise = new G729ComfortNoise();
    private boolean inComfortNoise; // the last frame was comfort noise: a SID frame or one left out after it
    private final short[] noise = new short[FRAME_SAMPLES]; // a comfort noise frame, partly handed out by pause()
    private int noiseLeft;

    public G729() {
        for (float[] lsf : lsfHistory) {
            System.arraycopy(RESET_LSF, 0, lsf, 0, ORDER);
        }
        System.arraycopy(RESET_LSF, 0, lastGoodLsf, 0, ORDER);
        highPass.init_post_process();
    }

    /** The LSFs the quantiser's memory starts from: equally spaced, pi (k + 1) / 11. */
    static final float[] RESET_LSF = {0.285599f, 0.571199f, 0.856798f, 1.142397f, 1.427997f, 1.713596f, 1.999195f,
            2.284795f, 2.570394f, 2.855993f};

    @Override
    public String name() {
        return "G.729";
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public int samplesIn(byte[] payload, int offset, int length) {
        return (length / FRAME_BYTES + (length % FRAME_BYTES >= SID_BYTES ? 1 : 0)) * FRAME_SAMPLES;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        int written = 0;
        int end = offset + length;
        noiseLeft = 0;
        for (int at = offset; at + FRAME_BYTES <= end; at += FRAME_BYTES) {
            unpack(payload, at);
            frame(false, out, outOffset + written);
            written += FRAME_SAMPLES;
        }
        if (length % FRAME_BYTES >= SID_BYTES) {
            comfortNoise.sid(payload, offset + length / FRAME_BYTES * FRAME_BYTES, lsfHistory);
            frame(true, out, outOffset + written);
            written += FRAME_SAMPLES;
        }
        return written;
    }

    /**
     * The Recommendation's frame erasure concealment for each whole frame of the gap; a part frame before them
     * stays silent so that the concealed frames meet {@code next}. Longer gaps stay silent: the concealment only
     * repeats the last frame's sound, fading slowly. Frames lost during comfort noise are more of it (Annex B
     * treats them as frames the sender left out), however many.
     */
    @Override
    public int conceal(int samples, byte[] next, short[] out, int outOffset) {
        if (inComfortNoise) {
            return pause(samples, out, outOffset);
        }
        if (samples > MAX_CONCEALED_MS * sampleRate() / 1000) {
            return 0;
        }
        int frames = samples / FRAME_SAMPLES;
        int lead = samples - frames * FRAME_SAMPLES;
        Arrays.fill(out, outOffset, outOffset + lead, (short) 0);
        for (int i = 0; i < frames; i++) {
            Arrays.fill(parameters, 0);
            parameters[0] = 1; // bad frame
            frame(false, out, outOffset + lead + i * FRAME_SAMPLES);
        }
        return frames == 0 ? 0 : samples;
    }

    /** After a SID frame the sender sends nothing until the noise or the speech changes: comfort noise goes on. */
    @Override
    public int pause(int samples, short[] out, int outOffset) {
        if (!inComfortNoise) {
            return 0;
        }
        for (int written = 0; written < samples; ) {
            if (noiseLeft == 0) {
                frame(true, noise, 0);
                noiseLeft = FRAME_SAMPLES;
            }
            int n = Math.min(noiseLeft, samples - written);
            System.arraycopy(noise, FRAME_SAMPLES - noiseLeft, out, outOffset + written, n);
            noiseLeft -= n;
            written += n;
        }
        return samples;
    }

    /** Reads the 80 bits of one frame, most significant first, into the parameters of a good frame. */
    private void unpack(byte[] payload, int at) {
        int bit = at * 8;
        for (int field = 0; field < TabLD8k.bitsno.length; field++) {
            int value = 0;
            for (int n = TabLD8k.bitsno[field]; n > 0; n--, bit++) {
                value = (value << 1) | ((payload[bit >> 3] >> (7 - (bit & 7))) & 1);
            }
            parameters[field + 1] = value;
        }
        parameters[0] = 0;
        // the parity bit over the first pitch delay: a mismatch makes the decoder treat that delay as lost
        parameters[4] = PParity.check_parity_pitch(parameters[3], parameters[4]);
    }

    /**
     * Decodes one frame, speech from the parameters or comfort noise, then postfilter per subframe (without its
     * long-term part for comfort noise, as Annex B has it), high-pass, rounding.
     */
    private void frame(boolean noiseFrame, short[] out, int outOffset) {
        int firstLag = noiseFrame ? comfortNoise() : speech();
        voicing = 0;
        for (int subframe = 0; subframe < 2; subframe++) {
            int start = subframe * SUBFRAME_SAMPLES;
            int subframeVoicing = postFilter.filter(firstLag, noiseFrame, synthesised, ORDER + start,
                    filterCoefficients, subframe * (ORDER + 1), filtered, start);
            if (subframeVoicing != 0) {
                voicing = subframeVoicing;
            }
        }
        System.arraycopy(synthesised, FRAME_SAMPLES, synthesised, 0, ORDER);
        highPass.post_process(filtered, FRAME_SAMPLES);
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            float sample = filtered[i];
            // rounded half away from zero and saturated, as the ITU decoder writes its output
            out[outOffset + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE,
                    (int) (sample >= 0 ? sample + 0.5f : sample - 0.5f)));
        }
    }

    /**
     * Annex B for a SID frame or one the sender left out: the comfort noise excitation through the synthesis
     * filter of the noise's spectrum (interpolated from the last LSPs in the first subframe). Returns the pitch
     * lag the postfilter searches around: the last one of speech.
     */
    private int comfortNoise() {
        comfortNoise.excitation(!inComfortNoise, excitation, EXCITATION);
        LpcFunc.int_qlpc(lspOld, comfortNoise.lsp(), filterCoefficients);
        System.arraycopy(comfortNoise.lsp(), 0, lspOld, 0, ORDER);
        synthesise(0);
        synthesise(1);
        sharpening = LD8KConstants.SHARPMIN;
        System.arraycopy(excitation, FRAME_SAMPLES, excitation, 0, EXCITATION);
        inComfortNoise = true;
        return oldLag;
    }

    /**
     * Section 4.1 for one frame of speech, good or lost: LSPs and their interpolation, then per subframe the
     * adaptive and fixed codebook vectors, their gains, the excitation and its synthesis. Returns the first
     * subframe's integer pitch lag, which the postfilter searches around.
     */
    private int speech() {
        boolean bad = parameters[0] != 0;
        inComfortNoise = false;
        comfortNoise.speech();
        decodeLsp(bad);
        LpcFunc.int_qlpc(lspOld, lspNew, filterCoefficients);
        System.arraycopy(lspNew, 0, lspOld, 0, ORDER);

        int firstLag = 0;
        for (int subframe = 0, p = 3; subframe < 2; subframe++) {
            int start = subframe * SUBFRAME_SAMPLES;
            int lagIndex = parameters[p++];
            boolean lagLost = bad || subframe == 0 && parameters[p++] != 0; // the parity check's verdict
            if (lagLost) {
                lag = oldLag;
                lagFraction = 0;
                oldLag = Math.min(oldLag + 1, LD8KConstants.PIT_MAX);
            } else {
                decodeLag(lagIndex, subframe);
                oldLag = lag;
            }
            if (subframe == 0) {
                firstLag = lag;
            }
            adaptiveCodebook(excitation, EXCITATION + start, lag, lagFraction);

            if (bad) { // a random fixed codebook vector: 13 bits of pulse positions, 4 of signs
                parameters[p] = random.next() & 0x1fff;
                parameters[p + 1] = random.next() & 0x000f;
            }
            DecAcelp.decod_ACELP(parameters[p + 1], parameters[p], code);
            p += 2;
            for (int i = lag; i < SUBFRAME_SAMPLES; i++) {
                code[i] += sharpening * code[i - lag];
            }
            gains.dec_gain(parameters[p++], code, SUBFRAME_SAMPLES, bad ? 1 : 0, pitchGain, codeGain);
            float gp = pitchGain.value;
            float gc = codeGain.value;
            sharpening = Math.max(LD8KConstants.SHARPMIN, Math.min(LD8KConstants.SHARPMAX, gp));

            for (int i = 0, e = EXCITATION + start; i < SUBFRAME_SAMPLES; i++, e++) {
                if (!bad) {
                    excitation[e] = gp * excitation[e] + gc * code[i];
                } else if (voicing == 0) {
                    excitation[e] = gc * code[i];
                } else {
                    excitation[e] = gp * excitation[e];
                }
            }
            synthesise(subframe);
        }
        System.arraycopy(excitation, FRAME_SAMPLES, excitation, 0, EXCITATION);
        return firstLag;
    }

    /**
     * Section 4.1.1 (and 4.4.1 for a lost frame): the LSFs from the two-stage quantiser and the MA predictor of the
     * mode the frame names; a lost frame repeats the last good frame's LSFs and feeds the predictor what would have
     * made them. Leaves the LSPs in {@code lspNew}.
     */
    private void decodeLsp(boolean bad) {
        if (!bad) {
            int mode = (parameters[1] >> 7) & 1;
            LspGetq.lsp_get_quant(TabLD8k.lspcb1, TabLD8k.lspcb2, parameters[1] & 0x7f, (parameters[2] >> 5) & 0x1f,
                    parameters[2] & 0x1f, TabLD8k.fg[mode], lsfHistory, lspNew, TabLD8k.fg_sum[mode]);
            System.arraycopy(lspNew, 0, lastGoodLsf, 0, ORDER);
            lastGoodMode = mode;
        } else {
            System.arraycopy(lastGoodLsf, 0, lspNew, 0, ORDER);
            LspGetq.lsp_prev_extract(lastGoodLsf, lsfResidual, TabLD8k.fg[lastGoodMode], lsfHistory,
                    TabLD8k.fg_sum_inv[lastGoodMode]);
            LspGetq.lsp_prev_update(lsfResidual, lsfHistory);
        }
        for (int i = 0; i < ORDER; i++) {
            lspNew[i] = (float) Math.cos(lspNew[i]);
        }
    }

    /**
     * Section 4.1.3: the pitch delay from its index, to 1/3 sample: absolute in the first subframe (1/3 resolution
     * below 85, whole samples above), relative to the first subframe's in the second (within 5 below to 4 above,
     * kept inside the delay range).
     */
    private void decodeLag(int index, int subframe) {
        if (subframe == 0) {
            if (index < 197) {
                lag = (index + 2) / 3 + 19;
                lagFraction = index - lag * 3 + 58;
            } else {
                lag = index - 112;
                lagFraction = 0;
            }
        } else {
            int min = Math.max(lag - 5, LD8KConstants.PIT_MIN);
            if (min + 9 > LD8KConstants.PIT_MAX) {
                min = LD8KConstants.PIT_MAX - 9;
            }
            int whole = (index + 2) / 3 - 1;
            lag = whole + min;
            lagFraction = index - 2 - whole * 3;
        }
    }

    /**
     * Section 4.1.3's adaptive codebook vector: the past excitation at the fractional pitch delay, interpolated by
     * the 1/3-sample filter ({@code lag + lagFraction / 3} samples back), written over the subframe at {@code at}.
     * As in the ITU code, each sample adds the ten tap pairs in order; here tap by tap over a block of samples, so
     * the samples go side by side. A delay shorter than the subframe reads samples written moments before, at least
     * delay - 10 back: blocks are no longer.
     */
    static void adaptiveCodebook(float[] excitation, int at, int lag, int lagFraction) {
        int past = at - lag;
        int phase = -lagFraction;
        if (phase < 0) {
            phase += 3;
            past--;
        }
        int block = Math.min(SUBFRAME_SAMPLES, lag - 10);
        for (int first = 0; first < SUBFRAME_SAMPLES; first += block) {
            int end = Math.min(SUBFRAME_SAMPLES, first + block);
            Arrays.fill(excitation, at + first, at + end, 0f);
            for (int i = 0; i < 10; i++) {
                float before = TabLD8k.inter_3l[phase + 3 * i];
                float after = TabLD8k.inter_3l[3 - phase + 3 * i];
                for (int j = first; j < end; j++) {
                    excitation[at + j] += excitation[past + j - i] * before + excitation[past + j + 1 + i] * after;
                }
            }
        }
    }

    /** One subframe of excitation through the LPC synthesis filter 1/A(z), into the synthesis buffer. */
    private void synthesise(int subframe) {
        int start = subframe * SUBFRAME_SAMPLES;
        LpcSynthesis.filter(filterCoefficients, subframe * (ORDER + 1), excitation, EXCITATION + start, synthesised,
                ORDER + start, SUBFRAME_SAMPLES, synthesisMemory, true);
    }

    @Override
    public Codec newDecoder() {
        return new G729();
    }
}
