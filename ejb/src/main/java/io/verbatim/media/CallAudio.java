package io.verbatim.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final Map<RtpStream.Key, RtpStream> streams;
    private final PayloadMap payloads;
    private final Map<RtpStream.Key, Codec> codecs = new LinkedHashMap<>();
    private final Map<RtpStream.Key, Side> sides = new LinkedHashMap<>();
    private final CaptureReader.Summary summary;
    private final long startNanos;
    private final int sampleRate;

    private CallAudio(Map<RtpStream.Key, RtpStream> streams, PayloadMap payloads, CaptureReader.Summary summary) {
        this.streams = streams;
        this.payloads = payloads;
        this.summary = summary;
        streams.forEach((key, stream) -> payloads.codecFor(stream).ifPresent(codec -> codecs.put(key, codec)));
        assignSides();
        // the call starts with its first audio, not with a stray datagram that merely parses as RTP
        this.startNanos = sides.keySet().stream().mapToLong(key -> streams.get(key).firstCaptureNanos()).min().orElse(0);
        this.sampleRate = sides.keySet().stream().mapToInt(key -> codecs.get(key).sampleRate()).max().orElse(8000);
    }

    /** Reads a capture and groups its RTP into streams; Opus is decoded at {@link Opus#DEFAULT_SAMPLE_RATE}. */
    public static CallAudio read(Path capture) {
        return read(capture, Opus.DEFAULT_SAMPLE_RATE);
    }

    /** Reads a capture and groups its RTP into streams, learning dynamic payload types from its SDP. */
    public static CallAudio read(Path capture, int opusSampleRate) {
        Map<RtpStream.Key, RtpStream> streams = new LinkedHashMap<>();
        PayloadMap payloads = new PayloadMap(opusSampleRate);
        CaptureReader.Summary summary = new CaptureReader().read(capture, datagram -> {
            byte[] data = datagram.payload();
            RtpPacket packet = RtpPacket.parse(data, data.length);
            if (packet != null) {
                RtpStream.Key key = new RtpStream.Key(packet.ssrc(), datagram.source(), datagram.destination());
                streams.computeIfAbsent(key, RtpStream::new).add(datagram.captureNanos(), packet);
            } else {
                payloads.learnFrom(data);
            }
        });
        return new CallAudio(streams, payloads, summary);
    }

    /** The codec of a stream's audio (a fresh decoder each time), when the engine decodes it. */
    public Optional<Codec> codec(RtpStream stream) {
        Codec codec = codecs.get(stream.key());
        return codec == null ? Optional.empty() : Optional.of(codec.newDecoder());
    }

    /**
     * A decoder delivering the call's {@link #sampleRate()} for a stream of one of its sides.
     *
     * @throws UnsupportedCodecException when the stream's rate does not divide the call's
     */
    private Codec decoderAtCallRate(RtpStream stream) {
        Codec codec = codecs.get(stream.key()).newDecoder();
        if (codec.sampleRate() == sampleRate) {
            return codec;
        }
        if (sampleRate % codec.sampleRate() != 0) {
            throw new UnsupportedCodecException("mix of sample rates " + codec.sampleRate() + " and " + sampleRate + " Hz");
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

    /** Frames of one side placed on the call's timeline. */
    public List<RtpStream.PlacedFrame> placed(Side side) {
        List<RtpStream.PlacedFrame> all = new ArrayList<>();
        for (RtpStream stream : streams(side)) {
            // one decoder per stream: G.729 and others carry state from frame to frame
            all.addAll(stream.place(decoderAtCallRate(stream), startNanos));
        }
        return all;
    }
}
