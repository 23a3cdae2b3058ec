package io.verbatim.media.codec.opus;

import io.verbatim.media.dsp.WindowedSinc;
import java.util.Arrays;
import java.util.Random;

/**
 * Comfort noise for the pauses of an Opus sender's discontinuous transmission (DTX). Such a sender stops sending
 * once only background noise is heard, and sends a frame of it about every 20 frames (400 ms of 20 ms frames).
 * libopus fills the pauses with noise like the background: its SILK concealment turns into comfort noise.
 * Concentus, the port of libopus used here, fades to silence instead. So this class learns the background from the
 * decoded frames that SILK's voice activity flag marks as background since the last speech: their level and
 * spectrum, smoothed as libopus smooths its own. It then makes noise of that level and spectrum.
 *
 * <p>The spectrum is a tenth-order linear predictor, solved from the smoothed autocorrelation (Levinson-Durbin).
 * The level is that predictor's error power. The noise is white noise of that power through the predictor's
 * synthesis filter. The generator's seed is fixed, so a capture converts the same each time.
 */
final class OpusComfortNoise {

    static final int ORDER = 10;
    /** Each background frame moves the estimate a quarter of the way, per 20 ms (libopus' CNG smooths alike). */
    private static final double SMOOTHING_PER_20_MS = 0.25;
    /**
     * SILK frames of background that libopus' encoder sends before DTX leaves the next one out: its SILK encoder
     * counts frames, not time (NB_SPEECH_FRAMES_BEFORE_DTX, 10), so this is 90 ms of 10 ms frames, 180 ms of 20 ms.
     */
    static final int FRAMES_BEFORE_DTX = 9;

    private final int sampleRate;
    private final double[] autocorrelation = new double[ORDER + 1]; // per sample, smoothed
    private final double[] frame = new double[ORDER + 1]; // the frame being learnt from, per sample
    private int heard; // SILK frames of background since the last speech, up to FRAMES_BEFORE_DTX
    private final double[] predictor = new double[ORDER + 1];
    private double gain;
    private boolean solved;
    private final double[] memory = new double[ORDER]; // past outputs of the synthesis filter, newest first
    private final Random random = new Random(7587);

