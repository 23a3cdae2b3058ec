package io.verbatim.media.codec.g711;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    /**
     * G.711 Table 1a (A-law): segment 0 decodes to 2q+1, segment s>0 to (2q+33)·2^(s-1), in 13-bit units
     * (×8 for 16-bit), with the even bits inverted on the wire and the sign bit set for positive values.
     */
    @Test
    void aLawMatchesTheStandardForEveryCode() {
        for (int code = 0; code < 256; code++) {
            int v = code ^ 0x55;
            int segment = (v >> 4) & 7;
            int q = v & 15;
            int magnitude13 = segment == 0 ? 2 * q + 1 : (2 * q + 33) << (segment - 1);
            int expected = ((v & 0x80) != 0 ? 1 : -1) * magnitude13 * 8;
            assertThat(G711.A_LAW.expand(code)).as("A-law code 0x%02x", code).isEqualTo((short) expected);
        }
    }

    /** G.711 Table 2a (µ-law): (2q+33)·2^s − 33 in 14-bit units (×4 for 16-bit), all bits inverted on the wire. */
    @Test
    void muLawMatchesTheStandardForEveryCode() {
        for (int code = 0; code < 256; code++) {
            int v = ~code & 0xff;
            int segment = (v >> 4) & 7;
            int q = v & 15;
            int magnitude14 = ((2 * q + 33) << segment) - 33;
            int expected = ((v & 0x80) != 0 ? -1 : 1) * magnitude14 * 4;
            assertThat(G711.MU_LAW.expand(code)).as("µ-law code 0x%02x", code).isEqualTo((short) expected);
        }
    }

    @Test
    void wellKnownCodes() {
        assertThat(G711.A_LAW.expand(0xd5)).isEqualTo((short) 8);
        assertThat(G711.A_LAW.expand(0x55)).isEqualTo((short) -8);
        assertThat(G711.A_LAW.expand(0xaa)).isEqualTo((short) 32256);
        assertThat(G711.A_LAW.expand(0x2a)).isEqualTo((short) -32256);
        assertThat(G711.MU_LAW.expand(0xff)).isEqualTo((short) 0);
        assertThat(G711.MU_LAW.expand(0x80)).isEqualTo((short) 32124);
        assertThat(G711.MU_LAW.expand(0x00)).isEqualTo((short) -32124);
    }

    @Test
    void aLawCompressionInvertsTheExpansion() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.compressALaw(G711.A_LAW.expand(code)) & 0xff).as("code 0x%02x", code).isEqualTo(code);
        }
        assertThat(G711.compressALaw((short) 32767) & 0xff).isEqualTo(0xaa);
        assertThat(G711.compressALaw((short) -32768) & 0xff).isEqualTo(0x2a);
        assertThat(G711.compressALaw((short) 0) & 0xff).isEqualTo(0xd5);
    }

    @Test
    void decodesAPayloadIntoAnOffset() {
        byte[] payload = {(byte) 0xd5, (byte) 0x55, (byte) 0xaa};
        short[] out = new short[5];
        int n = G711.A_LAW.decode(payload, 1, 2, out, 3);
        assertThat(n).isEqualTo(2);
        assertThat(out).containsExactly(0, 0, 0, -8, 32256);
    }
}
