package io.verbatim.media.output;

import com.mpatric.mp3agic.ID3v24Tag;
import com.mpatric.mp3agic.NotSupportedException;
import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Map;
import javax.sound.sampled.AudioFormat;

/**
 * Writes MP3 through jump3r (a pure-Java port of LAME): constant bit rate, mono or joint stereo, behind an ID3v2.4
 * tag (mp3agic) carrying what a WAV file's INFO chunk carries: title (the call), artist (the local party), album (the
 * PBX), date, comment (direction, parties, call id, times), software. The tag
 * is written again when the call's end is known.
 */
public final class Mp3Writer implements AudioWriter {

    private final HeadedFile file;
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);
    private final int channels;
    private final LameEncoder encoder;
    private final byte[] pcm;
    private final byte[] mp3;
    private int filled;

    /** @param info entries by RIFF INFO id (INAM, IART, IPRD, ICRD, ICMT, ISFT), as for {@link WavWriter} */
    public Mp3Writer(SeekableByteChannel out, int sampleRate, int channels, int bitrateKbps, Map<String, String> info) throws IOException {
        this.file = new HeadedFile(out, ByteBuffer.wrap(id3(info)));
        this.channels = channels;
        this.encoder = new LameEncoder(new AudioFormat(sampleRate, 16, channels, true, false), bitrateKbps,
                channels == 1 ? LameEncoder.CHANNEL_MODE_MONO : LameEncoder.CHANNEL_MODE_JOINT_STEREO,
                LameEncoder.QUALITY_MIDDLE, false);
        this.pcm = new byte[encoder.getPCMBufferSize()];
        this.mp3 = new byte[encoder.getMP3BufferSize()];
    }

    private static byte[] id3(Map<String, String> info) throws IOException {
        ID3v24Tag tag = new ID3v24Tag();
        if (info.containsKey("INAM")) {
            tag.setTitle(info.get("INAM"));
        }
        if (info.containsKey("IART")) {
            tag.setArtist(info.get("IART"));
        }
        if (info.containsKey("IPRD")) {
            tag.setAlbum(info.get("IPRD"));
        }
        if (info.containsKey("ICRD")) {
            tag.setDate(info.get("ICRD"));
        }
        if (info.containsKey("ICMT")) {
            tag.setComment(info.get("ICMT"));
        }
        if (info.containsKey("ISFT")) {
            tag.setEncoder(info.get("ISFT"));
        }
        try {
            return tag.toBytes();
        } catch (NotSupportedException e) {
            throw new IOException("cannot write the ID3 tag: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(short[] left, short[] right, int frames) throws IOException {
        for (int i = 0; i < frames; i++) {
            put(left[i]);
            if (channels == 2) {
                put(right[i]);
            }
        }
    }

    private void put(short sample) throws IOException {
        pcm[filled++] = (byte) sample;
        pcm[filled++] = (byte) (sample >> 8);
        if (filled == pcm.length) {
            encode();
        }
    }

    private void encode() throws IOException {
        int n = encoder.encodeBuffer(pcm, 0, filled, mp3);
        append(n);
        filled = 0;
    }

    /** Gathers encoded bytes into writes of a useful size. */
    private void append(int n) throws IOException {
        if (pending.remaining() < n) {
            file.write(pending.flip());
            pending.clear();
        }
        if (n > pending.remaining()) {
            file.write(ByteBuffer.wrap(mp3, 0, n));
        } else {
            pending.put(mp3, 0, n);
        }
    }

    @Override
    public void finish(Map<String, String> info) throws IOException {
        if (filled > 0) {
            encode();
        }
        append(encoder.encodeFinish(mp3));
        encoder.close();
        file.write(pending.flip());
        file.rewriteHead(ByteBuffer.wrap(id3(info)), "ID3");
    }
}
