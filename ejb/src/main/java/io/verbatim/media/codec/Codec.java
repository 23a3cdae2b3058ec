package io.verbatim.media.codec;

/** An audio codec carried in RTP: how to turn one packet's payload into 16-bit PCM. */
public interface Codec {

    /** Longer gaps stay silent: a codec's concealment only extends the sound before the gap, fading. */
    int MAX_CONCEALED_MS = 200;

    /** Name as users and logs see it, e.g. "G.711 A-law". */
    String name();

    /** Rate of the RTP timestamp clock, which may differ from the audio rate (G.722). */
    int clockRate();

    /** Rate of the decoded audio. */
    int sampleRate();

    /** Samples one payload decodes to (0 for a payload this codec cannot read). */
    int samplesIn(byte[] payload, int offset, int length);

    /**
     * Decodes one payload into {@code out} from {@code outOffset}; returns the number of samples written.
     * Stateless codecs may share one instance; stateful ones return a fresh decoder from {@link #newDecoder()}.
     */
    int decode(byte[] payload, int offset, int length, short[] out, int outOffset);

    /**
     * Fills {@code samples} of lost audio, the time between the last decoded payload and {@code next}, into
     * {@code out} from {@code outOffset} with the codec's own concealment (extrapolation, forward error
     * correction carried in {@code next}); returns the samples written, 0 when the codec has none and the gap
     * stays silent. Called just before {@code next} is decoded.
     */
    default int conceal(int samples, byte[] next, short[] out, int outOffset) {
        return 0;
    }

    /**
     * Fills part of a pause the sender made before the next payload, with no packet missing (discontinuous
     * transmission: after a G.729B comfort-noise frame the sender sends nothing until the noise or the speech
     * changes), into {@code out} from {@code outOffset}; returns the samples written, 0 when the pause stays
     * silent. A pause comes in pieces of any length, in order, as the render reaches it; the next payload (or
     * concealment) follows the last piece.
     */
    default int pause(int samples, short[] out, int outOffset) {
        return 0;
    }

    /** A decoder for one stream; stateless codecs return themselves. */
    default Codec newDecoder() {
        return this;
    }
}
