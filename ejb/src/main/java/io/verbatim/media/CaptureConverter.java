package io.verbatim.media;

import io.verbatim.media.capture.CaptureFormat;
import io.verbatim.media.capture.DamagedCaptureException;
import io.verbatim.media.codec.opus.Opus;
import io.verbatim.media.output.AudioWriter;
import io.verbatim.media.output.Mp3Writer;
import io.verbatim.media.output.WavWriter;
import io.verbatim.media.render.CallAudio;
import io.verbatim.media.render.MixedRatesException;
import io.verbatim.media.render.PcmSink;
import io.verbatim.media.render.PeakMeter;
import io.verbatim.media.render.Side;
import io.verbatim.media.rtp.RtpStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a capture into the audio of a call, both parties aligned on capture time: by default a stereo WAV with
 * the remote party left and the local party right; other layouts and formats by {@link OutputFormat}.
 */
public final class CaptureConverter {

    /** No call recording runs longer; a timeline that does comes from damaged timestamps. */
    static final long MAX_CALL_HOURS = 24;

    /** Times in the comment have a fixed length, so the header written before the end was known keeps its size. */
    private static final DateTimeFormatter COMMENT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final int opusSampleRate;

    public CaptureConverter() {
        this(Opus.DEFAULT_SAMPLE_RATE);
    }

    /** @param opusSampleRate the rate Opus streams are delivered at (8, 12, 16, 24 or 48 kHz) */
    public CaptureConverter(int opusSampleRate) {
        this.opusSampleRate = opusSampleRate;
    }

    /** A stereo 16-bit WAV: left remote party, right local party. */
    public ConversionResult toStereoWav(Path capture, SeekableByteChannel out) throws IOException {
        return convert(capture, out, OutputFormat.STEREO_WAV, null);
    }

    /**
     * Converts a capture into {@code format}, written from the channel's position; the file carries {@code tags} (may
     * be null), the call's start and end, and which party is in which channel (WAV: INFO chunk, MP3: ID3 tag).
     *
     * @throws InvalidCaptureException when the file is no readable capture or holds no RTP audio
     * @throws UnsupportedCodecException when its audio is in a codec this engine does not decode
     */
    public ConversionResult convert(Path capture, SeekableByteChannel out, OutputFormat format, AudioTags tags) throws IOException {
        try {
            return render(capture, out, format, tags);
        } catch (DamagedCaptureException e) { // the stages' own failures, as this engine's callers know them
            throw new InvalidCaptureException(e.getMessage(), e);
        } catch (MixedRatesException e) {
            throw new UnsupportedCodecException(e.getMessage());
        }
    }

    /**
     * The waveform of a capture alone, no audio written: for recordings converted before waveforms were kept.
     *
     * @throws InvalidCaptureException when the file is no readable capture or holds no RTP audio
     * @throws UnsupportedCodecException when its audio is in a codec this engine does not decode
     */
    public Waveform waveform(Path capture) throws IOException {
        try {
            CallAudio call = CallAudio.read(capture, opusSampleRate);
            if (call.streams(Side.REMOTE).isEmpty() && call.streams(Side.LOCAL).isEmpty()) {
                throw new InvalidCaptureException("no RTP audio found in the capture");
            }
            PeakMeter meter = meter(call.sampleRate());
            call.render(meter, MAX_CALL_HOURS * 3600 * call.sampleRate());
            return waveform(meter, call.sampleRate());
        } catch (DamagedCaptureException e) {
            throw new InvalidCaptureException(e.getMessage(), e);
        } catch (MixedRatesException e) {
            throw new UnsupportedCodecException(e.getMessage());
        }
    }

    private static PeakMeter meter(int sampleRate) {
        return new PeakMeter((long) sampleRate * Waveform.FIRST_STRETCH_MILLIS / 1000, Waveform.MAX_STRETCHES);
    }

    /** The mixer renders left = remote, right = local. */
    private static Waveform waveform(PeakMeter meter, int sampleRate) {
        return new Waveform((int) (meter.stretchFrames() * 1000 / sampleRate), meter.left(), meter.right());
    }

    /**
     * Whether {@code head}, the first bytes of an upload, start a capture this engine reads (pcap or pcapng, by the
     * first four bytes): an upload that does not is refused before anything is converted.
     */
    public static boolean recognises(byte[] head, int length) {
        return CaptureFormat.detect(head, length) != null;
    }

