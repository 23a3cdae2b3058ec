package io.verbatim.media;

import java.time.Instant;
import java.util.List;

/** What converting one capture produced, for the catalog. */
public record ConversionResult(Instant start, long frames, int sampleRate, String codec,
                               int remoteStreams, int localStreams, List<String> warnings,
                               Waveform waveform) {
    public double durationSeconds() {
        return (double) frames / sampleRate;
    }
}
