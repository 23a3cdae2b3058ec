package io.verbatim.media.rtp;

import io.verbatim.media.codec.Codec;
import io.verbatim.media.codec.g711.G711;
import io.verbatim.media.codec.g722.G722;
import io.verbatim.media.codec.g729.G729;
import io.verbatim.media.codec.opus.Opus;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the payload types of one capture mean: RFC 3551's static ones, dynamic ones as the capture's own SDP
 * (in its SIP, real or the dummy signalling innovaphone devices add) negotiated them, and otherwise what the
 * packets themselves show.
 */
public final class PayloadMap {

    private static final Pattern RTPMAP = Pattern.compile("a=rtpmap:(\\d{1,3}) ([A-Za-z0-9._-]+)/(\\d+)");
    private static final int FIRST_DYNAMIC = 96;

    private final Map<Integer, String> negotiated = new HashMap<>();
    private final int opusSampleRate;

    public PayloadMap(int opusSampleRate) {
        this.opusSampleRate = opusSampleRate;
    }

    /** Reads {@code a=rtpmap} lines from a UDP datagram that carries a SIP message. */
    public void learnFrom(byte[] data, int offset, int length) {
        String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf('\n');
        if (lineEnd < 0 || !text.substring(0, lineEnd).contains("SIP/2.0")) {
            return;
        }
        Matcher m = RTPMAP.matcher(text);
        while (m.find()) {
            int payloadType = Integer.parseInt(m.group(1));
            if (payloadType >= FIRST_DYNAMIC && payloadType <= 127) {
                negotiated.put(payloadType, m.group(2).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The codec for a stream's audio, if this engine decodes it; each call gives a fresh decoder. */
    public Optional<Codec> codecFor(RtpStream stream) {
        int payloadType = stream.dominantPayloadType();
        if (payloadType < FIRST_DYNAMIC) {
            return PayloadTypes.codecFor(payloadType);
        }
        String name = negotiated.get(payloadType);
        if (name == null) {
            return carriesOpus(stream) ? Optional.of(opus(stream)) : Optional.empty();
        }
        return switch (name) {
            case "opus" -> Optional.of(opus(stream));
            case "pcmu" -> Optional.of(G711.MU_LAW);
            case "pcma" -> Optional.of(G711.A_LAW);
            case "g729" -> Optional.of(new G729());
            case "g722" -> Optional.of(new G722());
            default -> Optional.empty();
        };
    }

    private Opus opus(RtpStream stream) {
        RtpStream.DynamicPayload packets = stream.dynamicPayload(stream.dominantPayloadType());
        return packets == null ? new Opus(opusSampleRate)
                : Opus.forPackets(opusSampleRate, packets.opusBeyondSilk == 0, packets.widestSilkRate);
    }

    /**
     * Whether a stream with a dynamic payload type, and no SDP saying what it is, carries Opus: nearly every
     * payload is a well-formed Opus packet and the RTP timestamps advance at 48 kHz against capture time
     * (which also tells it from telephone events, whose timestamps stand still during an event).
     */
    static boolean carriesOpus(RtpStream stream) {
        RtpStream.DynamicPayload packets = stream.dynamicPayload(stream.dominantPayloadType());
        if (packets == null || packets.packets < 3 || packets.wellFormedOpus < 0.9 * packets.packets) {
            return false;
        }
        double ticksPerSecond = packets.ticksPerSecond(Opus.CLOCK_RATE);
        return ticksPerSecond > Opus.CLOCK_RATE * 0.8 && ticksPerSecond < Opus.CLOCK_RATE * 1.2;
    }

    /** A name for messages: the negotiated encoding when the SDP gave one, otherwise the static meaning. */
    public String describe(int payloadType) {
        String name = negotiated.get(payloadType);
        return name != null ? name + " (PT " + payloadType + ")" : PayloadTypes.describe(payloadType);
    }
}
