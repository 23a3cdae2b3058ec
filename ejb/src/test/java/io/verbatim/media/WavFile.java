package io.verbatim.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A 16-bit PCM WAV read whole, for comparing decodes in tests. */
public record WavFile(int sampleRate, int channels, short[][] samples) {

    public static WavFile parse(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int rate = 0;
        int channels = 0;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x20746d66) { // "fmt "
                if (b.getShort(pos + 8) != 1 || b.getShort(pos + 22) != 16) {
                    throw new IllegalArgumentException("not 16-bit PCM");
                }
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
            } else if (id == 0x61746164) { // "data"
                int frames = Math.min(size, bytes.length - pos - 8) / (2 * channels);
                short[][] s = new short[channels][frames];
                for (int i = 0; i < frames; i++) {
                    for (int c = 0; c < channels; c++) {
                        s[c][i] = b.getShort(pos + 8 + 2 * (i * channels + c));
                    }
                }
                return new WavFile(rate, channels, s);
            }
            pos += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("no data chunk");
    }

    public short[] channel(int c) {
        return samples[c];
    }

    /** Signal-to-noise ratio of {@code actual} against {@code reference}, in dB (infinite when identical). */
    public static double snr(short[] reference, short[] actual) {
        if (reference.length != actual.length) {
            throw new IllegalArgumentException("lengths differ: " + reference.length + " vs " + actual.length);
        }
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.length; i++) {
            signal += (double) reference[i] * reference[i];
            double d = reference[i] - actual[i];
            noise += d * d;
        }
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
    }

    /** Pearson correlation of two equally long signals: 1 when one is a scaled copy of the other. */
    public static double correlation(short[] a, short[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - ma;
            double y = b[i] - mb;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? (aa == bb ? 1 : 0) : ab / Math.sqrt(aa * bb);
    }

    /**
     * Where {@code needle} best matches inside {@code haystack} (least squared error), or -1 when it is longer.
     * Used to align a reference decode, which has no gaps, with a channel that has silence before it.
     */
    public static int bestOffset(short[] haystack, short[] needle, int probe) {
        int n = Math.min(probe, needle.length);
        int best = -1;
        double bestError = Double.MAX_VALUE;
        for (int off = 0; off + n <= haystack.length; off++) {
            double e = 0;
            for (int i = 0; i < n && e < bestError; i++) {
                double d = haystack[off + i] - needle[i];
                e += d * d;
            }
            if (e < bestError) {
                bestError = e;
                best = off;
            }
        }
        return best;
    }
}
