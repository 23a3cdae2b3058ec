package io.verbatim.media;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Renders the two sides of a call as aligned channels, block by block, so the output never has to be
 * whole in memory. Where no packet covers a sample (loss, silence suppression, one-way audio) it is silent.
 */
public final class Mixer {

    static final int BLOCK_FRAMES = 8192;

    private final List<RtpStream.PlacedFrame> left;
    private final List<RtpStream.PlacedFrame> right;
    private final long frames;

    /** @param left frames of the left channel, sorted by position; likewise {@code right} */
    public Mixer(List<RtpStream.PlacedFrame> left, List<RtpStream.PlacedFrame> right) {
        this.left = left;
        this.right = right;
        this.frames = Math.max(end(left), end(right));
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
        short[] scratch = new short[BLOCK_FRAMES];
        int[] cursors = {0, 0};
        for (long start = 0; start < frames; start += BLOCK_FRAMES) {
            int n = (int) Math.min(BLOCK_FRAMES, frames - start);
            cursors[0] = fill(left, cursors[0], start, n, l, scratch);
            cursors[1] = fill(right, cursors[1], start, n, r, scratch);
            sink.write(l, r, n);
        }
    }

    /** Fills {@code out[0..n)} with the block at {@code start}; returns the first frame still needed later. */
    private static int fill(List<RtpStream.PlacedFrame> placed, int cursor, long start, int n, short[] out, short[] scratch) {
        Arrays.fill(out, 0, n, (short) 0);
        long blockEnd = start + n;
        int next = cursor;
        boolean doneSoFar = true; // every frame from the cursor up to here ends within this block
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
            byte[] payload = f.payload();
            int samples = f.codec().samplesIn(payload.length);
            short[] decoded = scratch.length >= samples ? scratch : new short[samples];
            int count = f.codec().decode(payload, 0, payload.length, decoded, 0);
            long from = Math.max(start, f.position());
            long to = Math.min(blockEnd, f.position() + count);
            for (long s = from; s < to; s++) {
                out[(int) (s - start)] = decoded[(int) (s - f.position())];
            }
        }
        return next;
    }
}
