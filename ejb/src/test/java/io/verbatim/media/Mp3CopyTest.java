package io.verbatim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp3CopyTest {

    @TempDir
    Path dir;

    @Test
    void aStereoPcmWavBecomesATaggedMp3OfItsLength() throws Exception {
        byte[] mp3 = copy(wav(new AudioFormat(8000, 16, 2, true, false), 10));
        assertThat(new String(mp3, 0, 3, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
        // 10 s at 64 kbit/s: 80 kB, give or take the tag and the encoder's padding
        assertThat(mp3.length).isBetween(70_000, 95_000);
    }

    @Test
    void anALawMonoWavIsReadToo() throws Exception {
        byte[] mp3 = copy(wav(new AudioFormat(AudioFormat.Encoding.ALAW, 8000, 8, 1, 1, 8000, false), 10));
        assertThat(mp3.length).as("10 s at 32 kbit/s").isBetween(35_000, 50_000);
    }

    @Test
    void whatIsNoWavIsRefusedSayingSo() {
        assertThatThrownBy(() -> copy("not audio at all".getBytes())).isInstanceOf(IOException.class).hasMessageStartingWith("not a WAV file");
    }

    private byte[] copy(byte[] wav) throws IOException {
        Path out = Files.createFile(dir.resolve("copy-" + System.nanoTime() + ".mp3"));
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE)) {
            Mp3Copy.write(new ByteArrayInputStream(wav), channel, Map.of("INAM", "Inbound call", "ISFT", "Verbatim"));
        }
        return Files.readAllBytes(out);
    }

    /** A tone of {@code seconds} in the format, as the JDK writes a WAV file. */
    private static byte[] wav(AudioFormat format, int seconds) throws IOException {
        AudioFormat pcm = new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false);
        int frames = (int) format.getSampleRate() * seconds;
        byte[] samples = new byte[frames * pcm.getFrameSize()];
        for (int i = 0; i < frames; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / format.getSampleRate()));
            for (int c = 0; c < format.getChannels(); c++) {
                int at = (i * format.getChannels() + c) * 2;
                samples[at] = (byte) s;
                samples[at + 1] = (byte) (s >> 8);
            }
        }
        AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(samples), pcm, frames);
        if (!format.matches(pcm)) {
            stream = AudioSystem.getAudioInputStream(format, stream);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
