package io.verbatim.media.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mpatric.mp3agic.ID3v24Tag;
import io.verbatim.media.fixture.Corpus;
import io.verbatim.media.fixture.WavFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pcap2WavTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Pcap2Wav.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void convertsACaptureBesideItOrWhereTold() throws Exception {
        Path root = Corpus.root();
        assumeTrue(root != null, "no shared corpus beside this checkout");
        Path capture = Files.copy(root.resolve("captures/pcap2wav/one.pcap"), dir.resolve("call.pcap"));
        assertThat(run(capture.toString())).isZero();
        WavFile wav = WavFile.parse(Files.readAllBytes(dir.resolve("call.wav")));
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(out.toString()).contains("G.711 A-law", "8.1 s at 8000 Hz", "call.wav");

        Path opus = root.resolve("captures/testsuite/tests/codecs/opus/fec/16_bit_48khz_60_fec_rtp.pcapng");
        assertThat(run("--opus-rate", "48000", opus.toString(), dir.resolve("opus.wav").toString())).isZero();
        assertThat(WavFile.parse(Files.readAllBytes(dir.resolve("opus.wav"))).sampleRate()).isEqualTo(48000);

        assertThat(run("--format", "mp3-64-mono", capture.toString())).isZero();
        byte[] mp3 = Files.readAllBytes(dir.resolve("call.mp3"));
        ID3v24Tag tag = new ID3v24Tag(mp3);
        assertThat(tag.getTitle()).as("the capture's name in the ID3 tag").isEqualTo("call.pcap");
        assertThat(mp3[tag.getLength()] & 0xff).as("MPEG frame sync after the tag").isEqualTo(0xff);
    }

    @Test
    void saysWhyACaptureCannotBeConvertedAndLeavesNoFile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.pcap"), "not a capture");
        assertThat(run(text.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("not a readable pcap/pcapng capture");
        assertThat(dir.resolve("notes.wav")).doesNotExist();
        assertThat(dir.resolve("notes.wav.part")).doesNotExist();
    }

    @Test
    void badUsageShowsTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--opus-rate", "44100", "x.pcap")).isEqualTo(2);
        assertThat(run("--verbose", "x.pcap")).isEqualTo(2);
        assertThat(run("--format", "flac", "x.pcap")).isEqualTo(2);
        assertThat(err.toString()).contains("usage: pcap2wav", "not 44100");
    }
}
