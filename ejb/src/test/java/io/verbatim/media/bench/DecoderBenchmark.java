package io.verbatim.media.bench;

import io.verbatim.media.codec.Codec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Our decoders alone, without the capture reader, the timeline or the WAV around them, on one direction of the
 * benchmark's calls: the figure to hold against the reference decoders in C that {@code ear/bin/bench} runs on the
 * same payloads (bcg729, spandsp, libopus; {@code ejb/src/test/c/reference_decoders.c}). Each codec's payloads are
 * also written out for them, as a 2-byte big-endian length before each payload. Run by {@code ear/bin/bench},
 * never by the test suite.
 *
 * <p>Arguments: the folder for the payload files, then the length of the direction in minutes (default 60).
 */
public final class DecoderBenchmark {

    // where the decoded samples' sums go, so that the JIT cannot leave the decoding out as unused
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path root = ConversionBenchmark.corpus();
        BenchTable table = new BenchTable(folder.resolve("decoders.tsv"), "codec", "seconds", "minutes", "sample_rate", "hours_per_minute");
        for (ConversionBenchmark.Source source : ConversionBenchmark.SOURCES) {
            if (source.payloadType() == 0 || source.payloadType() == 8) {
                continue; // G.711 is a table lookup per byte: no reference decoder to hold it against
            }
            ConversionBenchmark.Payloads sent = ConversionBenchmark.Payloads.of(
                    root.resolve("captures").resolve(source.capture()), source);
            List<byte[]> payloads = loop(sent, minutes);
            write(payloads, folder.resolve(source.fileStem() + ".payloads"));

            Codec codec = sent.codec();
            short[] out = new short[codec.sampleRate()]; // a second: more than any packet holds
            decode(codec, payloads, out); // warm-up: JIT
            long best = Long.MAX_VALUE;
            for (int run = 0; run < ConversionBenchmark.RUNS; run++) {
                long t0 = System.nanoTime();
                sink += decode(codec, payloads, out);
                best = Math.min(best, System.nanoTime() - t0);
            }
            double seconds = best / 1e9;
            System.out.printf("%-12s %6.2f s for %d min of one direction at %d Hz: %6.1f h per minute%n",
                    source.codec(), seconds, minutes, codec.sampleRate(), (minutes / 60.0) / (seconds / 60.0));
            table.add(source.codec(), seconds, minutes, codec.sampleRate(), (minutes / 60.0) / (seconds / 60.0));
        }
    }

    /** The source's payloads repeated until they last {@code minutes}. */
    private static List<byte[]> loop(ConversionBenchmark.Payloads sent, int minutes) {
        Codec codec = sent.codec();
        long wanted = minutes * 60L * codec.sampleRate();
        List<byte[]> payloads = new ArrayList<>();
        long samples = 0;
        for (int i = 0; samples < wanted; i++) {
            byte[] payload = sent.payloads().get(i % sent.payloads().size());
            payloads.add(payload);
            samples += codec.samplesIn(payload, 0, payload.length);
        }
        return payloads;
    }

    private static void write(List<byte[]> payloads, Path file) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            for (byte[] payload : payloads) {
                out.writeShort(payload.length);
                out.write(payload);
            }
        }
    }

    /** Decodes the whole direction with a fresh decoder; returns a sum of some of the output. */
    private static long decode(Codec codec, List<byte[]> payloads, short[] out) {
        Codec decoder = codec.newDecoder();
        long sum = 0;
        for (byte[] payload : payloads) {
            int samples = decoder.decode(payload, 0, payload.length, out, 0);
            sum += out[0] + out[samples - 1];
        }
        return sum;
    }
}
