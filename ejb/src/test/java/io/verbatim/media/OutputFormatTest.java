package io.verbatim.media;

import static io.verbatim.media.fixture.TestCaptures.constant;
import static io.verbatim.media.fixture.TestCaptures.rtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mpatric.mp3agic.ID3v24Tag;
import io.verbatim.media.codec.g711.G711;
import io.verbatim.media.fixture.MemoryChannel;
import io.verbatim.media.fixture.TestCaptures;
import io.verbatim.media.fixture.WavFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output formats a recording can be kept in: layouts, compact A-law WAV, MP3, and the WAV INFO chunk. */
class OutputFormatTest {

    static final int LOCAL_CODE = 0xd5 ^ 0x30;
    static final int REMOTE_CODE = 0xd5 ^ 0x40;
    static final short LOCAL = G711.A_LAW.expand(LOCAL_CODE);
    static final short REMOTE = G711.A_LAW.expand(REMOTE_CODE);

    @TempDir
    Path dir;
    Path call;

    /** One second of an innovaphone call: constant, different levels for the two parties. */
    @BeforeEach
    void oneSecondCall() throws Exception {
        TestCaptures.PcapBuilder pcap = new TestCaptures.PcapBuilder();
        long t0 = 1_700_000_000_000_000L;
        for (int i = 0; i < 50; i++) {
            pcap.udp(t0 + i * 20_000L, "10.0.0.5", 16386, "10.0.0.9", 16388, rtp(8, false, i, i * 160L, 1, constant(LOCAL_CODE, 160)));
            pcap.udp(t0 + i * 20_000L + 40, "10.0.0.9", 16388, "10.0.0.5", 16386, rtp(8, false, i, i * 160L, 2, constant(REMOTE_CODE, 160)));
        }
        call = pcap.write(dir.resolve("call.pcap"));
    }

    private static final AudioTags TAGS = new AudioTags("Outbound call from Jürgen (201) to Acme GmbH (+4989123456)", "Jürgen (201)",
            "pbx.example.com", "outbound; remote: Acme GmbH (+4989123456); local: Jürgen (201); call id 0123456789abcdef");

    byte[] convert(String format) throws Exception {
        MemoryChannel out = new MemoryChannel();
        new CaptureConverter().convert(call, out, OutputFormat.parse(format), TAGS);
        return out.bytes();
    }

    @Test
    void formatsReadAndPrintTheSame() {
        for (String text : new String[]{"wav", "wav-mono", "wav-remote", "wav-local", "wav-alaw", "wav-alaw-mono", "mp3-32", "mp3-64-mono"}) {
            assertThat(OutputFormat.parse(text)).hasToString(text);
        }
        assertThat(OutputFormat.parse("mp3")).hasToString("mp3-32");
        assertThat(OutputFormat.parse("mp3").mediaType()).isEqualTo("audio/mpeg");
        assertThat(OutputFormat.parse("wav-alaw").extension()).isEqualTo("wav");
        assertThatThrownBy(() -> OutputFormat.parse("ogg")).hasMessageContaining("must start with wav");
        assertThatThrownBy(() -> OutputFormat.parse("wav-quad")).hasMessageContaining("unknown channel layout");
        assertThatThrownBy(() -> OutputFormat.parse("mp3-999")).hasMessageContaining("between 8 and 320");
    }

    @Test
    void theChoicesOfferedAreEachFormatInEachLayoutReadableAndDescribedApart() {
        List<OutputFormat> choices = OutputFormat.choices();
        assertThat(choices).hasSize(20).contains(OutputFormat.STEREO_WAV, OutputFormat.parse("mp3-64-mono"), OutputFormat.parse("wav-alaw-local"));
        assertThat(choices).allSatisfy(f -> assertThat(OutputFormat.parse(f.toString())).isEqualTo(f));
        assertThat(choices.stream().map(OutputFormat::describe).distinct()).hasSize(choices.size());
        assertThat(OutputFormat.parse("mp3-64-mono").describe()).isEqualTo("MP3 64 kbit/s, mono (both parties mixed)");
        assertThat(OutputFormat.STEREO_WAV.describe()).isEqualTo("WAV (16-bit), stereo (remote left, local right)");
    }

    @Test
    void layoutsPutThePartiesWhereAsked() throws Exception {
        WavFile mono = WavFile.parse(convert("wav-mono"));
        assertThat(mono.channels()).isEqualTo(1);
        assertThat(mono.channel(0)[4000]).isEqualTo((short) ((LOCAL + REMOTE) >> 1));
        assertThat(WavFile.parse(convert("wav-remote")).channel(0)[4000]).isEqualTo(REMOTE);
        WavFile local = WavFile.parse(convert("wav-local"));
        assertThat(local.channels()).isEqualTo(1);
        assertThat(local.channel(0)[4000]).isEqualTo(LOCAL);
    }

