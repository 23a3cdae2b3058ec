package io.verbatim.media;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes RIFF/WAVE: 16-bit PCM, or 8-bit A-law (G.711, half the size). The length is known before the first
 * sample (the mixer computes it), so the header is written once and the data streams straight through.
 * Optional INFO metadata (title, date, comment) goes into a LIST chunk before the data.
 */
public final class WavWriter implements AudioWriter {

    private static final int HEADER_BYTES = 44;
    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_ALAW = 6;

    private static final VarHandle FRAME = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private final int channels;
    private final boolean alaw;
    private final boolean padding; // an odd number of data bytes needs one more to keep chunks word-aligned
    private byte[] buffer = new byte[0];

    /** The most frames a RIFF/WAVE file (32-bit sizes) holds with {@code channels} 16-bit channels. */
    public static long maxFrames(int channels) {
        return (0xffffffffL - HEADER_BYTES + 8) / (channels * 2L);
    }

    public WavWriter(OutputStream out, int sampleRate, int channels, long frames) throws IOException {
        this(out, sampleRate, channels, frames, false, Map.of());
    }

    /** @param info INFO chunk entries by four-letter id (INAM, ICRD, ICMT, ISFT …), in the map's order */
    public WavWriter(OutputStream out, int sampleRate, int channels, long frames, boolean alaw, Map<String, String> info)
            throws IOException {
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channels must be 1 or 2");
        }
        int bytesPerSample = alaw ? 1 : 2;
        long dataBytes = frames * channels * bytesPerSample;
        byte[] list = infoChunk(info);
        int fmtBytes = alaw ? 18 : 16;
        int factBytes = alaw ? 12 : 0;
        long riffBytes = 4 + (8 + fmtBytes) + factBytes + list.length + 8 + dataBytes + (dataBytes & 1);
        if (riffBytes > 0xffffffffL) {
            throw new IllegalArgumentException("audio too long for a WAV file: " + frames + " frames");
        }
        this.out = out;
        this.channels = channels;
        this.alaw = alaw;
        ByteBuffer h = ByteBuffer.allocate(12 + 8 + fmtBytes + factBytes).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt((int) riffBytes).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(fmtBytes)
                .putShort((short) (alaw ? WAVE_FORMAT_ALAW : WAVE_FORMAT_PCM)).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample)).putShort((short) (8 * bytesPerSample));
        if (alaw) {
            h.putShort((short) 0); // no extra format bytes
            h.put(ascii("fact")).putInt(4).putInt((int) frames);
        }
        out.write(h.array());
        out.write(list);
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        out.write(data.put(ascii("data")).putInt((int) dataBytes).array());
        this.padding = (dataBytes & 1) == 1;
    }

    /** Stereo: left and right interleaved; mono writers take the left channel. */
    @Override
    public void write(short[] left, short[] right, int frames) throws IOException {
        int bytes = frames * channels * (alaw ? 1 : 2);
        if (buffer.length < bytes) {
            buffer = new byte[bytes];
        }
        byte[] b = buffer;
        if (!alaw && channels == 2) { // the common case: one little-endian 32-bit store per frame
            for (int i = 0, p = 0; i < frames; i++, p += 4) {
                FRAME.set(b, p, (left[i] & 0xffff) | right[i] << 16);
            }
        } else {
            int p = 0;
            for (int i = 0; i < frames; i++) {
                p = put(left[i], p);
                if (channels == 2) {
                    p = put(right[i], p);
                }
            }
        }
        out.write(b, 0, bytes);
    }

    private int put(short sample, int p) {
        if (alaw) {
            buffer[p++] = G711.compressALaw(sample);
        } else {
            buffer[p++] = (byte) sample;
            buffer[p++] = (byte) (sample >> 8);
        }
        return p;
    }

    @Override
    public void finish() throws IOException {
        if (padding) {
            out.write(0); // chunks are word-aligned
        }
        out.flush();
    }

    private static byte[] infoChunk(Map<String, String> info) {
        if (info.isEmpty()) {
            return new byte[0];
        }
        java.io.ByteArrayOutputStream entries = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : info.entrySet()) {
            if (e.getKey().length() != 4) {
                throw new IllegalArgumentException("INFO ids have four letters: " + e.getKey());
            }
            byte[] text = (e.getValue() + "\0").getBytes(StandardCharsets.UTF_8);
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(ascii(e.getKey())).putInt(text.length);
            entries.writeBytes(head.array());
            entries.writeBytes(text);
            if ((text.length & 1) == 1) {
                entries.write(0);
            }
        }
        byte[] body = entries.toByteArray();
        ByteBuffer list = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        return list.put(ascii("LIST")).putInt(4 + body.length).put(ascii("INFO")).put(body).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
