package io.verbatim.media;

/**
 * ITU-T G.711 A-law and µ-law expansion to 16-bit linear PCM, by 256-entry tables built once
 * from the standard's segment/quantisation definition.
 */
public final class G711 implements Codec {

    public static final G711 A_LAW = new G711("G.711 A-law", buildALaw());
    public static final G711 MU_LAW = new G711("G.711 µ-law", buildMuLaw());

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
