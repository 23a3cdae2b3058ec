package io.verbatim.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.recording.RecordingCatalog.AudioUse;
import org.junit.jupiter.api.Test;

/** Which fetches of a recording's audio count as a play in the action log. */
class AudioUseTest {

    @Test
    void aPlayerFetchingTheStartPlaysOnceAndWhatItSeeksToLaterContinuesThatPlay() {
        assertThat(AudioUse.of(false, null)).isEqualTo(AudioUse.PLAY);
        assertThat(AudioUse.of(false, "bytes=0-")).isEqualTo(AudioUse.PLAY);
        assertThat(AudioUse.of(false, "bytes = 0-1023")).isEqualTo(AudioUse.PLAY);
        assertThat(AudioUse.of(false, "bytes=88200-")).isEqualTo(AudioUse.CONTINUED_PLAY);
        assertThat(AudioUse.of(false, "bytes=-500")).as("the end only").isEqualTo(AudioUse.CONTINUED_PLAY);
    }

    @Test
    void aDownloadIsADownloadWhateverRangeItAsks() {
        assertThat(AudioUse.of(true, null)).isEqualTo(AudioUse.DOWNLOAD);
        assertThat(AudioUse.of(true, "bytes=88200-")).isEqualTo(AudioUse.DOWNLOAD);
    }
}
