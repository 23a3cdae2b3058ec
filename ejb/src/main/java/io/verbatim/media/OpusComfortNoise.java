package io.verbatim.media;

import java.util.Arrays;
import java.util.Random;

/**
 * Comfort noise for the pauses of an Opus sender's discontinuous transmission (DTX). Such a sender stops sending
 * once only background noise is heard, and sends a frame of it every 400 ms. libopus fills the pauses with noise
 * like the background: its SILK concealment turns into comfort noise. Concentus, the port of libopus used here,
 * fades to silence instead. So this class learns the background from the decoded frames that SILK's voice
 * activity flag marks as background since the last speech: their level and spectrum, smoothed as libopus smooths
 * its own. It then makes noise of that level and spectrum.
 *
 * <p>The spectrum is a tenth-order linear predictor, solved from the smoothed autocorrelation (Levinson-Durbin).
 * The level is that predictor's error power. The noise is white noise of that power through the predictor's
 * synthesis filter. The generator's seed is fixed, so a capture converts the same each time.
 */
final class OpusComfortNoise {

    static final int ORDER = 10;
    /** Each background frame moves the estimate a quarter of the way, per 20 ms (libopus' CNG smooths alike). */
    private static final double SMOOTHING_PER_20_MS = 0.25;

    private final int sampleRate;
    private final double[] autocorrelation = new double[ORDER + 1]; // per sample, smoothed
    private int heard; // samples of background since the last speech
    private final double[] predictor = new double[ORDER + 1];
    private double gain;
    private boolean solved;
    private final double[] memory = new double[ORDER]; // past outputs of the synthesis filter, newest first
    private final Random random = new Random(7587);

    OpusComfortNoise(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /**
     * Whether a pause now is the sender's DTX, to be filled: 180 ms of background have been heard since the last
     * speech. libopus' encoder sends nine 20 ms frames of background before it leaves the tenth out. Shorter runs
     * are the gaps between syllables, which a sender that stops there (hold, mute) did not mean as background.
     */
    boolean ready() {
        return heard >= sampleRate * 180 / 1000;
    }

    /** Speech: the next background starts the estimate afresh, since frames between syllables still carry speech. */
    void forget() {
        heard = 0;
    }

    /** Learns from {@code n} decoded samples of background, from {@code at}. */
    void learn(short[] samples, int at, int n) {
        if (n <= ORDER) {
            return;
        }
        double weight = heard > 0 ? Math.min(1, SMOOTHING_PER_20_MS * n / (sampleRate / 50.0)) : 1;
        for (int lag = 0; lag <= ORDER; lag++) {
            double sum = 0;
            for (int i = at + lag; i < at + n; i++) {
                sum += (double) samples[i] * samples[i - lag];
            }
            autocorrelation[lag] += weight * (sum / (n - lag) - autocorrelation[lag]);
        }
        heard = (int) Math.min(Integer.MAX_VALUE, (long) heard + n);
        solved = false;
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
            out[at + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.rint(y)));
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
     * Whether an Opus packet's first SILK frame says no voice was active: it is background. RFC 6716 section
     * 4.2.3 starts a SILK frame with one voice activity flag per 20 ms of it, each coded at even odds. At the
     * start of a range-coded frame such flags are the frame's leading bits. CELT-only packets have no flag and
     * are never background here.
     */
    static boolean isBackground(byte[] payload, int offset, int length) {
        if (length < 2) {
            return false;
        }
        int toc = payload[offset] & 0xff;
        int config = toc >> 3;
        if (config >= 16) {
            return false; // CELT only
        }
        int first = firstFrame(payload, offset, length, toc & 3);
        if (first < 0 || first >= offset + length) {
            return false;
        }
        // SILK frames of 40 and 60 ms (configurations 2, 3, 6, 7, 10, 11) are two and three of 20 ms
        int duration = config < 12 ? config & 3 : 1;
        int flags = duration == 2 ? 2 : duration == 3 ? 3 : 1;
        int leading = (payload[first] & 0xff) >> (8 - flags);
        return leading == 0;
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
