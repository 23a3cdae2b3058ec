package io.verbatim.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the two sides of a call as aligned channels, block by block, so the output never has to be
 * whole in memory. Where no packet covers a sample (loss, silence suppression, one-way audio) it is silent.
 * Each frame's samples are taken exactly once (its stream's {@link SequentialDecoder} decodes in sequence
 * order); a frame reaching into the next block keeps its samples until then.
 */
public final class Mixer {

    static final int BLOCK_FRAMES = 8192;

    private final List<RtpStream.PlacedFrame> left;
    private final List<RtpStream.PlacedFrame> right;
    private final long frames;

    /** @param left frames of the left channel, in any order; likewise {@code right} */
    public Mixer(List<RtpStream.PlacedFrame> left, List<RtpStream.PlacedFrame> right) {
        this.left = byPosition(left);
        this.right = byPosition(right);
        this.frames = Math.max(end(left), end(right));
    }

    private static List<RtpStream.PlacedFrame> byPosition(List<RtpStream.PlacedFrame> frames) {
        List<RtpStream.PlacedFrame> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingLong(RtpStream.PlacedFrame::position));
        return sorted;
    }

    private static long end(List<RtpStream.PlacedFrame> placed) {
        long end = 0;
        for (RtpStream.PlacedFrame f : placed) {
            end = Math.max(end, f.end());
        }
        return end;
    }

    /** Length of the rendered call in samples per channel. */
    public long frames() {
        return frames;
    }

    public void render(PcmSink sink) throws IOException {
        short[] l = new short[BLOCK_FRAMES];
        short[] r = new short[BLOCK_FRAMES];
        Channel leftChannel = new Channel(left);
        Channel rightChannel = new Channel(right);
        for (long start = 0; start < frames; start += BLOCK_FRAMES) {
            int n = (int) Math.min(BLOCK_FRAMES, frames - start);
            leftChannel.fill(start, n, l);
            rightChannel.fill(start, n, r);
            sink.write(l, r, n);
        }
    }

    /** One channel's frames and how far rendering has got through them. */
    private static final class Channel {
        private final List<RtpStream.PlacedFrame> placed;
        /** Decoded samples of frames that reach past the block being rendered, by index. */
        private final Map<Integer, short[]> reaching = new HashMap<>();
        private int cursor;

        Channel(List<RtpStream.PlacedFrame> placed) {
            this.placed = placed;
        }

        /** Fills {@code out[0..n)} with the block at {@code start}. */
        void fill(long start, int n, short[] out) {
            Arrays.fill(out, 0, n, (short) 0);
            long blockEnd = start + n;
            boolean doneSoFar = true; // every frame from the cursor up to here ends within this block
            int next = cursor;
            for (int i = cursor; i < placed.size(); i++) {
                RtpStream.PlacedFrame f = placed.get(i);
                if (f.position() >= blockEnd) {
                    break;
                }
                doneSoFar &= f.end() <= blockEnd;
                if (doneSoFar) {
                    next = i + 1;
                }
                if (f.end() <= start) {
                    continue; // finished in an earlier block (kept behind the cursor by a frame that spilled over)
                }
                short[] decoded = reaching.get(i);
                if (decoded == null) {
                    decoded = f.take();
                }
                if (f.end() > blockEnd) {
                    reaching.put(i, decoded);
                } else {
                    reaching.remove(i);
                }
                long from = Math.max(start, f.position());
                long to = Math.min(blockEnd, f.end());
                for (long s = from; s < to; s++) {
                    out[(int) (s - start)] = decoded[(int) (s - f.position())];
                }
            }
            cursor = next;
        }
    }
}
