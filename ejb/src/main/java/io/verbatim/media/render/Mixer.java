package io.verbatim.media.render;

import io.verbatim.media.codec.Codec;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Renders the two channels of a call block by block as decoded frames arrive, so neither the output nor the
 * decoded audio is ever whole in memory: each channel holds blocks from the first one not yet written onwards,
 * frames are decoded (or copied) into them at their timeline position, and a block is written once the caller
 * says no frame can still land in it ({@link #renderUntil}). Where no frame covers a sample (loss, silence
 * suppression, one-way audio) it is silent; where frames overlap, the one added last wins. The call's length is
 * where its last frame ends, known only once every frame is in: the mixer never writes past the furthest end so
 * far, and {@link #finish} writes up to the final one.
 */
public final class Mixer {

    static final int BLOCK_FRAMES = 32768; // a power of two
    public static final int LEFT = 0;
    static final int RIGHT = 1;

    private final PcmSink sink;
    private final Blocks[] channels;
    private short[] scratch = new short[0];
    private long rendered;
    private long end;
    private long lateSamples;

    public Mixer(PcmSink sink) {
        this.sink = sink;
        Blocks.Pool pool = new Blocks.Pool();
        this.channels = new Blocks[] {new Blocks(pool), new Blocks(pool)};
    }

    /**
     * Puts {@code samples[0..count)} on a channel from a timeline position; what falls before the written part is
     * lost (and counted).
     */
    void add(int channel, long position, short[] samples, int count) {
        long from = Math.max(position, rendered);
        long to = position + count;
        lateSamples += Math.min(count, Math.max(0, rendered - position));
        if (from < to) {
            end = Math.max(end, to);
            channels[channel].put(from - rendered, samples, (int) (from - position), (int) (to - from));
        }
    }

    /**
     * Decodes one payload of {@code samples} samples onto a channel from a timeline position: straight into its
     * block when it fits one whole (nearly always: a block holds seconds, a frame milliseconds), otherwise through
     * a scratch buffer and {@link #add}. A pause the sender made before it is filled first.
     */
    public void decode(int channel, long position, int samples, Codec decoder, byte[] payload) {
        closePause(channel, position);
        int filled = fill(channel, position, samples, decoder, payload, DECODE);
        pausing[channel] = decoder;
        pauseFrom[channel] = Math.max(pauseFrom[channel], position + filled);
    }

    /** Fills {@code samples} of lost audio before the payload {@code next} with the decoder's concealment. */
    void conceal(int channel, long position, int samples, Codec decoder, byte[] next) {
        closePause(channel, position);
        fill(channel, position, samples, decoder, next, CONCEAL);
    }

    /*
     * Pauses: after each frame a channel is paused until its next frame, and what the last decoder makes of the
     * pause (Codec.pause: comfort noise after a G.729B SID frame, else nothing) fills it as the render reaches it
     * and when the next frame comes. Filling only as far as the render has to write keeps a pause of minutes as
     * small in memory as any other stretch of the call.
     */
    private final Codec[] pausing = new Codec[2];
    private final long[] pauseFrom = new long[2];
    /** 0.5 s at 48 kHz: the most filled at once. */
    static final int PAUSE_PIECE = 24_000;
    /** Pieces are multiples of this, so that they are whole samples at the codec's own rate upsampled by up to 6. */
    private static final int PAUSE_GRAIN = 48;

    /** Fills the channel's pause up to {@code position}, where a frame starts, and ends it. */
    private void closePause(int channel, long position) {
        extendPause(channel, position, true);
        pausing[channel] = null;
    }

    /** Fills the channel's pause up to {@code until}, or to the last multiple of the grain before it. */
    private void extendPause(int channel, long until, boolean closing) {
        Codec decoder = pausing[channel];
        long from = Math.max(pauseFrom[channel], rendered);
        while (decoder != null && from < until) {
            long left = until - from;
            int piece = (int) (left >= PAUSE_PIECE ? PAUSE_PIECE : closing ? left : left - left % PAUSE_GRAIN);
            if (piece == 0) {
                break;
            }
            int filled = fill(channel, from, piece, decoder, null, PAUSE);
            if (filled == 0) {
                pausing[channel] = null; // this decoder leaves pauses silent
                break;
            }
            from += filled;
        }
        pauseFrom[channel] = from;
    }

    private static final int DECODE = 0;
    private static final int CONCEAL = 1;
    private static final int PAUSE = 2;

    private int fill(int channel, long position, int samples, Codec decoder, byte[] payload, int kind) {
        long ahead = position - rendered;
        int offset = (int) (ahead & (BLOCK_FRAMES - 1));
        if (ahead >= 0 && offset + samples <= BLOCK_FRAMES) {
            int filled = run(decoder, payload, kind, samples, channels[channel].blockAt(ahead), offset);
            end = Math.max(end, position + filled);
            return filled;
        }
        if (scratch.length < samples) {
            scratch = new short[samples];
        }
        int filled = run(decoder, payload, kind, samples, scratch, 0);
        add(channel, position, scratch, filled);
        return filled;
    }

    private static int run(Codec decoder, byte[] payload, int kind, int samples, short[] out, int at) {
        return switch (kind) {
            case DECODE -> decoder.decode(payload, 0, payload.length, out, at);
            case CONCEAL -> decoder.conceal(samples, payload, out, at);
            default -> decoder.pause(samples, out, at);
        };
    }

    /** Writes every whole block before {@code position}: no frame still to come starts before it. */
    void renderUntil(long position) throws IOException {
        long until = Math.min(position, end);
        long blocksEnd = rendered + (until - rendered) / BLOCK_FRAMES * BLOCK_FRAMES;
        extendPause(LEFT, blocksEnd, false);
        extendPause(RIGHT, blocksEnd, false);
        while (until - rendered >= BLOCK_FRAMES) {
            renderBlock(BLOCK_FRAMES);
        }
    }

    /** Writes the rest of the call; returns its length in samples per channel. */
    public long finish() throws IOException {
        long last = end;
        extendPause(LEFT, last, true);
        extendPause(RIGHT, last, true);
        while (rendered < end) {
            renderBlock((int) Math.min(BLOCK_FRAMES, end - rendered));
        }
        return end;
    }

    /** Samples that arrived for a part already written (a stream placed far earlier than its packets came). */
    long lateSamples() {
        return lateSamples;
    }

    private void renderBlock(int n) throws IOException {
        sink.write(channels[LEFT].first(), channels[RIGHT].first(), n);
        channels[LEFT].dropFirst();
        channels[RIGHT].dropFirst();
        rendered += n;
    }

    /**
     * One channel's samples from the first not yet written, in blocks of {@link #BLOCK_FRAMES}: a block exists only
     * where some frame landed. Frames land at most a reorder window and a placement stretch ahead of what is
     * written, so a channel holds that many blocks whatever the call's length; written blocks are cleared and
     * reused.
     */
    private static final class Blocks {

        /** Cleared blocks for either channel, and one that stays silent for a block no frame landed in. */
        static final class Pool {
            final ArrayDeque<short[]> free = new ArrayDeque<>();
            final short[] silence = new short[BLOCK_FRAMES];

            short[] take() {
                short[] block = free.pollLast();
                return block != null ? block : new short[BLOCK_FRAMES];
            }
        }

        private final Pool pool;
        private short[][] blocks = new short[8][]; // a ring of block slots, a power of two; null is silence
        private int head;

        Blocks(Pool pool) {
            this.pool = pool;
        }

        /** The block holding the sample {@code ahead} samples past the first unwritten one, made if need be. */
        short[] blockAt(long ahead) {
            long index = ahead / BLOCK_FRAMES;
            if (index >= blocks.length) {
                grow(index + 1);
            }
            int slot = (int) ((head + index) & (blocks.length - 1));
            short[] block = blocks[slot];
            if (block == null) {
                block = pool.take();
                blocks[slot] = block;
            }
            return block;
        }

        /** Copies {@code count} samples to {@code ahead} samples past the first unwritten one. */
        void put(long ahead, short[] samples, int from, int count) {
            while (count > 0) {
                int offset = (int) (ahead & (BLOCK_FRAMES - 1));
                int n = Math.min(count, BLOCK_FRAMES - offset);
                System.arraycopy(samples, from, blockAt(ahead), offset, n);
                ahead += n;
                from += n;
                count -= n;
            }
        }

        /** The first unwritten block (silence when no frame landed in it). */
        short[] first() {
            short[] block = blocks[head];
            return block != null ? block : pool.silence;
        }

        /** The first block has been written: cleared, it goes back to the pool. */
        void dropFirst() {
            short[] block = blocks[head];
            if (block != null) {
                Arrays.fill(block, (short) 0);
                pool.free.addLast(block);
                blocks[head] = null;
            }
            head = (head + 1) & (blocks.length - 1);
        }

        private void grow(long needed) {
            if (needed > 1 << 20) {
                throw new IllegalStateException("a frame lands " + needed + " blocks ahead of the written audio");
            }
            int length = blocks.length;
            while (length < needed) {
                length <<= 1;
            }
            short[][] bigger = new short[length][];
            for (int i = 0; i < blocks.length; i++) {
                bigger[i] = blocks[(head + i) & (blocks.length - 1)];
            }
            blocks = bigger;
            head = 0;
        }
    }
}
