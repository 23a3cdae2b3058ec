package io.verbatim.media.render;

import io.verbatim.media.capture.CaptureReader;
import io.verbatim.media.capture.DamagedCaptureException;
import io.verbatim.media.codec.Codec;
import io.verbatim.media.codec.opus.Opus;
import io.verbatim.media.rtp.PayloadMap;
import io.verbatim.media.rtp.RtpPacket;
import io.verbatim.media.rtp.RtpStream;
import io.verbatim.media.rtp.StreamPlacer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The RTP audio of one capture, grouped into streams and assigned to the two parties of the call.
 *
 * <p>Sides: innovaphone devices send the local party from UDP 16386 and the remote party from 16388.
 * Other captures fall back to stream order: the first audio stream's sender is the local party, and a
 * stream is remote when it flows back towards it.
 */
public final class CallAudio {

    static final int INNOVAPHONE_LOCAL_PORT = 16386;
    static final int INNOVAPHONE_REMOTE_PORT = 16388;
    /** Fewer packets than this on a flow is noise that happens to look like RTP, not a stream. */
    static final int MIN_PACKETS = 3;
    /**
     * Far more RTP flows than a recording of calls holds (a call has a few; a trunk's capture, hundreds): the survey
     * keeps a little for each, so a capture with millions of them (a flood, or made to exhaust the server) is refused
     * here rather than running the server out of memory.
     */
    public static final int MAX_FLOWS = 10_000;

    private final Path capture;
    private final Map<RtpStream.Key, RtpStream> streams;
    private final PayloadMap payloads;
    private final Map<RtpStream.Key, Codec> codecs = new LinkedHashMap<>();
    private final Map<RtpStream.Key, Side> sides = new LinkedHashMap<>();
    private final CaptureReader.Summary summary;
    private final long startNanos;
    private final int sampleRate;
    private long latePackets;
    private long lateSamples;

    private CallAudio(Path capture, Map<RtpStream.Key, RtpStream> streams, PayloadMap payloads, CaptureReader.Summary summary) {
        this.capture = capture;
        this.streams = streams;
        this.payloads = payloads;
        this.summary = summary;
        streams.forEach((key, stream) -> payloads.codecFor(stream).ifPresent(codec -> codecs.put(key, codec)));
        assignSides();
        // the call starts with its first audio, not with a stray datagram that merely parses as RTP
        this.startNanos = sides.keySet().stream().mapToLong(this::streamStartNanos).min().orElse(0);
        this.sampleRate = sides.keySet().stream().mapToInt(key -> codecs.get(key).sampleRate()).max().orElse(8000);
    }

    /** Reads a capture and groups its RTP into streams; Opus is decoded at {@link Opus#DEFAULT_SAMPLE_RATE}. */
    public static CallAudio read(Path capture) {
        return read(capture, Opus.DEFAULT_SAMPLE_RATE);
    }

    /**
     * Surveys a capture: its RTP streams, their payload types, and dynamic payload types from its SDP. The audio
     * itself is read by a later pass ({@link #render}), which holds only a bounded window of it.
     */
    public static CallAudio read(Path capture, int opusSampleRate) {
        Map<RtpStream.Key, RtpStream> streams = new LinkedHashMap<>();
        PayloadMap payloads = new PayloadMap(opusSampleRate);
        CaptureReader.Summary summary = new CaptureReader().read(capture, datagram -> {
            RtpPacket packet = RtpPacket.parse(datagram.data(), datagram.offset(), datagram.length());
            if (packet != null) {
                RtpStream.Key key = new RtpStream.Key(packet.ssrc(), datagram.source(), datagram.destination());
                RtpStream stream = streams.get(key);
                if (stream == null) {
                    if (streams.size() >= MAX_FLOWS) {
                        throw new DamagedCaptureException("more than " + MAX_FLOWS + " RTP flows (source, destination and"
                                + " SSRC) in the capture: no call has that many; not converted");
                    }
                    stream = new RtpStream(key, datagram.captureNanos());
                    streams.put(key, stream);
                }
                stream.count(datagram.captureNanos(), packet);
            } else {
                payloads.learnFrom(datagram.data(), datagram.offset(), datagram.length());
            }
        });
        return new CallAudio(capture, streams, payloads, summary);
    }

    /** The codec of a stream's audio (a fresh decoder each time), when the engine decodes it. */
    public Optional<Codec> codec(RtpStream stream) {
        Codec codec = codecs.get(stream.key());
        return codec == null ? Optional.empty() : Optional.of(codec.newDecoder());
    }

