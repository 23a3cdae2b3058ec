package io.verbatim.media;

import org.restcomm.media.codec.g729.Decoder;

/**
 * ITU-T G.729 / G.729A (RTP payload type 18) through Restcomm's pure-Java decoder: 10-byte frames of 10 ms.
 * A 2-byte SID frame (G.729B) marks comfort noise; it becomes silence of one frame.
 */
public final class G729 implements Codec {

    static final int FRAME_BYTES = 10;
    static final int SID_BYTES = 2;
    static final int FRAME_SAMPLES = 80;

    private final Decoder decoder = new Decoder(); // keeps the synthesis state of one stream

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
        byte[] frame = new byte[FRAME_BYTES];
        int end = offset + length;
        for (int at = offset; at + FRAME_BYTES <= end; at += FRAME_BYTES) {
            System.arraycopy(payload, at, frame, 0, FRAME_BYTES);
            byte[] pcm = decoder.process(frame);
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                out[outOffset + written + i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            }
            written += FRAME_SAMPLES;
        }
        if (length % FRAME_BYTES >= SID_BYTES) { // a SID frame: comfort noise, rendered as silence
            java.util.Arrays.fill(out, outOffset + written, outOffset + written + FRAME_SAMPLES, (short) 0);
            written += FRAME_SAMPLES;
        }
        return written;
    }

    @Override
    public Codec newDecoder() {
        return new G729();
    }
}
