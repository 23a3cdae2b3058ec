package io.verbatim.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packets of one RTP source (SSRC) on one UDP flow, in arrival order, with sequence numbers and
 * timestamps extended past their 16/32-bit wrap so that ordering and placement survive long calls.
 */
public final class RtpStream {

    /** Identity of a stream: its SSRC and the flow it travels on. */
    public record Key(long ssrc, Endpoint source, Endpoint destination) {
        @Override
        public String toString() {
            return source + "->" + destination + " ssrc=0x" + Long.toHexString(ssrc);
        }
    }

    /** One received packet, reduced to what decoding and placement need. */
    public record Frame(long captureNanos, long sequence, long timestamp, int payloadType, byte[] payload) {
    }

    /** A frame placed on the call's timeline: its first output sample, its length, and where its audio comes from. */
    public record PlacedFrame(long position, int samples, SequentialDecoder source, int index) {
        public long end() {
            return position + samples;
        }

        /** The decoded samples; each frame is decoded once, in its stream's sequence order. */
        public short[] take() {
            return source.take(index);
        }
    }

    private final Key key;
    private final List<Frame> frames = new ArrayList<>();
    private final Map<Integer, Integer> payloadTypeCounts = new HashMap<>();
    private long lastSequence;
    private long lastTimestamp;

    public RtpStream(Key key) {
        this.key = key;
    }

    public Key key() {
        return key;
    }

    public List<Frame> frames() {
        return frames;
    }

    public long firstCaptureNanos() {
        return frames.get(0).captureNanos();
    }

    void add(long captureNanos, RtpPacket packet) {
        long sequence;
        long timestamp;
        if (frames.isEmpty()) {
            sequence = packet.sequenceNumber();
            timestamp = packet.timestamp();
        } else {
            sequence = lastSequence + (short) (packet.sequenceNumber() - (int) (lastSequence & 0xffff));
            timestamp = lastTimestamp + (int) (packet.timestamp() - (lastTimestamp & 0xffffffffL));
        }
        lastSequence = sequence;
        lastTimestamp = timestamp;
        byte[] payload = new byte[packet.payloadLength()];
        System.arraycopy(packet.datagram(), packet.payloadOffset(), payload, 0, payload.length);
        frames.add(new Frame(captureNanos, sequence, timestamp, packet.payloadType(), payload));
        payloadTypeCounts.merge(packet.payloadType(), 1, Integer::sum);
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

    /**
     * Places the audio frames on the call's timeline: in sequence order, duplicates dropped, each at its RTP
     * timestamp. Where the timestamps stop following capture time (a sender restarting its clock, a resumed
     * stream) a new segment begins. Each segment is anchored to capture time by its least-delayed packet:
     * network delay only ever adds, so the smallest offset best estimates when the sender produced the audio.
     */
    public List<PlacedFrame> place(Codec codec, long callStartNanos) {
        int payloadType = dominantPayloadType();
        List<Frame> audio = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            if (f.payloadType() == payloadType) {
                audio.add(f);
            }
        }
        audio.sort(Comparator.comparingLong(Frame::sequence));
        List<Frame> unique = new ArrayList<>(audio.size());
        for (Frame f : audio) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).sequence() != f.sequence()) {
                unique.add(f);
            }
        }
        SequentialDecoder decoder = new SequentialDecoder(codec, unique.stream().map(Frame::payload).toList());
        List<PlacedFrame> placed = new ArrayList<>(unique.size());
        int segmentStart = 0;
        for (int i = 1; i < unique.size(); i++) {
            Frame last = unique.get(i - 1);
            Frame f = unique.get(i);
            double stampedSeconds = (double) (f.timestamp() - last.timestamp()) / codec.clockRate();
            double capturedSeconds = (f.captureNanos() - last.captureNanos()) / 1e9;
            // timestamps never run backwards between consecutive packets of a healthy stream; when they do,
            // or stop following capture time, the sender restarted its clock
            if (stampedSeconds < 0 || Math.abs(stampedSeconds - capturedSeconds) > MAX_CLOCK_DISAGREEMENT_SECONDS) {
                placeSegment(unique, segmentStart, i, decoder, codec, callStartNanos, placed);
                segmentStart = i;
            }
        }
        if (!unique.isEmpty()) {
            placeSegment(unique, segmentStart, unique.size(), decoder, codec, callStartNanos, placed);
        }
        return placed;
    }

    /** Larger than any jitter buffer would hold; smaller than any real clock restart. */
    static final double MAX_CLOCK_DISAGREEMENT_SECONDS = 1.0;

    /**
     * Anchors a segment to capture time in stretches of {@link #ANCHOR_SECONDS} of audio, each by its own
     * least-delayed packet: a sender's clock that drifts against the capturing host's (100 ppm is 360 ms an
     * hour) then moves the audio by a few samples between stretches instead of accumulating.
     */
    private static void placeSegment(List<Frame> frames, int from, int to, SequentialDecoder decoder, Codec codec,
                                     long callStartNanos, List<PlacedFrame> placed) {
        long anchorTicks = (long) ANCHOR_SECONDS * codec.clockRate();
        int stretchStart = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || frames.get(i).timestamp() - frames.get(stretchStart).timestamp() >= anchorTicks) {
                placeStretch(frames, stretchStart, i, decoder, codec, callStartNanos, placed);
                stretchStart = i;
            }
        }
    }

    /** Long enough for a robust least-delay estimate, short enough that clock drift stays a few samples. */
    static final int ANCHOR_SECONDS = 60;

    private static void placeStretch(List<Frame> frames, int from, int to, SequentialDecoder decoder, Codec codec,
                                     long callStartNanos, List<PlacedFrame> placed) {
        long firstTimestamp = frames.get(from).timestamp();
        double samplesPerTick = (double) codec.sampleRate() / codec.clockRate();
        long offset = Long.MAX_VALUE;
        long earliestStamp = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            Frame f = frames.get(i);
            long captured = Math.round((f.captureNanos() - callStartNanos) * codec.sampleRate() / 1e9);
            long stamped = Math.round((f.timestamp() - firstTimestamp) * samplesPerTick);
            offset = Math.min(offset, captured - stamped);
            earliestStamp = Math.min(earliestStamp, stamped);
        }
        // A sender whose clock runs ahead of the capture's would start before the call; start it with the call.
        offset = Math.max(offset, -earliestStamp);
        for (int i = from; i < to; i++) {
            long position = offset + Math.round((frames.get(i).timestamp() - firstTimestamp) * samplesPerTick);
            placed.add(new PlacedFrame(position, decoder.samplesIn(i), decoder, i));
        }
    }
}