    @Test
    void compactALawWavHoldsTheSameAudioInHalfTheBytes() throws Exception {
        byte[] pcm = convert("wav");
        byte[] alaw = convert("wav-alaw");
        ByteBuffer b = ByteBuffer.wrap(alaw).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(20)).as("WAVE_FORMAT_ALAW").isEqualTo((short) 6);
        assertThat(b.getShort(34)).as("bits").isEqualTo((short) 8);
        int data = indexOf(alaw, "data");
        assertThat(b.getInt(data + 4)).isEqualTo(8000 * 2);
        // G.711 A-law in, A-law out: the very codes the device sent
        assertThat(alaw[data + 8]).isEqualTo((byte) REMOTE_CODE);
        assertThat(alaw[data + 9]).isEqualTo((byte) LOCAL_CODE);
        assertThat(alaw.length).isLessThan(pcm.length * 6 / 10);
    }

    @Test
    void wavFilesSayWhichCallWithWhomAndWhen() throws Exception {
        String text = new String(convert("wav"), StandardCharsets.UTF_8);
        assertThat(text).contains("LIST", "INFO", "INAM", "Outbound call from Jürgen (201) to Acme GmbH (+4989123456)",
                "IART", "Jürgen (201)", "IPRD", "pbx.example.com", "ICRD", "2023-11-14T22:13:20Z",
                "outbound; remote: Acme GmbH (+4989123456); local: Jürgen (201); call id 0123456789abcdef; start 2023-11-14T22:13:20.000Z;"
                        + " end 2023-11-14T22:13:21.000Z; left: remote party, right: local party", "ISFT", "Verbatim");
        assertThat(WavFile.parse(convert("wav")).channel(1)[100]).as("still readable past the INFO chunk").isEqualTo(LOCAL);
    }

    @Test
    void mp3HoldsTheCallAtTheRequestedBitRateBehindAnId3TagSayingWhichCallWithWhomAndWhen() throws Exception {
        byte[] mp3 = convert("mp3-32");
        ID3v24Tag tag = new ID3v24Tag(mp3);
        assertThat(tag.getTitle()).isEqualTo("Outbound call from Jürgen (201) to Acme GmbH (+4989123456)");
        assertThat(tag.getArtist()).isEqualTo("Jürgen (201)");
        assertThat(tag.getAlbum()).isEqualTo("pbx.example.com");
        assertThat(tag.getDate()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(tag.getComment()).isEqualTo("outbound; remote: Acme GmbH (+4989123456); local: Jürgen (201); call id 0123456789abcdef;"
                + " start 2023-11-14T22:13:20.000Z; end 2023-11-14T22:13:21.000Z; left: remote party, right: local party");
        assertThat(tag.getEncoder()).isEqualTo("Verbatim");
        double seconds = 0;
        int frames = 0;
        int at = tag.getLength();
        while (at + 4 <= mp3.length) {
            int header = ByteBuffer.wrap(mp3, at, 4).getInt();
            assertThat(header >>> 21).as("frame sync at byte %d", at).isEqualTo(0x7ff);
            int version = (header >> 19) & 3;       // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
            assertThat((header >> 17) & 3).as("layer III").isEqualTo(1);
            int bitrateIndex = (header >> 12) & 15;
            int rateIndex = (header >> 10) & 3;
            int padding = (header >> 9) & 1;
            int rate = new int[][]{{11025, 12000, 8000}, {}, {22050, 24000, 16000}, {44100, 48000, 32000}}[version][rateIndex];
            int kbps = (version == 3 ? new int[]{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
                    : new int[]{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160})[bitrateIndex];
            assertThat(rate).isEqualTo(8000);
            assertThat(kbps).isEqualTo(32);
            int samples = version == 3 ? 1152 : 576;
            at += samples / 8 * kbps * 1000 / rate + padding;
            seconds += (double) samples / rate;
            frames++;
        }
        assertThat(at).as("whole frames to the end").isEqualTo(mp3.length);
        assertThat(frames).isPositive();
        assertThat(seconds).as("duration, with the encoder's delay and padding").isBetween(1.0, 1.25);
    }

    private static int indexOf(byte[] bytes, String ascii) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.indexOf(ascii);
    }
}
