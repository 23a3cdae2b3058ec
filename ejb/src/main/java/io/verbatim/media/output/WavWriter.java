package io.verbatim.media.output;

import io.verbatim.media.codec.g711.G711;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes RIFF/WAVE: 16-bit PCM, or 8-bit A-law (G.711, half the size). The data streams straight through; the
 * sizes in the header are known only at the end, so the header is written with none first and again by
 * {@link #finish}. Optional INFO metadata (title, date, comment) goes into a LIST chunk before the data.
 */
public final class WavWriter implements AudioWriter {

    /** More than any header, INFO chunk included, takes. */
    private static final int HEADER_ALLOWANCE = 65536;
    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_ALAW = 6;

    private final HeadedFile file;
    private final int sampleRate;
    private final int channels;
    private final boolean alaw;
    private final long maxDataBytes;
    private long dataBytes;
    // direct, so the channel need not copy it; stereo PCM is interleaved into an int[] first and copied in bulk,
    // which is faster than storing frame by frame into the buffer
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0).order(ByteOrder.LITTLE_ENDIAN);
    private int[] interleaved = new int[0];

    /** The most frames a RIFF/WAVE file (32-bit sizes) surely holds with {@code channels} 16-bit channels. */
    public static long maxFrames(int channels) {
        return (0xffffffffL - HEADER_ALLOWANCE) / (channels * 2L);
    }

    public WavWriter(SeekableByteChannel out, int sampleRate, int channels) throws IOException {
        this(out, sampleRate, channels, false, Map.of());
    }

    /**
     * Starts the file at the channel's position.
     *
     * @param info INFO chunk entries by four-letter id (INAM, ICRD, ICMT, ISFT …), in the map's order
     */
    public WavWriter(SeekableByteChannel out, int sampleRate, int channels, boolean alaw, Map<String, String> info)
            throws IOException {
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channels must be 1 or 2");
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.alaw = alaw;
        this.file = new HeadedFile(out, header(0, info));
        this.maxDataBytes = 0xffffffffL - (file.headBytes() - 8) - 1; // RIFF's size excludes its first 8 bytes; one pad byte
    }

    private ByteBuffer header(long frames, Map<String, String> info) {
        int bytesPerSample = alaw ? 1 : 2;
        long data = frames * channels * bytesPerSample;
        byte[] list = infoChunk(info);
        int fmtBytes = alaw ? 18 : 16;
        int factBytes = alaw ? 12 : 0;
        ByteBuffer h = ByteBuffer.allocate(12 + 8 + fmtBytes + factBytes + list.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        long riffBytes = h.capacity() - 8 + data + (data & 1);
        h.put(ascii("RIFF")).putInt((int) riffBytes).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(fmtBytes)
                .putShort((short) (alaw ? WAVE_FORMAT_ALAW : WAVE_FORMAT_PCM)).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample)).putShort((short) (8 * bytesPerSample));
        if (alaw) {
            h.putShort((short) 0); // no extra format bytes
            h.put(ascii("fact")).putInt(4).putInt((int) frames);
        }
        h.put(list);
        h.put(ascii("data")).putInt((int) data);
        return h.flip();
    }

    /** Stereo: left and right interleaved; mono writers take the left channel. */
    @Override
    public void write(short[] left, short[] right, int frames) throws IOException {
        int bytes = frames * channels * (alaw ? 1 : 2);
        if (dataBytes + bytes > maxDataBytes) {
            throw new IOException("audio too long for a WAV file: more than " + (maxDataBytes / channels / (alaw ? 1 : 2)) + " frames");
        }
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer b = buffer.clear();
        if (!alaw && channels == 2) { // the common case: a frame is one little-endian int
            if (interleaved.length < frames) {
                interleaved = new int[frames];
            }
            int[] f = interleaved;
            for (int i = 0; i < frames; i++) {
                f[i] = (left[i] & 0xffff) | right[i] << 16;
            }
            b.asIntBuffer().put(f, 0, frames);
        } else {
            int p = 0;
            for (int i = 0; i < frames; i++) {
                p = put(b, left[i], p);
                if (channels == 2) {
                    p = put(b, right[i], p);
                }
            }
        }
        file.write(b.limit(bytes));
        dataBytes += bytes;
    }

    private int put(ByteBuffer b, short sample, int p) {
        if (alaw) {
            b.put(p++, G711.compressALaw(sample));
        } else {
            b.putShort(p, sample);
            p += 2;
        }
        return p;
    }

    /** Pads the data to a whole word (chunks are word-aligned) and writes the header again with the sizes. */
    @Override
    public void finish(Map<String, String> info) throws IOException {
        if ((dataBytes & 1) == 1) {
            file.write(ByteBuffer.allocate(1));
        }
        file.rewriteHead(header(dataBytes / channels / (alaw ? 1 : 2), info), "INFO");
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