    private ConversionResult render(Path capture, SeekableByteChannel out, OutputFormat format, AudioTags tags) throws IOException {
        CallAudio call = CallAudio.read(capture, opusSampleRate);
        List<RtpStream> remote = call.streams(Side.REMOTE);
        List<RtpStream> local = call.streams(Side.LOCAL);
        if (remote.isEmpty() && local.isEmpty()) {
            int unsupported = call.unsupportedPayloadType();
            if (unsupported >= 0) {
                throw new UnsupportedCodecException(call.describe(unsupported));
            }
            throw new InvalidCaptureException("no RTP audio found in the capture ("
                    + call.summary().frames() + " frames, " + call.summary().datagrams() + " UDP datagrams)");
        }
        Set<String> codecs = new LinkedHashSet<>();
        for (RtpStream s : call.streams()) {
            if (remote.contains(s) || local.contains(s)) {
                call.codec(s).ifPresent(c -> codecs.add(c.name()));
            }
        }
        int sampleRate = call.sampleRate();
        List<String> warnings = new ArrayList<>();
        if (remote.isEmpty()) {
            warnings.add("no audio from the remote party: its channel is silent");
        }
        if (local.isEmpty()) {
            warnings.add("no audio from the local party: its channel is silent");
        }
        if (call.summary().damaged() > 0) {
            warnings.add(call.summary().damaged() + " damaged frames skipped");
        }
        if (call.summary().truncation() != null) {
            warnings.add("capture ends in a truncated record; converted what was there (" + call.summary().truncation() + ")");
        }
        long limit = Math.min(WavWriter.maxFrames(2), MAX_CALL_HOURS * 3600 * sampleRate);
        Instant start = Instant.ofEpochSecond(0, call.startNanos());
        int channels = format.layout().channels();
        Map<String, String> provisional = info(tags, start, 0, sampleRate, format.layout()); // the end comes last
        AudioWriter writer = switch (format.container()) {
            case WAV, WAV_ALAW -> new WavWriter(out, sampleRate, channels, format.container() == OutputFormat.Container.WAV_ALAW,
                    provisional);
            case MP3 -> new Mp3Writer(out, sampleRate, channels, format.mp3BitrateKbps(), provisional);
        };
        PeakMeter meter = meter(sampleRate); // both parties apart, before the layout may mix them
        PcmSink file = arranged(format.layout(), writer);
        long frames = call.render((left, right, count) -> {
            meter.write(left, right, count);
            file.write(left, right, count);
        }, limit);
        writer.finish(info(tags, start, frames, sampleRate, format.layout()));
        if (call.lateness() != null) {
            warnings.add(call.lateness());
        }
        return new ConversionResult(start, frames, sampleRate, String.join(", ", codecs),
                remote.size(), local.size(), List.copyOf(warnings), waveform(meter, sampleRate));
    }

    /** The mixer renders left = remote, right = local; the layout decides what reaches the file. */
    private static PcmSink arranged(OutputFormat.Layout layout, AudioWriter writer) {
        return switch (layout) {
            case STEREO, REMOTE_ONLY -> writer;
            case LOCAL_ONLY -> (left, right, frames) -> writer.write(right, left, frames);
            case MONO -> new PcmSink() {
                private short[] mix = new short[0];

                @Override
                public void write(short[] left, short[] right, int frames) throws IOException {
                    if (mix.length < frames) {
                        mix = new short[frames];
                    }
                    for (int i = 0; i < frames; i++) {
                        mix[i] = (short) ((left[i] + right[i]) >> 1); // halved: the sum never clips
                    }
                    writer.write(mix, mix, frames);
                }
            };
        };
    }

    private static Map<String, String> info(AudioTags tags, Instant start, long frames, int sampleRate, OutputFormat.Layout layout) {
        Map<String, String> info = new LinkedHashMap<>();
        if (tags != null && tags.title() != null) {
            info.put("INAM", tags.title());
        }
        if (tags != null && tags.artist() != null) {
            info.put("IART", tags.artist());
        }
        if (tags != null && tags.album() != null) {
            info.put("IPRD", tags.album());
        }
        Instant end = start.plusNanos(frames * 1_000_000_000L / sampleRate);
        info.put("ICRD", start.toString());
        info.put("ICMT", (tags != null && tags.comment() != null ? tags.comment() + "; " : "") + "start " + COMMENT_TIME.format(start)
                + "; end " + COMMENT_TIME.format(end) + "; " + switch (layout) {
            case STEREO -> "left: remote party, right: local party";
            case MONO -> "both parties mixed";
            case REMOTE_ONLY -> "remote party only";
            case LOCAL_ONLY -> "local party only";
        });
        info.put("ISFT", "Verbatim");
        return info;
    }
}
