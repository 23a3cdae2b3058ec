package io.verbatim.media.render;

import java.util.Arrays;

/**
 * The loudest sample of each channel per stretch of the call, measured as the call is rendered: what a player draws
 * as the call's waveform, a few hundred bytes however long the call, so the browser never needs the audio to draw it.
 * A stretch starts short; whenever the call outgrows {@code maxStretches}, neighbours merge and stretches double.
 */
public final class PeakMeter implements PcmSink {

    private final int maxStretches;
    private final int[][] peaks; // [channel][stretch], |sample| up to 32768
    private long stretchFrames;
    private int complete; // stretches measured to their end
    private long filled;  // frames of the stretch being measured

    /**
     * @param firstStretchFrames frames in a stretch while the call is short
     * @param maxStretches       the most stretches kept (even: they merge in pairs)
     */
    public PeakMeter(long firstStretchFrames, int maxStretches) {
        if (firstStretchFrames < 1 || maxStretches < 2 || maxStretches % 2 != 0) {
            throw new IllegalArgumentException("stretch " + firstStretchFrames + ", at most " + maxStretches);
        }
        this.stretchFrames = firstStretchFrames;
        this.maxStretches = maxStretches;
        this.peaks = new int[2][maxStretches];
    }

    @Override
    public void write(short[] left, short[] right, int frames) {
        int i = 0;
        while (i < frames) {
            if (filled == stretchFrames) {
                complete++;
                filled = 0;
                if (complete == maxStretches) {
                    mergePairs();
                }
            }
            int n = (int) Math.min(frames - i, stretchFrames - filled);
            peaks[0][complete] = Math.max(peaks[0][complete], peak(left, i, n));
            peaks[1][complete] = Math.max(peaks[1][complete], peak(right, i, n));
            filled += n;
            i += n;
        }
    }

    private static int peak(short[] samples, int from, int count) {
        int peak = 0;
        for (int i = from; i < from + count; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    private void mergePairs() {
        for (int[] channel : peaks) {
            for (int i = 0; i < maxStretches / 2; i++) {
                channel[i] = Math.max(channel[2 * i], channel[2 * i + 1]);
            }
            Arrays.fill(channel, maxStretches / 2, maxStretches, 0);
        }
        complete = maxStretches / 2;
        stretchFrames *= 2;
    }

    /** Frames each stretch covers now (the last may be shorter: the call ended in it). */
    public long stretchFrames() {
        return stretchFrames;
    }

    /** The left channel's peaks, one per stretch, 0 (silence) to 255 (full scale). */
    public byte[] left() {
        return scaled(peaks[0]);
    }

    /** The right channel's peaks, as {@link #left()}. */
    public byte[] right() {
        return scaled(peaks[1]);
    }

    private byte[] scaled(int[] channel) {
        int count = complete + (filled > 0 ? 1 : 0);
        byte[] scaled = new byte[count];
        for (int i = 0; i < count; i++) {
            scaled[i] = (byte) Math.min(255, (channel[i] * 255 + 16384) / 32768); // rounded; 32768 (-32768's size) is 255
        }
        return scaled;
    }
}
