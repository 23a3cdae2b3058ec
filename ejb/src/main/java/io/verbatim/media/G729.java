package io.verbatim.media;

import java.util.Arrays;
import org.restcomm.media.codec.g729.DecLD8K;
import org.restcomm.media.codec.g729.IntegerPointer;
import org.restcomm.media.codec.g729.PParity;
import org.restcomm.media.codec.g729.PostFil;
import org.restcomm.media.codec.g729.PostPro;
import org.restcomm.media.codec.g729.TabLD8k;

/**
 * ITU-T G.729 / G.729A (RTP payload type 18) through Restcomm's pure-Java port of the ITU floating-point decoder:
 * 10-byte frames of 10 ms. Its stages (synthesis, postfilter, high-pass) are driven here rather than through its
 * {@code Decoder.process}, which has no way to say a frame is missing: a lost frame is decoded with the bad-frame
 * indicator set, the Recommendation's concealment (section 4.4: last LSPs, attenuated gains, repeated pitch for
 * voiced speech, random fixed codebook for unvoiced). A 2-byte SID frame (G.729B) marks comfort noise; it becomes
 * silence of one frame.
 */
public final class G729 implements Codec {

    static final int FRAME_BYTES = 10;
    static final int SID_BYTES = 2;
    static final int FRAME_SAMPLES = 80;
    private static final int SUBFRAME_SAMPLES = 40;
    private static final int ORDER = 10; // of the LPC synthesis filter, whose memory leads the synthesis buffer

    private final DecLD8K synthesis = new DecLD8K();
    private final PostFil postFilter = new PostFil();
    private final PostPro highPass = new PostPro();
    // the ITU decoder's frame parameters: [0] the bad-frame indicator, then the 11 fields of Table 8 (bits per
    // field: TabLD8k.bitsno)
    private final int[] parameters = new int[12];
    private final float[] synthesised = new float[ORDER + FRAME_SAMPLES];
    private final float[] filterCoefficients = new float[2 * (ORDER + 1)]; // A(z) of both subframes
    private final float[] filtered = new float[FRAME_SAMPLES];
    private final IntegerPointer pitchLag = new IntegerPointer(0);
    private final IntegerPointer subframeVoicing = new IntegerPointer(0);
    private int voicing = 60; // the postfilter's voicing of the last frame, which steers concealment

    public G729() {
        synthesis.init_decod_ld8k();
        postFilter.init_post_filter();
        highPass.init_post_process();
    }

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
        for (int at = offset; at + FRAME_BYTES <= end; at += FRAME_BYTES) {
            unpack(payload, at);
            frame(out, outOffset + written);
            written += FRAME_SAMPLES;
        }
        if (length % FRAME_BYTES >= SID_BYTES) { // a SID frame: comfort noise, rendered as silence
            Arrays.fill(out, outOffset + written, outOffset + written + FRAME_SAMPLES, (short) 0);
            written += FRAME_SAMPLES;
        }
        return written;
    }

    /**
     * The Recommendation's frame erasure concealment for each whole frame of the gap; a part frame before them
     * stays silent so that the concealed frames meet {@code next}. Longer gaps stay silent: the concealment only
     * repeats the last frame's sound, fading slowly.
     */
    @Override
    public int conceal(int samples, byte[] next, short[] out, int outOffset) {
        if (samples > MAX_CONCEALED_MS * sampleRate() / 1000) {
            return 0;
        }
        int frames = samples / FRAME_SAMPLES;
        int lead = samples - frames * FRAME_SAMPLES;
        Arrays.fill(out, outOffset, outOffset + lead, (short) 0);
        for (int i = 0; i < frames; i++) {
            Arrays.fill(parameters, 0);
            parameters[0] = 1; // bad frame
            frame(out, outOffset + lead + i * FRAME_SAMPLES);
        }
        return frames == 0 ? 0 : samples;
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

    /** Decodes the frame the parameters hold: synthesis, postfilter per subframe, high-pass, rounding. */
    private void frame(short[] out, int outOffset) {
        synthesis.decod_ld8k(parameters, 0, voicing, synthesised, ORDER, filterCoefficients, pitchLag);
        voicing = 0;
        int lag = pitchLag.value;
        for (int subframe = 0; subframe < 2; subframe++) {
            int start = subframe * SUBFRAME_SAMPLES;
            postFilter.post(lag, synthesised, ORDER + start, filterCoefficients, subframe * (ORDER + 1), filtered, start,
                    subframeVoicing);
            if (subframeVoicing.value != 0) {
                voicing = subframeVoicing.value;
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

    @Override
    public Codec newDecoder() {
        return new G729();
    }
}
