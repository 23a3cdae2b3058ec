package io.verbatim.media.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The media engine's memory: converts one capture to stereo WAV in this JVM, whose heap {@code ear/bin/bench}
 * caps (-Xmx) before starting it on a generated 4-hour call; that the conversion finishes shows the bound. Never
 * run by the test suite.
 *
 * <p>Arguments: the capture, the WAV to write, and a label for the printed line.
 */
public final class ConversionMemoryBenchmark {

    public static void main(String[] args) throws Exception {
        Path capture = Path.of(args[0]);
        Path wav = Path.of(args[1]);
        long t0 = System.nanoTime();
        ConversionBenchmark.convert(capture, wav);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-12s %d-minute call (%d MB capture) converted in %.1f s with the heap capped at %d MB%n",
                args[2], ConversionBenchmark.MEMORY_MINUTES, Files.size(capture) >> 20, seconds,
                Runtime.getRuntime().maxMemory() >> 20);
        Files.deleteIfExists(wav);
    }
}