    OpusComfortNoise(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /**
     * Whether a pause now is the sender's DTX, to be filled: as many frames of background have been heard since
     * the last speech as libopus' encoder sends before it leaves one out. Shorter runs are the gaps between
     * syllables, which a sender that stops there (hold, mute) did not mean as background.
     */
    boolean ready() {
        return heard >= FRAMES_BEFORE_DTX;
    }

    /**
     * Hears a packet and its {@code n} decoded samples at {@code at}. Its SILK frames of background at its end are
     * learnt from. Speech before them, or in place of them, makes the estimate start afresh: the frames between
     * syllables still carry speech.
     */
    void hear(byte[] payload, int offset, int length, short[] decoded, int at, int n) {
        int frames = backgroundFrames(payload, offset, length);
        int background = Math.min(n, frames * silkFrameSamples(payload[offset]));
        if (frames == 0 || background < n) { // no background, or speech before it
            heard = 0;
        }
        if (background > ORDER) {
            learn(decoded, at + n - background, background);
            heard = Math.min(FRAMES_BEFORE_DTX, heard + frames); // counted as far as it matters
        }
    }

    /**
     * Moves the estimate towards these samples. As libopus' CNG does, a frame more than 3 dB quieter than the
     * estimate replaces it instead: the first frames after speech may still carry its tail.
     */
    private void learn(short[] samples, int at, int n) {
        for (int lag = 0; lag <= ORDER; lag++) {
            double sum = 0;
            for (int i = at + lag; i < at + n; i++) {
                sum += (double) samples[i] * samples[i - lag];
            }
            frame[lag] = sum / (n - lag);
        }
        boolean afresh = heard == 0 || 2 * frame[0] < autocorrelation[0];
        double weight = afresh ? 1 : Math.min(1, SMOOTHING_PER_20_MS * n / (sampleRate / 50.0));
        for (int lag = 0; lag <= ORDER; lag++) {
            autocorrelation[lag] += weight * (frame[lag] - autocorrelation[lag]);
        }
        solved = false;
    }

    private int silkFrameSamples(byte toc) {
        return sampleRate / 1000 * silkFrameMs(toc);
    }

    /**
     * The length of the SILK frames in a packet (RFC 6716 section 3.1): 10 ms in the configurations of 10 ms
     * frames (SILK 0, 4, 8; hybrid 12, 14); otherwise 20 ms, as frames of 40 and 60 ms are two and three of 20.
     */
    static int silkFrameMs(byte toc) {
        int config = (toc & 0xff) >> 3;
        boolean tenMs = config < 12 ? (config & 3) == 0 : (config & 1) == 0;
        return tenMs ? 10 : 20;
    }

    /** Writes {@code n} samples of comfort noise into {@code out} from {@code at}. */
    void generate(short[] out, int at, int n) {
        if (!solved) {
            solve();
        }
        double amplitude = gain * Math.sqrt(3); // uniform noise in [-1, 1) has variance 1/3
        for (int i = 0; i < n; i++) {
            double y = amplitude * (2 * random.nextDouble() - 1);
            for (int k = 1; k <= ORDER; k++) {
                y -= predictor[k] * memory[k - 1];
            }
            System.arraycopy(memory, 0, memory, 1, ORDER - 1);
            memory[0] = y;
            out[at + i] = WindowedSinc.toShort(y);
        }
    }

    /** Levinson-Durbin on the smoothed autocorrelation: predictor coefficients and error power. */
    private void solve() {
        double[] r = autocorrelation.clone();
        r[0] *= 1.0001; // a white-noise floor of -40 dB keeps the recursion stable on pure tones
        double error = r[0];
        Arrays.fill(predictor, 0);
        predictor[0] = 1;
        double[] previous = new double[ORDER + 1];
        for (int m = 1; m <= ORDER && error > 0; m++) {
            double sum = r[m];
            for (int k = 1; k < m; k++) {
                sum += predictor[k] * r[m - k];
            }
            double reflection = -sum / error;
            System.arraycopy(predictor, 0, previous, 0, m);
            for (int k = 1; k < m; k++) {
                predictor[k] = previous[k] + reflection * previous[m - k];
            }
            predictor[m] = reflection;
            error *= 1 - reflection * reflection;
        }
        gain = Math.sqrt(Math.max(error, 0));
        solved = true;
    }

    /**
     * How many SILK frames at the end of an Opus packet are background: their voice activity flags say no voice
     * was active. RFC 6716 section 4.2.3 starts a SILK frame with one voice activity flag per 20 ms of it, each
     * coded at even odds. At the start of a range-coded frame such flags are the frame's leading bits. Only the
     * packet's first frame is read: a packet of several frames counts as background only if that frame is, all of
     * it. CELT-only packets have no flag and are never background here.
     */
    static int backgroundFrames(byte[] payload, int offset, int length) {
        if (length < 2) {
            return 0;
        }
        int toc = payload[offset] & 0xff;
        int config = toc >> 3;
        if (config >= 16) {
            return 0; // CELT only
        }
        int first = firstFrame(payload, offset, length, toc & 3);
        if (first < 0 || first >= offset + length) {
            return 0;
        }
        // SILK frames of 40 and 60 ms (configurations 2, 3, 6, 7, 10, 11) are two and three of 20 ms
        int duration = config < 12 ? config & 3 : 1;
        int flags = duration == 2 ? 2 : duration == 3 ? 3 : 1;
        int leading = (payload[first] & 0xff) >> (8 - flags);
        int quiet = Integer.numberOfTrailingZeros(leading | 1 << flags); // flags end, last frame last
        if ((toc & 3) == 0) {
            return quiet;
        }
        int opusFrames = (toc & 3) == 3 ? payload[offset + 1] & 0x3f : 2;
        return quiet == flags ? flags * opusFrames : 0;
    }

    /** Where the first frame's data starts (RFC 6716 section 3.2), or -1 for a malformed packet. */
    private static int firstFrame(byte[] payload, int offset, int length, int code) {
        int end = offset + length;
        int at = offset + 1;
        if (code == 0 || code == 1) {
            return at;
        }
        if (code == 2) {
            return frameLengthEnd(payload, at, end);
        }
        // code 3: frame count byte with VBR and padding flags, padding length, then (VBR) the frame lengths
        if (at >= end) {
            return -1;
        }
        int countByte = payload[at++] & 0xff;
        int frames = countByte & 0x3f;
        boolean vbr = (countByte & 0x80) != 0;
        if ((countByte & 0x40) != 0) {
            int more;
            do {
                if (at >= end) {
                    return -1;
                }
                more = payload[at++] & 0xff;
            } while (more == 255);
        }
        if (vbr) {
            for (int i = 0; i < frames - 1 && at >= 0; i++) {
                at = frameLengthEnd(payload, at, end);
            }
        }
        return at;
    }

    /** Past a frame length of one or two bytes (RFC 6716 section 3.2.1), or -1 when the packet ends first. */
    private static int frameLengthEnd(byte[] payload, int at, int end) {
        if (at >= end) {
            return -1;
        }
        return (payload[at] & 0xff) < 252 ? at + 1 : at + 2;
    }
}
