package io.verbatim.media;

import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.IOException;
import java.io.OutputStream;
import javax.sound.sampled.AudioFormat;

/** Writes MP3 through jump3r (a pure-Java port of LAME): constant bit rate, mono or joint stereo. */
final class Mp3Writer implements AudioWriter {

    private final OutputStream out;
    private final int channels;
    private final LameEncoder encoder;
    private final byte[] pcm;
    private final byte[] mp3;
    private int filled;

    Mp3Writer(OutputStream out, int sampleRate, int channels, int bitrateKbps) {
        this.out = out;
        this.channels = channels;
        this.encoder = new LameEncoder(new AudioFormat(sampleRate, 16, channels, true, false), bitrateKbps,
                channels == 1 ? LameEncoder.CHANNEL_MODE_MONO : LameEncoder.CHANNEL_MODE_JOINT_STEREO,
                LameEncoder.QUALITY_MIDDLE, false);
        this.pcm = new byte[encoder.getPCMBufferSize()];
        this.mp3 = new byte[encoder.getMP3BufferSize()];
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
        out.write(mp3, 0, n);
        filled = 0;
    }

    @Override
    public void finish() throws IOException {
        if (filled > 0) {
            encode();
        }
        int n = encoder.encodeFinish(mp3);
        out.write(mp3, 0, n);
        encoder.close();
        out.flush();
    }
}
