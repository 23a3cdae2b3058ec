package io.verbatim.media.rtp;

import io.verbatim.media.codec.Codec;
import io.verbatim.media.codec.g711.G711;
import io.verbatim.media.codec.g722.G722;
import io.verbatim.media.codec.g729.G729;
import java.util.Optional;

/** What the static RTP payload types (RFC 3551) mean to this engine. */
public final class PayloadTypes {

    public static final int PCMU = 0;
    public static final int PCMA = 8;
    public static final int COMFORT_NOISE = 13;
    public static final int G722 = 9;
    public static final int G729 = 18;

    private PayloadTypes() {
    }

    /** The codec that decodes this payload type, if the engine knows one (stateful ones: a fresh decoder). */
    public static Optional<Codec> codecFor(int payloadType) {
        return switch (payloadType) {
            case PCMU -> Optional.of(G711.MU_LAW);
            case PCMA -> Optional.of(G711.A_LAW);
            case G722 -> Optional.of(new G722());
            case G729 -> Optional.of(new G729());
            default -> Optional.empty();
        };
    }

    /** Payloads that carry no speech to decode (comfort noise becomes silence). */
    public static boolean isSilence(int payloadType) {
        return payloadType == COMFORT_NOISE;
    }

    /** A name for messages: the codec's name when known, otherwise the RFC 3551 name or "PT n". */
    public static String describe(int payloadType) {
        return codecFor(payloadType).map(Codec::name).orElseGet(() -> switch (payloadType) {
            case 3 -> "GSM (PT 3)";
            case 4 -> "G.723.1 (PT 4)";
            default -> "PT " + payloadType;
        });
    }
}
