package io.verbatim.media;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusPacketInfo;
import java.util.Arrays;

/**
 * Opus (RFC 6716/7587; a dynamic payload type, 48 kHz RTP clock, any audio bandwidth) through Concentus, a
 * pure-Java port of libopus. Decoded to mono at 48 kHz and brought down to the chosen rate (16 kHz unless asked
 * for more) by our own low-pass decimator: Concentus returns silence for hybrid-mode packets when asked for
 * 8 or 16 kHz directly.
 */
public final class Opus implements Codec {

    public static final int CLOCK_RATE = 48000;
    public static final int DEFAULT_SAMPLE_RATE = 16000;

    private final int sampleRate;
    private OpusDecoder decoder;
    private Decimator decimator;

    public Opus(int sampleRate) {
        if (sampleRate != 8000 && sampleRate != 12000 && sampleRate != 16000 && sampleRate != 24000 && sampleRate != 48000) {
            throw new IllegalArgumentException("Opus decodes to 8, 12, 16, 24 or 48 kHz, not " + sampleRate);
        }
        this.sampleRate = sampleRate;
    }

    @Override
    public String name() {
        return "Opus";
    }

    @Override
    public int clockRate() {
        return CLOCK_RATE;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int samplesIn(byte[] payload, int offset, int length) {
        // a negative count is libopus' "invalid packet"; packet durations are multiples of 2.5 ms, so whole
        // numbers of samples at every supported rate
        return Math.max(OpusPacketInfo.getNumSamples(payload, offset, length, sampleRate), 0);
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        int samples = samplesIn(payload, offset, length);
        if (samples == 0) {
            return 0; // not an Opus packet at all: it has no place on the timeline
        }
        int full = samples * (CLOCK_RATE / sampleRate);
        short[] pcm = new short[full];
        try {
            if (decoder == null) {
                decoder = new OpusDecoder(CLOCK_RATE, 1);
                decimator = new Decimator(CLOCK_RATE / sampleRate);
            }
            decoder.decode(payload, offset, length, pcm, 0, full, false);
        } catch (OpusException | RuntimeException corrupt) {
            // Concentus throws checked and unchecked exceptions alike for corrupt packets: the frame is lost,
            // its time stays, silent
            Arrays.fill(pcm, (short) 0);
        }
        if (decimator.factor() == 1) {
            System.arraycopy(pcm, 0, out, outOffset, samples);
            return samples;
        }
        return decimator.process(pcm, full, out, outOffset);
    }

    @Override
    public Codec newDecoder() {
        return new Opus(sampleRate);
    }

    /**
     * Whether a stream with a dynamic payload type, and no SDP saying what it is, carries Opus: nearly every
     * payload is a well-formed Opus packet and the RTP timestamps advance at 48 kHz against capture time
     * (which also tells it from telephone events, whose timestamps stand still during an event).
     */
    static boolean recognise(RtpStream stream) {
        RtpStream.DynamicPayload packets = stream.dynamicPayload(stream.dominantPayloadType());
        if (packets == null || packets.packets < 3 || packets.wellFormedOpus < 0.9 * packets.packets) {
            return false;
        }
        double ticksPerSecond = packets.ticksPerSecond();
        return ticksPerSecond > CLOCK_RATE * 0.8 && ticksPerSecond < CLOCK_RATE * 1.2;
    }

    /** Whether a payload parses as an Opus packet (RFC 6716 section 3: TOC byte, frame count and lengths). */
    static boolean isWellFormed(byte[] payload, int offset, int length) {
        try {
            OpusPacketInfo.parseOpusPacket(payload, offset, length);
            return true;
        } catch (OpusException | RuntimeException notOpus) {
            return false;
        }
    }
}
