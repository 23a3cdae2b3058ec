package io.verbatim.media;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes 16-bit PCM RIFF/WAVE. The length is known before the first sample (the mixer computes it), so the
 * header is written once and the data streams straight through.
 */
public final class WavWriter implements PcmSink {

    private static final int HEADER_BYTES = 44;

    private final OutputStream out;
    private final int channels;
    private byte[] buffer = new byte[0];

    /** The most frames a RIFF/WAVE file (32-bit sizes) holds with {@code channels} 16-bit channels. */
    public static long maxFrames(int channels) {
        return (0xffffffffL - HEADER_BYTES + 8) / (channels * 2L);
    }

    public WavWriter(OutputStream out, int sampleRate, int channels, long frames) throws IOException {
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channels must be 1 or 2");
        }
        long dataBytes = frames * channels * 2L;
        if (dataBytes + HEADER_BYTES - 8 > 0xffffffffL) {
            throw new IllegalArgumentException("audio too long for a WAV file: " + frames + " frames");
        }
        this.out = out;
        this.channels = channels;
        byte[] h = new byte[HEADER_BYTES];
        ascii(h, 0, "RIFF");
        le32(h, 4, dataBytes + HEADER_BYTES - 8);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        le32(h, 16, 16);
        le16(h, 20, 1); // PCM
        le16(h, 22, channels);
        le32(h, 24, sampleRate);
        le32(h, 28, (long) sampleRate * channels * 2);
        le16(h, 32, channels * 2);
        le16(h, 34, 16);
        ascii(h, 36, "data");
        le32(h, 40, dataBytes);
        out.write(h);
    }

    /** Stereo: left and right interleaved; mono writers take the left channel. */
    @Override
    public void write(short[] left, short[] right, int frames) throws IOException {
        int bytes = frames * channels * 2;
        if (buffer.length < bytes) {
            buffer = new byte[bytes];
        }
        int p = 0;
        for (int i = 0; i < frames; i++) {
            short l = left[i];
            buffer[p++] = (byte) l;
            buffer[p++] = (byte) (l >> 8);
            if (channels == 2) {
                short r = right[i];
                buffer[p++] = (byte) r;
                buffer[p++] = (byte) (r >> 8);
            }
        }
        out.write(buffer, 0, bytes);
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void le32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * i));
        }
    }
}
