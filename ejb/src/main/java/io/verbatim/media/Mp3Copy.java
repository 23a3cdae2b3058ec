package io.verbatim.media;

import io.verbatim.media.output.Mp3Writer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * An MP3 of audio converted to WAV (16-bit PCM or A-law, as {@link OutputFormat} writes it), for where size counts
 * more than fidelity: a mail's attachment. The JDK reads the WAV; the encoder is the one conversion writes MP3 with.
 */
public final class Mp3Copy {

    /** Speech at 8 kHz keeps its words at this rate per channel; a five-minute call is about 2.3 MB in stereo. */
    public static final int KBPS_PER_CHANNEL = 32;

    private Mp3Copy() {
    }

    /**
     * Writes the MP3 of {@code wav} to {@code out}.
     *
     * @param info the tags (RIFF INFO ids, as {@link AudioTags} gives them)
     * @throws IOException when {@code wav} is not a WAV file the server wrote, or reading or writing fails
     */
    public static void write(InputStream wav, SeekableByteChannel out, Map<String, String> info) throws IOException {
        AudioInputStream read;
        try {
            read = AudioSystem.getAudioInputStream(new BufferedInputStream(wav, 1 << 16));
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("not a WAV file: " + e.getMessage(), e);
        }
        AudioFormat source = read.getFormat();
        int channels = source.getChannels();
        AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(), 16, channels, channels * 2,
                source.getSampleRate(), false);
        try (AudioInputStream samples = AudioSystem.getAudioInputStream(pcm, read)) {
            Mp3Writer mp3 = new Mp3Writer(out, Math.round(source.getSampleRate()), channels, KBPS_PER_CHANNEL * channels, info);
            int frames = 4096;
            byte[] bytes = new byte[frames * channels * 2];
            short[] left = new short[frames];
            short[] right = new short[frames];
            int n;
            while ((n = samples.readNBytes(bytes, 0, bytes.length)) > 0) {
                int got = n / (channels * 2);
                for (int i = 0; i < got; i++) {
                    int at = i * channels * 2;
                    left[i] = (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8));
                    right[i] = channels == 2 ? (short) ((bytes[at + 2] & 0xff) | (bytes[at + 3] << 8)) : left[i];
                }
                mp3.write(left, right, got);
            }
            mp3.finish(info);
        }
    }
}
