package io.verbatim.media;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one stream's frames strictly in sequence order — the order the sender encoded them, which stateful
 * codecs need — whatever order the timeline asks for them in. Frames decoded ahead of their turn wait here;
 * there are only ever as many as the stream is reordered on the timeline.
 */
final class SequentialDecoder {

    private final Codec codec;
    private final List<byte[]> payloads;
    private final Map<Integer, short[]> ahead = new HashMap<>();
    private int next;

    SequentialDecoder(Codec codec, List<byte[]> payloads) {
        this.codec = codec;
        this.payloads = payloads;
    }

    int samplesIn(int index) {
        byte[] payload = payloads.get(index);
        return codec.samplesIn(payload, 0, payload.length);
    }

    /** The decoded samples of frame {@code index} (in sequence order); each frame can be taken once. */
    short[] take(int index) {
        short[] waiting = ahead.remove(index);
        if (waiting != null) {
            return waiting;
        }
        if (index < next) {
            throw new IllegalStateException("frame " + index + " was taken already");
        }
        while (true) {
            byte[] payload = payloads.get(next);
            short[] decoded = new short[codec.samplesIn(payload, 0, payload.length)];
            codec.decode(payload, 0, payload.length, decoded, 0);
            if (next++ == index) {
                return decoded;
            }
            ahead.put(next - 1, decoded);
        }
    }
}
