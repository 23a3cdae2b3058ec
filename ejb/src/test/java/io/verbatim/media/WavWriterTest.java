package io.verbatim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WavWriterTest {

    @Test
    void writesACanonicalStereoPcm16Header() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavWriter wav = new WavWriter(out, 8000, 2, 3);
        wav.write(new short[]{1, -2, 32767}, new short[]{-32768, 5, 0}, 3);
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(out.size()).isEqualTo(44 + 12);
        assertThat(new String(out.toByteArray(), 0, 4)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).as("RIFF size").isEqualTo(36 + 12);
        assertThat(new String(out.toByteArray(), 8, 8)).isEqualTo("WAVEfmt ");
        assertThat(b.getInt(16)).as("fmt size").isEqualTo(16);
        assertThat(b.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(b.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(b.getInt(24)).as("rate").isEqualTo(8000);
        assertThat(b.getInt(28)).as("byte rate").isEqualTo(32000);
        assertThat(b.getShort(32)).as("block align").isEqualTo((short) 4);
        assertThat(b.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(new String(out.toByteArray(), 36, 4)).isEqualTo("data");
        assertThat(b.getInt(40)).as("data size").isEqualTo(12);
        // interleaved left/right, little-endian
        assertThat(new short[]{b.getShort(44), b.getShort(46), b.getShort(48), b.getShort(50), b.getShort(52), b.getShort(54)})
                .containsExactly(1, -32768, -2, 5, 32767, 0);
    }

    @Test
    void monoTakesTheLeftChannelAndReadsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WavWriter(out, 16000, 1, 2).write(new short[]{100, -100}, new short[]{7, 7}, 2);
        WavFile read = WavFile.parse(out.toByteArray());
        assertThat(read.channels()).isEqualTo(1);
        assertThat(read.sampleRate()).isEqualTo(16000);
        assertThat(read.channel(0)).containsExactly(100, -100);
    }

    @Test
    void refusesWhatAWavFileCannotHold() {
        assertThatThrownBy(() -> new WavWriter(new ByteArrayOutputStream(), 8000, 3, 1)).hasMessageContaining("channels");
        assertThatThrownBy(() -> new WavWriter(new ByteArrayOutputStream(), 8000, 2, 1L << 31)).hasMessageContaining("too long");
    }
}
