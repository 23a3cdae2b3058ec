package io.verbatim.media.rtp;

import io.verbatim.media.codec.Codec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Places one stream's audio on the call's timeline while the capture is read, holding only a bounded window of
 * it: packets wait in a reorder buffer until nothing earlier can still arrive, leave it in sequence order
 * (duplicates dropped), and are gathered into stretches of about a minute that are anchored to capture time and
 * handed on. Memory therefore depends on the window, never on the call's length.
 *
 * <p>Each stretch is anchored by its least-delayed packet: network delay only ever adds, so the smallest offset
 * between capture time and RTP timestamp best estimates when the sender produced the audio. Re-anchoring every
 * {@link #ANCHOR_SECONDS} keeps a sender's clock drift (100 ppm is 360 ms an hour) to a few samples. Where the
 * timestamps stop following capture time (a sender restarting its clock, a resumed stream) a new segment begins.
 */
public final class StreamPlacer {

    /**
     * A frame on the call's timeline: when it was captured (its record's time), its sequence number, first output sample, length and
     * payload, and how many samples before it were lost (packets missing from the numbering since the previous
     * frame, whose time lies between the two; 0 when none were).
     */
    public record PlacedFrame(long captureNanos, long sequence, long position, int samples, byte[] payload, int lostSamples) {
        public long end() {
            return position + samples;
        }
    }

    /** Longer than any jitter a capture shows; a packet later than this has missed its place. */
    public static final long REORDER_NANOS = 5_000_000_000L;
    /** Larger than any jitter buffer would hold; smaller than any real clock restart. */
    static final double MAX_CLOCK_DISAGREEMENT_SECONDS = 1.0;
    /** Long enough for a robust least-delay estimate, short enough that clock drift stays a few samples. */
    static final int ANCHOR_SECONDS = 60;

    /** A packet of the stream's audio between its arrival and its placement. */
    private static final class Arrival {
        final long captureNanos;   // the time it is placed by
        final long recordedNanos;  // its record's capture time, which differs for a retimed packet
        final long sequence;
        final long timestamp;
        final byte[] payload;
        boolean released;

        Arrival(long captureNanos, long recordedNanos, long sequence, long timestamp, byte[] payload) {
            this.captureNanos = captureNanos;
            this.recordedNanos = recordedNanos;
            this.sequence = sequence;
            this.timestamp = timestamp;
            this.payload = payload;
        }
    }

    private final Codec codec;
    private final int payloadType;
    private final long callStartNanos;
    private final Consumer<PlacedFrame> out;
    private final long anchorTicks;
    private final double nanosPerTick; // asked of every packet: computed once

    private final NearlySortedQueue<Arrival> bySequence = new NearlySortedQueue<>(
            Comparator.comparingLong((Arrival a) -> a.sequence).thenComparingLong(a -> a.captureNanos)); // of duplicates, the first
    private final ArrayDeque<Arrival> byArrival = new ArrayDeque<>();
    private final List<Arrival> stretch = new ArrayList<>();
    private long stretchEarliestNanos = Long.MAX_VALUE;
    private Arrival last;
    private Received doubtful;
    private Received mistimed;
    private boolean started;
    private long lastSequence;
    private long lastTimestamp;
    private long lastArrivalNanos = Long.MIN_VALUE;
    private long highestSequence = Long.MIN_VALUE;
    private long highestTimestamp;
    private long highestCaptureNanos;
    private long late;
    private long placedSequence = Long.MIN_VALUE; // the last frame handed on, in this run of numbers
    private long placedEnd;
    private long firstRecordNanos = Long.MIN_VALUE;

    /**
     * @param codec          gives the stream's clock and audio rates and each payload's length in samples
     * @param payloadType    the stream's audio; other payload types (events, comfort noise) are not placed
     * @param callStartNanos capture time of the timeline's sample 0
     * @param out            receives the placed frames, in sequence order, a stretch at a time
     */
    public StreamPlacer(Codec codec, int payloadType, long callStartNanos, Consumer<PlacedFrame> out) {
        this.codec = codec;
        this.payloadType = payloadType;
        this.callStartNanos = callStartNanos;
        this.out = out;
        this.anchorTicks = (long) ANCHOR_SECONDS * codec.clockRate();
        this.nanosPerTick = 1e9 / codec.clockRate();
    }

    /**
     * The stream's first record has a damaged capture time, and its audio began at {@code nanos} (see
     * {@link RtpStream#startNanos}): the first record is taken as captured then.
     */
    public void firstRecordAt(long nanos) {
        firstRecordNanos = nanos;
    }

    /** A packet as received, with its sequence number and timestamp extended in the run it seemed to belong to. */
    private record Received(long captureNanos, int rawSequence, long rawTimestamp, long sequence, long timestamp,
                            int payloadType, byte[] payload, long recordedNanos) {
        /** As captured; {@code recordedNanos} differs from {@code captureNanos} only for a retimed packet. */
        Received(long captureNanos, int rawSequence, long rawTimestamp, long sequence, long timestamp, int payloadType,
                 byte[] payload) {
            this(captureNanos, rawSequence, rawTimestamp, sequence, timestamp, payloadType, payload, captureNanos);
        }
    }

    /** Takes a packet of this stream as it arrives; sequence numbers and timestamps are extended past their wrap. */
    public void add(long captureNanos, RtpPacket packet) {
        byte[] payload = null;
        if (packet.payloadType() == payloadType) {
            payload = new byte[packet.payloadLength()];
            System.arraycopy(packet.datagram(), packet.payloadOffset(), payload, 0, payload.length);
        }
        if (!started) {
            startRun(firstRecordNanos != Long.MIN_VALUE ? firstRecordNanos : captureNanos, packet.sequenceNumber(),
                    packet.timestamp(), packet.payloadType(), payload);
            return;
        }
        long sequence = RtpPacket.extendSequence(lastSequence, packet.sequenceNumber());
        long timestamp = RtpPacket.extendTimestamp(lastTimestamp, packet.timestamp());
        Received r = new Received(captureNanos, packet.sequenceNumber(), packet.timestamp(), sequence, timestamp,
                packet.payloadType(), payload);
        if (mistimed != null) {
            Received m = mistimed;
            mistimed = null;
            // the packet after it agrees with the one before: only its capture time was wrong
            accept(agreesWithHighest(r) ? retimed(m) : m);
        }
        if (doubtful != null) {
            Received d = doubtful;
            doubtful = null;
            if (isDoubtful(r) && follows(d, r)) {
                // the sender began a new run of sequence numbers (a re-INVITE, a restarted device): everything of
                // the earlier run is placed first, and the new one is ordered on its own
                flush();
                last = null;
                placedSequence = Long.MIN_VALUE;
                startRun(d.captureNanos, d.rawSequence, d.rawTimestamp, d.payloadType, d.payload);
                add(captureNanos, packet);
                return;
            }
            accept(d); // a packet of this run that came late
        }
        if (isDoubtful(r)) {
            doubtful = r; // the next packet tells whether it starts a new run or came late
            return;
        }
        if (highestSequence != Long.MIN_VALUE && r.sequence > highestSequence && !agreesWithHighest(r)) {
            mistimed = r; // the next packet tells whether the sender's clock moved or this record's capture time is wrong
            return;
        }
        accept(r);
    }

    /** Whether a packet numbered after the highest so far is as far from it in capture time as in RTP time. */
    private boolean agreesWithHighest(Received r) {
        return !disagree(r.timestamp - highestTimestamp, r.captureNanos - highestCaptureNanos);
    }

    /**
     * A packet whose RTP numbers {@linkplain #continues continue} from the highest so far with the capture time those
     * numbers give; otherwise as it was, since its sender really did move its clock.
     */
    private Received retimed(Received r) {
        long ticks = r.timestamp - highestTimestamp;
        if (!continues(r.sequence - highestSequence, ticks, codec.clockRate())) {
            return r;
        }
        long captured = highestCaptureNanos + ticks * 1_000_000_000L / codec.clockRate();
        return new Received(captured, r.rawSequence, r.rawTimestamp, r.sequence, r.timestamp, r.payloadType, r.payload,
                r.recordedNanos);
    }

    private void startRun(long captureNanos, int sequence, long timestamp, int type, byte[] payload) {
        started = true;
        highestSequence = Long.MIN_VALUE;
        accept(new Received(captureNanos, sequence, timestamp, sequence, timestamp, type, payload));
    }

    private void accept(Received r) {
        lastArrivalNanos = Math.max(lastArrivalNanos, r.captureNanos);
        lastSequence = r.sequence;
        lastTimestamp = r.timestamp;
        if (r.sequence > highestSequence) {
            highestSequence = r.sequence;
            highestTimestamp = r.timestamp;
            highestCaptureNanos = r.captureNanos;
        }
        if (r.payload != null) {
            Arrival arrival = new Arrival(r.captureNanos, r.recordedNanos, r.sequence, r.timestamp, r.payload);
            bySequence.add(arrival);
            byArrival.addLast(arrival);
        }
    }

    /**
     * A packet numbered at or before the highest so far whose timestamp, measured from the highest packet's,
     * disagrees with capture time: either very late, or the first of a new run of numbers.
     */
    private boolean isDoubtful(Received r) {
        return r.sequence <= highestSequence && disagree(r.timestamp - highestTimestamp, r.captureNanos - highestCaptureNanos);
    }

    /** Whether {@code next} continues the numbering and timing that {@code first} began. */
    private boolean follows(Received first, Received next) {
        int step = (short) (next.rawSequence - first.rawSequence);
        return step >= 1 && step <= MAX_RUN_STEP
                && !disagree((int) (next.rawTimestamp - first.rawTimestamp), next.captureNanos - first.captureNanos);
    }

    /** Packets lost between two of a run that still count as one run. */
    static final int MAX_RUN_STEP = 100;

    private boolean disagree(long ticks, long capturedNanos) {
        return disagree(ticks, capturedNanos, nanosPerTick);
    }

    /** Whether {@code ticks} of an RTP clock of {@code nanosPerTick} and a span of capture time tell different times. */
    static boolean disagree(long ticks, long capturedNanos, double nanosPerTick) {
        return Math.abs(ticks * nanosPerTick - capturedNanos) > MAX_CLOCK_DISAGREEMENT_SECONDS * 1e9;
    }

    /**
     * Whether two packets' RTP numbers continue one another as a healthy stream's do: at most {@link #MAX_RUN_STEP}
     * packets on, at most half a second of audio per packet.
     */
    static boolean continues(long packets, long ticks, int clockRate) {
        return packets >= 1 && packets <= MAX_RUN_STEP && ticks >= 0 && ticks <= packets * clockRate / 2;
    }

    /**
     * Places what can no longer be preceded by a late packet, the capture having reached {@code nowNanos}; a stream
     * that has gone quiet (hold, silence suppression, its end) places all it holds.
     */
    public void advance(long nowNanos) {
        long settled = nowNanos - REORDER_NANOS;
        if (lastArrivalNanos < settled) {
            flush();
            return;
        }
        while (!byArrival.isEmpty()) {
            Arrival oldest = byArrival.peekFirst();
            if (oldest.released) {
                byArrival.pollFirst();
            } else if (oldest.captureNanos <= settled) {
                release(bySequence.poll());
            } else {
                break;
            }
        }
    }

    /** The capture has ended: places everything still held. */
    public void finish() {
        flush();
    }

    /** Capture time of the earliest packet not yet handed on, or {@link Long#MAX_VALUE} when none is held. */
    public long pendingSinceNanos() {
        long since = stretchEarliestNanos;
        for (Arrival a : byArrival) {
            if (!a.released) {
                return Math.min(since, a.captureNanos);
            }
        }
        return since;
    }

    /** Packets that arrived after later ones had been placed, too late to join the timeline. */
    public long latePackets() {
        return late;
    }

    private void flush() {
        if (mistimed != null) {
            accept(retimed(mistimed)); // nothing followed it: one packet does not show that its sender's clock moved
            mistimed = null;
        }
        if (doubtful != null) {
            accept(doubtful); // nothing followed it: a late packet
            doubtful = null;
        }
        while (!bySequence.isEmpty()) {
            release(bySequence.poll());
        }
        byArrival.clear();
        closeStretch();
    }

    private void release(Arrival f) {
        f.released = true;
        if (last != null && f.sequence <= last.sequence) {
            if (f.sequence < last.sequence) {
                late++;
            }
            return; // a duplicate, or too late for its place
        }
        // timestamps never run backwards between consecutive packets of a healthy stream; when they do, or stop
        // following capture time, the sender restarted its clock: a new segment
        if (last != null && (f.timestamp < last.timestamp
                || disagree(f.timestamp - last.timestamp, f.captureNanos - last.captureNanos))) {
            closeStretch();
        }
        if (!stretch.isEmpty() && f.timestamp - stretch.get(0).timestamp >= anchorTicks) {
            closeStretch();
        }
        stretch.add(f);
        stretchEarliestNanos = Math.min(stretchEarliestNanos, f.captureNanos);
        last = f;
    }

    /**
     * The samples between the previous frame and this one when packets are missing between them and their time
     * is about what those packets held; a longer pause is the sender's (silence suppression), not loss.
     */
    private int lostBefore(long sequence, long position, int samples) {
        long missing = sequence - placedSequence - 1;
        long gap = position - placedEnd;
        if (placedSequence == Long.MIN_VALUE || missing < 1 || missing >= MAX_RUN_STEP || gap <= 0
                || gap > missing * samples + samples / 2) {
            return 0;
        }
        return (int) gap;
    }

    private void closeStretch() {
        if (stretch.isEmpty()) {
            return;
        }
        long firstTimestamp = stretch.get(0).timestamp;
        double samplesPerTick = (double) codec.sampleRate() / codec.clockRate();
        long offset = Long.MAX_VALUE;
        long earliestStamp = Long.MAX_VALUE;
        for (Arrival f : stretch) {
            long captured = Math.round((f.captureNanos - callStartNanos) * codec.sampleRate() / 1e9);
            long stamped = Math.round((f.timestamp - firstTimestamp) * samplesPerTick);
            offset = Math.min(offset, captured - stamped);
            earliestStamp = Math.min(earliestStamp, stamped);
        }
        // A sender whose clock runs ahead of the capture's would start before the call; start it with the call.
        offset = Math.max(offset, -earliestStamp);
        for (Arrival f : stretch) {
            long position = offset + Math.round((f.timestamp - firstTimestamp) * samplesPerTick);
            int samples = codec.samplesIn(f.payload, 0, f.payload.length);
            out.accept(new PlacedFrame(f.recordedNanos, f.sequence, position, samples, f.payload, lostBefore(f.sequence, position, samples)));
            placedSequence = f.sequence;
            placedEnd = position + samples;
        }
        stretch.clear();
        stretchEarliestNanos = Long.MAX_VALUE;
    }
}
