package io.verbatim.web.api.recordings;

import io.verbatim.media.Waveform;

/**
 * A recording's waveform: for each party, its loudest moment per stretch of {@code stretchMillis}, 0 (silence) to 255
 * (full scale); the first stretch starts with the audio.
 */
public record WaveformView(long recordingId, int stretchMillis, int[] remote, int[] local) {

    static WaveformView of(long recordingId, Waveform w) {
        return new WaveformView(recordingId, w.stretchMillis(), unsigned(w.remote()), unsigned(w.local()));
    }

    private static int[] unsigned(byte[] peaks) {
        int[] values = new int[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            values[i] = peaks[i] & 0xff;
        }
        return values;
    }
}
