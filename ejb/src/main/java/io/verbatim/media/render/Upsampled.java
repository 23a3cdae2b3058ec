package io.verbatim.media.render;

import io.verbatim.media.codec.Codec;
import io.verbatim.media.dsp.Interpolator;

/**
 * A codec's audio at a whole multiple of its own rate, so that both parties of a call share one rate when
 * their codecs differ (G.711 at 8 kHz beside G.722 or Opus at 16 kHz).
 */
final class Upsampled implements Codec {

    private final Codec codec;
    private final int factor;
    private final Interpolator interpolator;
    private short[] buffer = new short[0];

    Upsampled(Codec codec, int factor) {
        this.codec = codec;
        this.factor = factor;
        this.interpolator = new Interpolator(factor);
    }

    @Override
    public String name() {
        return codec.name();
    }

    @Override
    public int clockRate() {
        return codec.clockRate();
    }

    @Override
    public int sampleRate() {
        return codec.sampleRate() * factor;
    }

    @Override
    public int samplesIn(byte[] payload, int offset, int length) {
        return codec.samplesIn(payload, offset, length) * factor;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        int samples = codec.samplesIn(payload, offset, length);
        if (buffer.length < samples) {
            buffer = new short[samples];
        }
        int decoded = codec.decode(payload, offset, length, buffer, 0);
        return interpolator.process(buffer, decoded, out, outOffset);
    }

    @Override
    public int conceal(int samples, byte[] next, short[] out, int outOffset) {
        return interpolated(codec.conceal(ownBuffer(samples), next, buffer, 0), out, outOffset);
    }

    @Override
    public int pause(int samples, short[] out, int outOffset) {
        return interpolated(codec.pause(ownBuffer(samples), buffer, 0), out, outOffset);
    }

    /** The codec's own samples for {@code samples} at this rate, with the buffer made large enough for them. */
    private int ownBuffer(int samples) {
        int own = samples / factor;
        if (buffer.length < own) {
            buffer = new short[own];
        }
        return own;
    }

    private int interpolated(int filled, short[] out, int outOffset) {
        return filled == 0 ? 0 : interpolator.process(buffer, filled, out, outOffset);
    }

    @Override
    public Codec newDecoder() {
        return new Upsampled(codec.newDecoder(), factor);
    }
}
