package io.verbatim.media.rtp;

import io.verbatim.media.capture.Endpoint;
import io.verbatim.media.codec.opus.Opus;
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
     * advanced against capture time (first two and last two packets in arrival order).
     */
    static final class DynamicPayload {
        int packets;
        int wellFormedOpus;
        final long[] earlyCaptureNanos = new long[2]; // the first and second packet
        final long[] earlyTimestamps = new long[2];
        final long[] lateCaptureNanos = new long[2];  // the one before the last, and the last
        final long[] lateTimestamps = new long[2];
        /** Of the Opus packets, how many were hybrid or CELT, and the widest audio rate of the SILK-only ones. */
        int opusBeyondSilk;
        int widestSilkRate;

        /**
         * RTP clock ticks per second of capture time, from the first or second packet to the one before the last or
         * the last, whichever of the four spans comes nearest {@code expected}: one record at either end with a
         * damaged capture time would otherwise hide the clock. 0 when the packets span no time.
         */
        double ticksPerSecond(double expected) {
            double nearest = 0;
            for (int early = 0; early < Math.min(2, packets); early++) {
                for (int late = 0; late < 2; late++) {
                    double seconds = (lateCaptureNanos[late] - earlyCaptureNanos[early]) / 1e9;
                    double rate = seconds <= 0 ? 0 : (lateTimestamps[late] - earlyTimestamps[early]) / seconds;
                    if (rate > 0 && (nearest == 0 || Math.abs(rate - expected) < Math.abs(nearest - expected))) {
                        nearest = rate;
                    }
                }
            }
            return nearest;
        }
    }

    private static final int FIRST_DYNAMIC = 96;

    private final Key key;
    private final Map<Integer, Integer> payloadTypeCounts = new HashMap<>();
    private final Map<Integer, DynamicPayload> dynamic = new HashMap<>();
    private final long firstCaptureNanos;
    private long packets;
    private long timestamp;
    // the first three records' capture times, timestamps and sequence numbers: the two after the first tell whether
    // its capture time is damaged
    private final long[] leadCaptureNanos = new long[3];
    private final long[] leadTimestamps = new long[3];
    private final int[] leadSequences = new int[3];

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

    /**
     * When the stream's audio began, by an RTP clock of {@code clockRate}: its first record's capture time, unless
     * that time disagrees with the next record's while their RTP numbers continue one another and the next two
     * agree; then the first record's time is damaged (a device's clock glitch, a corrupt record header) and the
     * start is where the RTP numbers put it, before the second record.
     */
    public long startNanos(int clockRate) {
        if (packets < 3) {
            return firstCaptureNanos;
        }
        double nanosPerTick = 1e9 / clockRate;
        long ticks = leadTimestamps[1] - leadTimestamps[0];
        boolean firstDisagrees = StreamPlacer.disagree(ticks, leadCaptureNanos[1] - leadCaptureNanos[0], nanosPerTick);
        boolean nextAgree = !StreamPlacer.disagree(leadTimestamps[2] - leadTimestamps[1],
                leadCaptureNanos[2] - leadCaptureNanos[1], nanosPerTick);
        boolean continued = StreamPlacer.continues((short) (leadSequences[1] - leadSequences[0]), ticks, clockRate)
                && StreamPlacer.continues((short) (leadSequences[2] - leadSequences[1]),
                        leadTimestamps[2] - leadTimestamps[1], clockRate);
        return firstDisagrees && nextAgree && continued
                ? leadCaptureNanos[1] - Math.round(ticks * nanosPerTick) : firstCaptureNanos;
    }

    /** Packets of every payload type, duplicates included. */
    public long packetCount() {
        return packets;
    }

    public void count(long captureNanos, RtpPacket packet) {
        // timestamps extended past their 32-bit wrap, as the placer extends them
        timestamp = packets == 0 ? packet.timestamp() : RtpPacket.extendTimestamp(timestamp, packet.timestamp());
        if (packets < 3) {
            leadCaptureNanos[(int) packets] = captureNanos;
            leadTimestamps[(int) packets] = timestamp;
            leadSequences[(int) packets] = packet.sequenceNumber();
        }
        packets++;
        payloadTypeCounts.merge(packet.payloadType(), 1, Integer::sum);
        if (packet.payloadType() >= FIRST_DYNAMIC) {
            DynamicPayload d = dynamic.get(packet.payloadType());
            if (d == null) {
                d = new DynamicPayload();
                dynamic.put(packet.payloadType(), d);
            }
            if (d.packets < 2) {
                d.earlyCaptureNanos[d.packets] = captureNanos;
                d.earlyTimestamps[d.packets] = timestamp;
            }
            d.packets++;
            // the last two; a single packet is both
            d.lateCaptureNanos[0] = d.packets == 1 ? captureNanos : d.lateCaptureNanos[1];
            d.lateTimestamps[0] = d.packets == 1 ? timestamp : d.lateTimestamps[1];
            d.lateCaptureNanos[1] = captureNanos;
            d.lateTimestamps[1] = timestamp;
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
