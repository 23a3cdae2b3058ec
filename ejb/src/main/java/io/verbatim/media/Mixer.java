package io.verbatim.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Renders the two channels of a call block by block as decoded frames arrive, so neither the output nor the
 * decoded audio is ever whole in memory: a block is written once the caller says no frame can still land in it
 * ({@link #renderUntil}). Where no frame covers a sample (loss, silence suppression, one-way audio) it is silent;
 * where frames overlap, the one placed later on the timeline wins.
 */
final class Mixer {

    static final int BLOCK_FRAMES = 8192;
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

    /** Puts decoded samples on a channel at a timeline position; what falls before the rendered part is lost. */
    void add(int channel, long position, short[] samples) {
        long end = position + samples.length;
        if (end <= rendered) {
            lateSamples += samples.length;
            return;
        }
        lateSamples += Math.max(0, rendered - position);
        channels[channel].pending.add(new Piece(position, samples));
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
        channels[LEFT].fill(rendered, n, left);
        channels[RIGHT].fill(rendered, n, right);
        sink.write(left, right, n);
        rendered += n;
    }

    private record Piece(long position, short[] samples) {
        long end() {
            return position + samples.length;
        }
    }

    /** One channel's frames: those not yet reached, and those the block being rendered overlaps. */
    private static final class Channel {
        final NearlySortedQueue<Piece> pending = new NearlySortedQueue<>(Comparator.comparingLong(Piece::position));
        final List<Piece> current = new ArrayList<>();

        void fill(long start, int n, short[] out) {
            Arrays.fill(out, 0, n, (short) 0);
            long blockEnd = start + n;
            while (!pending.isEmpty() && pending.peek().position() < blockEnd) {
                current.add(pending.poll());
            }
            for (Iterator<Piece> it = current.iterator(); it.hasNext(); ) {
                Piece p = it.next();
                long from = Math.max(start, p.position());
                long to = Math.min(blockEnd, p.end());
                if (from < to) {
                    System.arraycopy(p.samples(), (int) (from - p.position()), out, (int) (from - start), (int) (to - from));
                }
                if (p.end() <= blockEnd) {
                    it.remove();
                }
            }
        }
    }
}