    /**
     * A decoder delivering the call's {@link #sampleRate()} for a stream of one of its sides.
     *
     * @throws MixedRatesException when the stream's rate does not divide the call's
     */
    private Codec decoderAtCallRate(RtpStream stream) {
        Codec codec = codecs.get(stream.key()).newDecoder();
        if (codec.sampleRate() == sampleRate) {
            return codec;
        }
        if (sampleRate % codec.sampleRate() != 0) {
            throw new MixedRatesException("mix of sample rates " + codec.sampleRate() + " and " + sampleRate + " Hz");
        }
        return new Upsampled(codec, sampleRate / codec.sampleRate());
    }

    /** The rate the call's audio is rendered at: the highest of its streams'. */
    public int sampleRate() {
        return sampleRate;
    }

    /** A payload type's name as this capture's SDP or RFC 3551 gives it. */
    public String describe(int payloadType) {
        return payloads.describe(payloadType);
    }

    public List<RtpStream> streams() {
        return new ArrayList<>(streams.values());
    }

    /** Streams with decodable audio on the given side, in order of first appearance. */
    public List<RtpStream> streams(Side side) {
        List<RtpStream> result = new ArrayList<>();
        sides.forEach((key, s) -> {
            if (s == side) {
                result.add(streams.get(key));
            }
        });
        return result;
    }

    public long startNanos() {
        return startNanos;
    }

    public CaptureReader.Summary summary() {
        return summary;
    }

    private boolean isAudio(RtpStream stream) {
        return codecs.containsKey(stream.key()) && stream.audioPacketCount() >= MIN_PACKETS;
    }

    private void assignSides() {
        List<RtpStream> audio = streams.values().stream().filter(this::isAudio).toList();
        if (audio.isEmpty()) {
            return;
        }
        RtpStream first = audio.get(0);
        for (RtpStream stream : audio) {
            sides.put(stream.key(), sideOf(stream.key(), first.key()));
        }
    }

    private static Side sideOf(RtpStream.Key key, RtpStream.Key first) {
        if (key.source().port() == INNOVAPHONE_LOCAL_PORT) {
            return Side.LOCAL;
        }
        if (key.source().port() == INNOVAPHONE_REMOTE_PORT) {
            return Side.REMOTE;
        }
        if (key.source().equals(first.destination()) || key.destination().equals(first.source())) {
            return Side.REMOTE;
        }
        if (key.source().equals(first.source()) || key.destination().equals(first.destination())) {
            return Side.LOCAL;
        }
        if (key.source().address().equals(first.destination().address())) {
            return Side.REMOTE;
        }
        return Side.LOCAL;
    }

    /**
     * The payload type that makes this capture unconvertible, or -1 when some stream decodes.
     * Comfort noise and too-short flows do not count.
     */
    public int unsupportedPayloadType() {
        if (!sides.isEmpty()) {
            return -1;
        }
        return streams.values().stream()
                .filter(s -> s.audioPacketCount() >= MIN_PACKETS && !codecs.containsKey(s.key()))
                .max((a, b) -> Integer.compare(a.audioPacketCount(), b.audioPacketCount()))
                .map(RtpStream::dominantPayloadType)
                .orElse(-1);
    }

