package io.verbatim.media.codec.opus;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusPacketInfo;
import io.verbatim.media.codec.Codec;
import io.verbatim.media.dsp.Decimator;
import java.util.Arrays;

/**
 * Opus (RFC 6716/7587; a dynamic payload type, 48 kHz RTP clock, any audio bandwidth) through Concentus, a
 * pure-Java port of libopus, delivered at the chosen rate (16 kHz unless asked for more). A stream of SILK-only
 * packets no wider than that rate (most VoIP Opus) is decoded at it directly. Any other stream is decoded at
 * 48 kHz and brought down by our own low-pass decimator: asked for a lower rate, Concentus 1.0.2 loses the lower
 * band of hybrid packets (silence at 8 and 16 kHz). Its CELT de-emphasis, when it downsamples, overwrites the SILK
 * layer's output that it should add to; at 48 kHz it adds.
 */
public final class Opus implements Codec {

    public static final int CLOCK_RATE = 48000;
    public static final int DEFAULT_SAMPLE_RATE = 16000;

    private final int sampleRate;
    private final int decodingRate;
    private OpusDecoder decoder;
    private Decimator decimator;
    private short[] full = new short[0];
    private final OpusComfortNoise comfortNoise; // ready: a pause now is the sender's DTX

    /** A decoder for a stream of any Opus packets: decoded at 48 kHz, then decimated to {@code sampleRate}. */
    public Opus(int sampleRate) {
        this(sampleRate, CLOCK_RATE);
    }

    private Opus(int sampleRate, int decodingRate) {
        if (sampleRate != 8000 && sampleRate != 12000 && sampleRate != 16000 && sampleRate != 24000 && sampleRate != 48000) {
            throw new IllegalArgumentException("Opus decodes to 8, 12, 16, 24 or 48 kHz, not " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.decodingRate = decodingRate;
        this.comfortNoise = new OpusComfortNoise(sampleRate);
    }

    /**
     * A decoder for a stream whose packets were surveyed: decoding at {@code sampleRate} directly when all of them
     * are SILK-only ({@code silkOnly}) and none is wider than that rate carries ({@code widestSilkRate}), which
     * skips Concentus' upsampling to 48 kHz and our decimation back down (three quarters of the work).
     */
    public static Opus forPackets(int sampleRate, boolean silkOnly, int widestSilkRate) {
        return new Opus(sampleRate, silkOnly && widestSilkRate > 0 && widestSilkRate <= sampleRate ? sampleRate : CLOCK_RATE);
    }

    /** Whether this decoder skips the 48 kHz round trip (see {@link #forPackets}). */
    public boolean decodesAtOutputRate() {
        return decodingRate == sampleRate;
    }

    /**
     * The audio rate of a SILK-only packet by its TOC byte (RFC 6716 section 3.1: configurations 0-3 narrowband,
     * 4-7 medium-band, 8-11 wideband), or 0 for hybrid and CELT packets.
     */
    public static int silkRate(byte toc) {
        int config = (toc & 0xff) >> 3;
        return config < 4 ? 8000 : config < 8 ? 12000 : config < 12 ? 16000 : 0;
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
        if (length == 1 && comfortNoise.ready()) {
            // a bare TOC byte is a frame the sender's DTX left empty (RFC 6716 section 3.2.1): a pause sent
            comfortNoise.generate(out, outOffset, samples);
            return samples;
        }
        int written = run(payload, offset, length, samples, false, out, outOffset);
        comfortNoise.hear(payload, offset, length, out, outOffset, written);
        return written;
    }

    /**
     * A pause the sender made after background noise, no packet missing, is discontinuous transmission (RFC 7587:
     * the sender leaves out packets while nobody speaks): filled with noise like the background, as libopus fills
     * it. A pause after speech (the sender stopped: hold, mute) stays silent.
     */
    @Override
    public int pause(int samples, short[] out, int outOffset) {
        if (!comfortNoise.ready()) {
            return 0;
        }
        comfortNoise.generate(out, outOffset, samples);
        return samples;
    }

    /**
     * libopus' concealment: extrapolation (PLC) over the gap, and for its last frame the lower-rate copy that a
     * sender using in-band FEC puts into the next packet. Longer gaps stay silent: extrapolation fades out anyway.
     */
    @Override
    public int conceal(int samples, byte[] next, short[] out, int outOffset) {
        if (decoder == null || samples > MAX_CONCEALED_MS * sampleRate / 1000) {
            return 0;
        }
        int step = sampleRate / 400; // libopus conceals whole 2.5 ms steps
        int concealed = samples / step * step;
        if (concealed == 0) {
            return 0;
        }
        int lead = samples - concealed; // a part step stays silent before, so that the FEC frame meets next
        Arrays.fill(out, outOffset, outOffset + lead, (short) 0);
        return lead + run(next, 0, next.length, concealed, true, out, outOffset + lead);
    }

    /**
     * Decodes one packet (with {@code fec}, conceals the gap before it) into {@code samples} samples at the output
     * rate: directly, or at 48 kHz and decimated.
     */
    private int run(byte[] payload, int offset, int length, int samples, boolean fec, short[] out, int outOffset) {
        boolean direct = decodesAtOutputRate();
        int decoded = samples * (decodingRate / sampleRate);
        if (!direct && full.length < decoded) {
            full = new short[decoded];
        }
        short[] pcm = direct ? out : full;
        int at = direct ? outOffset : 0;
        try {
            if (decoder == null) {
                decoder = new OpusDecoder(decodingRate, 1);
                decimator = direct ? null : new Decimator(decodingRate / sampleRate);
            }
            decoder.decode(payload, offset, length, pcm, at, decoded, fec);
        } catch (OpusException | RuntimeException corrupt) {
            // Concentus throws checked and unchecked exceptions alike for corrupt packets: the frame is lost,
            // its time stays, silent
            Arrays.fill(pcm, at, at + decoded, (short) 0);
        }
        return direct ? samples : decimator.process(pcm, decoded, out, outOffset);
    }

    @Override
    public Codec newDecoder() {
        return new Opus(sampleRate, decodingRate);
    }

    /** Whether a payload parses as an Opus packet (RFC 6716 section 3: TOC byte, frame count and lengths). */
    public static boolean isWellFormed(byte[] payload, int offset, int length) {
        try {
            // on a copy of just the packet: Concentus' parser boxes every byte of the array it is given, and a
            // datagram is a view into the capture reader's large buffer
            OpusPacketInfo.parseOpusPacket(Arrays.copyOfRange(payload, offset, offset + length), 0, length);
            return true;
        } catch (OpusException | RuntimeException notOpus) {
            return false;
        }
    }
}
