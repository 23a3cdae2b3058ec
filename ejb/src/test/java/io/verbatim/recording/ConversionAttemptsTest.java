package io.verbatim.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a recording's conversion attempts are counted: a claim counts, a full disk's postponement does not. */
class ConversionAttemptsTest {

    private static Recording received() {
        return new Recording("pbx.example.com", "call.pcap", "call", "009033aabbcc", "1", "alice", Instant.now(),
                "sha256:" + "0".repeat(64), 1000, "0".repeat(64));
    }

    @Test
    void eachClaimCountsAndAReleaseKeepsTheCount() {
        Recording r = received();
        r.claim("node-a", Instant.now());
        r.release(); // the node died, or the watchdog stopped it
        r.claim("node-b", Instant.now());
        assertThat(r.getConversionAttempts()).isEqualTo(2);
        assertThat(r.getState()).isEqualTo(RecordingState.CONVERTING);
        assertThat(r.getClaimedBy()).isEqualTo("node-b");
    }

    @Test
    void aPostponementForWantOfRoomGivesTheAttemptBack() {
        Recording r = received();
        r.claim("node-a", Instant.now());
        r.postpone();
        assertThat(r.getConversionAttempts()).isZero();
        assertThat(r.getState()).isEqualTo(RecordingState.RECEIVED);
        assertThat(r.getClaimedBy()).isNull();
        r.postpone(); // only a claimed recording goes back
        assertThat(r.getConversionAttempts()).isZero();
    }
}