    /**
     * Renders the call into {@code sink}, left the remote party and right the local party, and returns its length in
     * samples per channel: up to where its last frame ends. Each stream is decoded in sequence order as its frames
     * are placed, so stateful decoders see their packets as the sender encoded them.
     *
     * @param limit the most samples per channel a call can have
     * @throws DamagedCaptureException as soon as audio lands beyond the limit (its timestamps are damaged)
     */
    public long render(PcmSink sink, long limit) throws IOException {
        Mixer mixer = new Mixer(sink);
        Map<RtpStream.Key, StreamPlacer> placers = new LinkedHashMap<>();
        sides.forEach((key, side) -> {
            Codec decoder = decoderAtCallRate(streams.get(key));
            int channel = side == Side.REMOTE ? Mixer.LEFT : Mixer.RIGHT;
            placers.put(key, placer(key, decoder, f -> {
                if (f.end() > limit) {
                    throw new DamagedCaptureException(String.format("the capture's timestamps span more than %.1f hours, "
                            + "longer than any call recording; they are damaged", limit / 3600.0 / sampleRate));
                }
                if (f.lostSamples() > 0) {
                    mixer.conceal(channel, f.position() - f.lostSamples(), f.lostSamples(), decoder, f.payload());
                }
                mixer.decode(channel, f.position(), f.samples(), decoder, f.payload());
            }));
        });
        try {
            replay(placers, watermarkNanos -> {
                // positions follow capture time less network delay; the margin covers that delay
                long safe = watermarkNanos - RENDER_MARGIN_NANOS - startNanos;
                if (safe > 0) {
                    mixer.renderUntil(safe * sampleRate / 1_000_000_000L);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long frames = mixer.finish();
        latePackets = placers.values().stream().mapToLong(StreamPlacer::latePackets).sum();
        lateSamples = mixer.lateSamples();
        return frames;
    }

    /** Packets and samples the last {@link #render} could not place because they arrived too late. */
    public String lateness() {
        return latePackets == 0 && lateSamples == 0 ? null
                : latePackets + " packets arrived too late to be placed, " + lateSamples + " samples came after their place was written";
    }

    /**
     * Places one stream's frames on a timeline whose sample 0 is {@code originNanos}, at the codec's own rate;
     * for tests and tools that look at a single stream.
     */
    public void place(RtpStream stream, Codec codec, long originNanos, Consumer<StreamPlacer.PlacedFrame> out) {
        replay(Map.of(stream.key(), new StreamPlacer(codec, stream.dominantPayloadType(), originNanos, out)), watermark -> { });
    }

    private StreamPlacer placer(RtpStream.Key key, Codec codec, Consumer<StreamPlacer.PlacedFrame> out) {
        RtpStream stream = streams.get(key);
        StreamPlacer placer = new StreamPlacer(codec, stream.dominantPayloadType(), startNanos, out);
        long start = streamStartNanos(key);
        if (start != stream.firstCaptureNanos()) {
            placer.firstRecordAt(start);
        }
        return placer;
    }

    /** When a stream's audio began, its first record's capture time unless that is damaged. */
    private long streamStartNanos(RtpStream.Key key) {
        return streams.get(key).startNanos(codecs.get(key).clockRate());
    }

    /** Beyond any network delay between a sender and the capture; the render waits this long behind the capture. */
    static final long RENDER_MARGIN_NANOS = 5_000_000_000L;
    /** How often (in capture time) the placers are told how far the capture has got. */
    static final long ADVANCE_STEP_NANOS = 100_000_000L;

    /** What a pass can be sure of: no frame still to come was captured before this time. */
    @FunctionalInterface
    private interface Watermark {
        void reached(long nanos) throws IOException;
    }

    /** Reads the capture again, feeding each placed stream's packets to its placer in arrival order. */
    private void replay(Map<RtpStream.Key, StreamPlacer> placers, Watermark watermark) {
        ReplayClock clock = new ReplayClock();
        new CaptureReader().read(capture, datagram -> {
            RtpPacket packet = RtpPacket.parse(datagram.data(), datagram.offset(), datagram.length());
            if (packet == null) {
                return;
            }
            long now = clock.reach(datagram.captureNanos());
            StreamPlacer placer = placers.get(new RtpStream.Key(packet.ssrc(), datagram.source(), datagram.destination()));
            if (placer != null) {
                placer.add(datagram.captureNanos(), packet);
                if (now != Long.MIN_VALUE) {
                    placer.advance(now);
                }
            }
            if (now != Long.MIN_VALUE && now >= clock.nextAdvance) {
                clock.nextAdvance = now + ADVANCE_STEP_NANOS;
                long pending = now - StreamPlacer.REORDER_NANOS;
                for (StreamPlacer p : placers.values()) {
                    p.advance(now);
                    pending = Math.min(pending, p.pendingSinceNanos());
                }
                try {
                    watermark.reached(pending);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        placers.values().forEach(StreamPlacer::finish);
    }

    /**
     * How far a replay has got in capture time. It moves only as far as two packets in a row have reached: one
     * record whose capture time is damaged would otherwise jump it hours ahead and release everything after it as
     * late.
     */
    private static final class ReplayClock {
        long now = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE; // the last packet's capture time
        long nextAdvance = Long.MIN_VALUE; // when to tell the placers next

        /** Long.MIN_VALUE until the second packet: the first alone might be damaged. */
        long reach(long captured) {
            if (previous != Long.MIN_VALUE) {
                now = Math.max(now, Math.min(previous, captured));
            }
            previous = captured;
            return now;
        }
    }
}
