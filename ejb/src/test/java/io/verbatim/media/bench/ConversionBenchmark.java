package io.verbatim.media.bench;

import io.verbatim.media.CaptureConverter;
import io.verbatim.media.codec.Codec;
import io.verbatim.media.codec.opus.Opus;
import io.verbatim.media.fixture.Corpus;
import io.verbatim.media.fixture.TestCaptures;
import io.verbatim.media.render.CallAudio;
import io.verbatim.media.rtp.RtpStream;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The media engine's speed: for each codec, an hour-long two-party capture is generated from real payloads of
 * the shared corpus (re-sequenced, re-stamped, both directions), converted to stereo WAV on one thread, and the
 * result printed as hours of audio per minute per core. Run by {@code ear/bin/bench}, never by the test suite.
 *
 * <p>Arguments: the folder for the generated captures, then the call length in minutes (default 60).
 */
public final class ConversionBenchmark {

    record Source(String codec, String capture, int payloadType) {

        /** The codec's name as the generated files start with it (ear/bin/bench finds them so). */
        String fileStem() {
            return codec.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }

    static final List<Source> SOURCES = List.of(
            new Source("G.711 A-law", "sipp/pcap/g711a.pcap", 8),
            new Source("G.722", "sipnab/tests/pcap-samples/sip-rtp-g722.pcap", 9),
            new Source("G.729", "sipnab/tests/pcap-samples/sip-rtp-g729a.pcap", 18),
            // Opus twice: SILK-only narrowband, decoded at the output rate directly, is the cheapest kind; hybrid
            // super-wideband, as Asterisk with pjsip sends it, is decoded at 48 kHz and decimated
            new Source("Opus SILK", "testsuite/tests/codecs/opus/fec/16_bit_48khz_60_fec_rtp.pcapng", 107),
            new Source("Opus hybrid",
                    "testsuite/tests/channels/pjsip/dtmf_sdp/dtmf_sdp_recognition/sipp/opus-2013785496.pcap", 96));

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path root = corpus();
        System.out.printf("Generated %d-minute two-party captures; conversion to stereo WAV on one thread%n", minutes);
        BenchTable table = new BenchTable(folder.resolve("engine.tsv"), "codec", "seconds", "minutes", "capture_mb", "hours_per_minute");
        // all captures first, so that writing them out does not compete with the timed conversions
        for (Source source : SOURCES) {
            generate(root.resolve("captures").resolve(source.capture()), source, minutes, capture(folder, source, minutes));
        }
        for (Source source : SOURCES) {
            Path capture = capture(folder, source, minutes);
            Path wav = folder.resolve("out.wav");
            convert(capture, wav); // warm-up: JIT, class loading
            long best = Long.MAX_VALUE;
            for (int run = 0; run < RUNS; run++) {
                // a new file each run, as the server writes each recording: overwriting the last run's output
                // would time the kernel freeing it too
                Files.deleteIfExists(wav);
                long t0 = System.nanoTime();
                convert(capture, wav);
                best = Math.min(best, System.nanoTime() - t0);
            }
            double seconds = best / 1e9;
            double hoursPerMinute = (minutes / 60.0) / (seconds / 60.0);
            System.out.printf("%-12s %6.2f s for %d min of audio (%d MB capture): %8.1f h of audio per minute per core%n",
                    source.codec(), seconds, minutes, Files.size(capture) >> 20, hoursPerMinute);
            table.add(source.codec(), seconds, minutes, Files.size(capture) >> 20, hoursPerMinute);
            Files.deleteIfExists(wav);
        }
        // long calls for the memory run that ear/bin/bench starts in a capped JVM (ConversionMemoryBenchmark)
        for (Source source : SOURCES) {
            generate(root.resolve("captures").resolve(source.capture()), source, MEMORY_MINUTES, capture(folder, source, MEMORY_MINUTES));
        }
    }

    /** The shared corpus, whose payloads the benchmarks send. */
    static Path corpus() {
        Path root = Corpus.root();
        if (root == null) {
            throw new IllegalStateException("the shared corpus is needed: the benchmarks send its payloads");
        }
        return root;
    }

    /** The best of this many timed runs counts: the others met the disk writing back earlier output. */
    static final int RUNS = 5;

    private static Path capture(Path folder, Source source, int minutes) {
        return folder.resolve(source.fileStem() + "-" + minutes + "min.pcap");
    }

    /** The long call: four hours must convert in under 64 MB of heap. */
    static final int MEMORY_MINUTES = 240;

    static void convert(Path capture, Path wav) throws Exception {
        try (FileChannel out = FileChannel.open(wav, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            new CaptureConverter().toStereoWav(capture, out);
        }
    }

    /** One direction of a source capture: its payloads in order, and the decoder the engine chose for them. */
    record Payloads(Codec codec, List<byte[]> payloads) {

        static Payloads of(Path sourceCapture, Source source) throws Exception {
            CallAudio call = CallAudio.read(sourceCapture, Opus.DEFAULT_SAMPLE_RATE);
            RtpStream stream = call.streams().stream()
                    .filter(s -> s.dominantPayloadType() == source.payloadType()).findFirst().orElseThrow();
            Codec codec = call.codec(stream).orElseThrow();
            List<byte[]> payloads = new ArrayList<>();
            call.place(stream, codec, stream.firstCaptureNanos(), f -> payloads.add(f.payload()));
            return new Payloads(codec, payloads);
        }
    }

    /**
     * A long call of a codec of {@link #SOURCES} (by its name, e.g. "Opus hybrid") from the shared corpus' payloads,
     * for tests elsewhere that need a capture which takes a while to convert.
     */
    public static Path generate(String codec, int minutes, Path target) throws Exception {
        Source source = SOURCES.stream().filter(s -> s.codec().equals(codec)).findFirst().orElseThrow();
        generate(corpus().resolve("captures").resolve(source.capture()), source, minutes, target);
        return target;
    }

    /** An innovaphone-shaped call: local on UDP 16386, remote on 16388, the source's payloads looped. */
    static void generate(Path sourceCapture, Source source, int minutes, Path target) throws Exception {
        Payloads sent = Payloads.of(sourceCapture, source);
        Codec codec = sent.codec();
        List<byte[]> payloads = sent.payloads();
        long endMicros = minutes * 60_000_000L;
        long startMicros = 1_700_000_000_000_000L;
        Map<Integer, Long> ssrc = Map.of(16386, 0x1111L, 16388, 0x2222L);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            out.write(new TestCaptures.PcapBuilder().bytes());
            long micros = 0;
            long timestamp = 0;
            for (int i = 0; micros < endMicros; i++) {
                byte[] payload = payloads.get(i % payloads.size());
                // each payload keeps its own duration (the sources use 20 or 30 ms packets)
                int samples = codec.samplesIn(payload, 0, payload.length);
                long ticks = (long) samples * codec.clockRate() / codec.sampleRate();
                for (int port : new int[]{16386, 16388}) {
                    int other = port == 16386 ? 16388 : 16386;
                    byte[] rtp = TestCaptures.rtp(source.payloadType(), false, i & 0xffff, timestamp, ssrc.get(port), payload);
                    byte[] record = new TestCaptures.PcapBuilder()
                            .udp(startMicros + micros + (port == 16386 ? 0 : 300), "10.0.0.5", port, "10.0.0.9", other, rtp)
                            .bytes();
                    out.write(record, 24, record.length - 24); // the record without the file header
                }
                micros += samples * 1_000_000L / codec.sampleRate();
                timestamp += ticks;
            }
        }
    }
}
