package io.verbatim.media.codec.g711;

import io.verbatim.media.codec.Codec;

/**
 * ITU-T G.711 A-law and µ-law expansion to 16-bit linear PCM, by 256-entry tables built once
 * from the standard's segment/quantisation definition.
 */
public final class G711 implements Codec {

    public static final G711 A_LAW = new G711("G.711 A-law", buildALaw());
    public static final G711 MU_LAW = new G711("G.711 µ-law", buildMuLaw());

    private static final byte[] A_LAW_COMPRESSION = buildALawCompression();

    private final String name;
    private final short[] table;

    private G711(String name, short[] table) {
        this.name = name;
        this.table = table;
    }

    /** Linear value of one code, as the expansion tables give it. */
    public short expand(int code) {
        return table[code & 0xff];
    }

    /** The A-law code of a 16-bit linear sample (G.711 compression; for compact A-law WAV output). */
    public static byte compressALaw(short sample) {
        return A_LAW_COMPRESSION[sample & 0xffff];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public int samplesIn(byte[] payload, int offset, int length) {
        return length;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        short[] t = table;
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = t[payload[offset + i] & 0xff];
        }
        return length;
    }

    private static short[] buildALaw() {
        short[] t = new short[256];
        for (int code = 0; code < 256; code++) {
            int v = code ^ 0x55; // A-law inverts the even bits on the wire
            int mantissa = (v & 0x0f) << 4;
            int segment = (v & 0x70) >> 4;
            int magnitude = switch (segment) {
                case 0 -> mantissa + 8;
                case 1 -> mantissa + 0x108;
                default -> (mantissa + 0x108) << (segment - 1);
            };
            t[code] = (short) ((v & 0x80) != 0 ? magnitude : -magnitude);
        }
        return t;
    }

    /** A-law compression by segment: the 13-bit magnitude's segment and its four bits below the leading one. */
    private static byte[] buildALawCompression() {
        int[] segmentEnds = {0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff};
        byte[] t = new byte[65536];
        for (int i = 0; i < 65536; i++) {
            int value = ((short) i) >> 3;
            int mask;
            if (value >= 0) {
                mask = 0xd5;
            } else {
                mask = 0x55;
                value = -value - 1;
            }
            int segment = 0;
            while (segment < 8 && value > segmentEnds[segment]) {
                segment++;
            }
            int code;
            if (segment >= 8) {
                code = 0x7f;
            } else {
                code = segment << 4 | (segment < 2 ? (value >> 1) & 0x0f : (value >> segment) & 0x0f);
            }
            t[i] = (byte) (code ^ mask);
        }
        return t;
    }

    private static short[] buildMuLaw() {
        final int bias = 0x84;
        short[] t = new short[256];
        for (int code = 0; code < 256; code++) {
            int v = ~code & 0xff; // µ-law codes are sent inverted
            int magnitude = (((v & 0x0f) << 3) + bias) << ((v & 0x70) >> 4);
            t[code] = (short) ((v & 0x80) != 0 ? bias - magnitude : magnitude - bias);
        }
        return t;
    }
}
