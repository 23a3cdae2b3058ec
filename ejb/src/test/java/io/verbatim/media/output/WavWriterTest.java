package io.verbatim.media.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.media.codec.g711.G711;
import io.verbatim.media.fixture.MemoryChannel;
import io.verbatim.media.fixture.WavFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WavWriterTest {

    @Test
    void writesACanonicalStereoPcm16HeaderOnceTheLengthIsKnown() throws Exception {
        MemoryChannel out = new MemoryChannel();
        WavWriter wav = new WavWriter(out, 8000, 2);
        assertThat(ByteBuffer.wrap(out.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt(40)).as("no data yet").isZero();
        wav.write(new short[]{1, -2, 32767}, new short[]{-32768, 5, 0}, 3);
        wav.finish(Map.of());
        byte[] bytes = out.bytes();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(bytes).hasSize(44 + 12);
        assertThat(out.position()).as("left at the end").isEqualTo(44 + 12);
        assertThat(new String(bytes, 0, 4)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).as("RIFF size").isEqualTo(36 + 12);
        assertThat(new String(bytes, 8, 8)).isEqualTo("WAVEfmt ");
        assertThat(b.getInt(16)).as("fmt size").isEqualTo(16);
        assertThat(b.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(b.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(b.getInt(24)).as("rate").isEqualTo(8000);
        assertThat(b.getInt(28)).as("byte rate").isEqualTo(32000);
        assertThat(b.getShort(32)).as("block align").isEqualTo((short) 4);
        assertThat(b.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(new String(bytes, 36, 4)).isEqualTo("data");
        assertThat(b.getInt(40)).as("data size").isEqualTo(12);
        // interleaved left/right, little-endian
        assertThat(new short[]{b.getShort(44), b.getShort(46), b.getShort(48), b.getShort(50), b.getShort(52), b.getShort(54)})
                .containsExactly(1, -32768, -2, 5, 32767, 0);
    }

    @Test
    void monoTakesTheLeftChannelAndReadsBack() throws Exception {
        MemoryChannel out = new MemoryChannel();
        WavWriter wav = new WavWriter(out, 16000, 1);
        wav.write(new short[]{100, -100}, new short[]{7, 7}, 2);
        wav.write(new short[]{5}, new short[]{7}, 1);
        wav.finish(Map.of());
        WavFile read = WavFile.parse(out.bytes());
        assertThat(read.channels()).isEqualTo(1);
        assertThat(read.sampleRate()).isEqualTo(16000);
        assertThat(read.channel(0)).containsExactly(100, -100, 5);
    }

    @Test
    void anOddALawDataChunkIsPaddedAndTheFinalInfoReplacesTheProvisionalOne() throws Exception {
        MemoryChannel out = new MemoryChannel();
        out.write(ByteBuffer.wrap("prefix".getBytes(StandardCharsets.US_ASCII))); // the file starts where the channel stands
        WavWriter wav = new WavWriter(out, 8000, 1, true, Map.of("ICMT", "end ????"));
        wav.write(new short[]{0, 1000, -1000}, new short[3], 3);
        wav.finish(Map.of("ICMT", "end 0.3s"));
        byte[] bytes = out.bytes();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("prefixRIFF").contains("fact").contains("end 0.3s\0").doesNotContain("????");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int riff = 6;
        assertThat(b.getInt(riff + 4)).as("RIFF size").isEqualTo(bytes.length - riff - 8);
        assertThat((bytes.length - riff) % 2).as("word-aligned").isZero();
        int fact = text.indexOf("fact");
        assertThat(b.getInt(fact + 8)).as("frames").isEqualTo(3);
        int data = text.indexOf("data");
        assertThat(b.getInt(data + 4)).as("data size, the pad byte not counted").isEqualTo(3);
        assertThat(new byte[]{bytes[data + 8], bytes[data + 9], bytes[data + 10]})
                .containsExactly(G711.compressALaw((short) 0), G711.compressALaw((short) 1000), G711.compressALaw((short) -1000));
    }

    @Test
    void refusesWhatAWavFileCannotHold() throws Exception {
        assertThatThrownBy(() -> new WavWriter(new MemoryChannel(), 8000, 3)).hasMessageContaining("channels");
        WavWriter wav = new WavWriter(new MemoryChannel(), 8000, 2, false, Map.of("ICMT", "short"));
        assertThatThrownBy(() -> wav.finish(Map.of("ICMT", "longer"))).hasMessageContaining("differ in length");
        assertThat(WavWriter.maxFrames(2)).as("frames that surely fit 32-bit sizes").isLessThan((1L << 32) / 4);
    }
}
