package io.verbatim.media;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * What a first pass over a capture learns of one RTP source (SSRC) on one UDP flow: how many packets of each
 * payload type it sent and when it began. Its audio is not kept here; {@link StreamPlacer} places it on the
 * call's timeline as a later pass reads the capture again, so memory does not grow with the call's length.
 */
public final class RtpStream {

    /** Identity of a stream: its SSRC and the flow it travels on. */
    public record Key(long ssrc, Endpoint source, Endpoint destination) {
        // Written out rather than left to the record's generated methods: every packet of a capture is looked up
        // by its key, and a reader hands out the same Endpoint instances, so identity settles most comparisons.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ssrc == k.ssrc
                    && (source == k.source || source.equals(k.source))
                    && (destination == k.destination || destination.equals(k.destination));
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(ssrc) * 31 + source.hashCode()) * 31 + destination.hashCode();
        }

        @Override
        public String toString() {
            return source + "->" + destination + " ssrc=0x" + Long.toHexString(ssrc);
        }
    }

    /**
     * What a dynamic payload type's packets looked like: how many parse as Opus, and how fast their timestamps
     * advanced against capture time (first and last packet in arrival order).
     */
    static final class DynamicPayload {
        int packets;
        int wellFormedOpus;
        long firstCaptureNanos;
        long firstTimestamp;
        long lastCaptureNanos;
        long lastTimestamp;
        /** Of the Opus packets, how many were hybrid or CELT, and the widest audio rate of the SILK-only ones. */
        int opusBeyondSilk;
        int widestSilkRate;

        /** RTP clock ticks per second of capture time, or 0 when the packets span no time. */
        double ticksPerSecond() {
            double seconds = (lastCaptureNanos - firstCaptureNanos) / 1e9;
            return seconds <= 0 ? 0 : (lastTimestamp - firstTimestamp) / seconds;
        }
    }

    private static final int FIRST_DYNAMIC = 96;

    private final Key key;
    private final Map<Integer, Integer> payloadTypeCounts = new HashMap<>();
    private final Map<Integer, DynamicPayload> dynamic = new HashMap<>();
    private final long firstCaptureNanos;
    private long packets;
    private long timestamp;

    public RtpStream(Key key, long firstCaptureNanos) {
        this.key = key;
        this.firstCaptureNanos = firstCaptureNanos;
    }

    public Key key() {
        return key;
    }

    public long firstCaptureNanos() {
        return firstCaptureNanos;
    }

    /** Packets of every payload type, duplicates included. */
    public long packetCount() {
        return packets;
    }

    void count(long captureNanos, RtpPacket packet) {
        // timestamps extended past their 32-bit wrap, as the placer extends them
        timestamp = packets == 0 ? packet.timestamp() : RtpPacket.extendTimestamp(timestamp, packet.timestamp());
        packets++;
        payloadTypeCounts.merge(packet.payloadType(), 1, Integer::sum);
        if (packet.payloadType() >= FIRST_DYNAMIC) {
            DynamicPayload d = dynamic.get(packet.payloadType());
            if (d == null) {
                d = new DynamicPayload();
                d.firstCaptureNanos = captureNanos;
                d.firstTimestamp = timestamp;
                dynamic.put(packet.payloadType(), d);
            }
            d.packets++;
            d.lastCaptureNanos = captureNanos;
            d.lastTimestamp = timestamp;
            if (Opus.isWellFormed(packet.datagram(), packet.payloadOffset(), packet.payloadLength())) {
                d.wellFormedOpus++;
                int silkRate = Opus.silkRate(packet.datagram()[packet.payloadOffset()]);
                if (silkRate == 0) {
                    d.opusBeyondSilk++;
                } else {
                    d.widestSilkRate = Math.max(d.widestSilkRate, silkRate);
                }
            }
        }
    }

    /** What the packets of a dynamic payload type looked like, or {@code null} for static ones and absent ones. */
    DynamicPayload dynamicPayload(int payloadType) {
        return dynamic.get(payloadType);
    }

    /** The payload type most packets carry, ignoring comfort noise. */
    public int dominantPayloadType() {
        return payloadTypeCounts.entrySet().stream()
                .filter(e -> !PayloadTypes.isSilence(e.getKey()))
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(PayloadTypes.COMFORT_NOISE);
    }

    /** Packets carrying the dominant payload type (events and comfort noise excluded). */
    public int audioPacketCount() {
        return payloadTypeCounts.getOrDefault(dominantPayloadType(), 0);
    }
}
