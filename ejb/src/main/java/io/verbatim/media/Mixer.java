package io.verbatim.media;

import java.io.IOException;
import java.util.Arrays;

/**
 * Renders the two channels of a call block by block as decoded frames arrive, so neither the output nor the
 * decoded audio is ever whole in memory: each channel is a ring of samples from the first one not yet written
 * onwards, frames are copied into it at their timeline position, and a block is written once the caller says no
 * frame can still land in it ({@link #renderUntil}). Where no frame covers a sample (loss, silence suppression,
 * one-way audio) it is silent; where frames overlap, the one added last wins.
 */
final class Mixer {

    static final int BLOCK_FRAMES = 32768;
    static final int LEFT = 0;
    static final int RIGHT = 1;

    private final long frames;
    private final PcmSink sink;
    private final Channel[] channels = {new Channel(), new Channel()};
    private final short[] left = new short[BLOCK_FRAMES];
    private final short[] right = new short[BLOCK_FRAMES];
    private long rendered;
    private long lateSamples;

    /** @param frames length of the call in samples per channel; {@code sink} receives exactly that many */
    Mixer(long frames, PcmSink sink) {
        this.frames = frames;
        this.sink = sink;
    }

    /**
     * Puts {@code samples[0..count)} on a channel from a timeline position; what falls before the written part is
     * lost (and counted), what falls after the call's end is dropped.
     */
    void add(int channel, long position, short[] samples, int count) {
        long from = Math.max(position, rendered);
        long to = Math.min(position + count, frames);
        lateSamples += Math.min(count, Math.max(0, rendered - position));
        if (from < to) {
            channels[channel].put(from - rendered, samples, (int) (from - position), (int) (to - from));
        }
    }

    /** Writes every whole block before {@code position}: no frame still to come starts before it. */
    void renderUntil(long position) throws IOException {
        long until = Math.min(position, frames);
        while (until - rendered >= BLOCK_FRAMES) {
            renderBlock(BLOCK_FRAMES);
        }
    }

    /** Writes the rest of the call. */
    void finish() throws IOException {
        while (rendered < frames) {
            renderBlock((int) Math.min(BLOCK_FRAMES, frames - rendered));
        }
    }

    /** Samples that arrived for a part already written (a stream placed far earlier than its packets came). */
    long lateSamples() {
        return lateSamples;
    }

    private void renderBlock(int n) throws IOException {
        channels[LEFT].take(left, n);
        channels[RIGHT].take(right, n);
        sink.write(left, right, n);
        rendered += n;
    }

    /**
     * One channel's samples from the first not yet written: a ring whose {@code start} is that sample, grown when
     * a frame lands beyond it. Frames land at most a reorder window and a placement stretch ahead of what is
     * written, so the ring stays that size whatever the call's length.
     */
    private static final class Channel {
        short[] ring = new short[2 * BLOCK_FRAMES]; // a power of two
        int start;

        /** Copies {@code count} samples to {@code ahead} samples past the first unwritten one. */
        void put(long ahead, short[] samples, int from, int count) {
            if (ahead + count > ring.length) {
                grow(ahead + count);
            }
            int mask = ring.length - 1;
            int at = (int) ((start + ahead) & mask);
            int first = Math.min(count, ring.length - at);
            System.arraycopy(samples, from, ring, at, first);
            System.arraycopy(samples, from + first, ring, 0, count - first);
        }

        /** Moves the next {@code n} samples to {@code out}, leaving silence behind for the ring's next turn. */
        void take(short[] out, int n) {
            int first = Math.min(n, ring.length - start);
            System.arraycopy(ring, start, out, 0, first);
            System.arraycopy(ring, 0, out, first, n - first);
            Arrays.fill(ring, start, start + first, (short) 0);
            Arrays.fill(ring, 0, n - first, (short) 0);
            start = (start + n) & (ring.length - 1);
        }

        private void grow(long needed) {
            int length = ring.length;
            while (length < needed) {
                if (length >= 1 << 30) {
                    throw new IllegalStateException("a frame lands " + needed + " samples ahead of the written audio");
                }
                length <<= 1;
            }
            short[] bigger = new short[length];
            int first = ring.length - start;
            System.arraycopy(ring, start, bigger, 0, first);
            System.arraycopy(ring, 0, bigger, first, start);
            ring = bigger;
            start = 0;
        }
    }
}
