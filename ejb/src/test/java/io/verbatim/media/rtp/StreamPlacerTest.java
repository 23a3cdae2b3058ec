package io.verbatim.media.rtp;

import static io.verbatim.media.fixture.TestCaptures.constant;
import static io.verbatim.media.fixture.TestCaptures.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.codec.g711.G711;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamPlacerTest {

    static final long T0 = 1_700_000_000_000_000_000L; // ns

    @Test
    void aLongCallIsPlacedWhileHoldingOnlyAWindowOfIt() {
        List<StreamPlacer.PlacedFrame> placed = new ArrayList<>();
        StreamPlacer placer = new StreamPlacer(G711.A_LAW, 8, T0, placed::add);
        int packets = 30 * 60 * 50; // half an hour of 20 ms packets
        long mostHeld = 0;
        for (int i = 0; i < packets; i++) {
            long captured = T0 + i * 20_000_000L + (i % 7) * 1_000_000L; // some jitter
            byte[] d = rtp(8, false, i & 0xffff, i * 160L, 1, constant(0xd5, 160));
            placer.add(captured, RtpPacket.parse(d, d.length));
            placer.advance(captured);
            mostHeld = Math.max(mostHeld, i + 1 - placed.size());
        }
        placer.finish();

        // a stretch of audio being anchored plus the reorder window, never the call
        long window = (StreamPlacer.ANCHOR_SECONDS + StreamPlacer.REORDER_NANOS / 1_000_000_000L + 1) * 50;
        assertThat(mostHeld).isLessThanOrEqualTo(window);
        assertThat(placed).hasSize(packets);
        for (int i = 0; i < packets; i++) {
            assertThat(placed.get(i).sequence()).isEqualTo(i);
            assertThat(placed.get(i).position()).as("packet %d", i).isEqualTo(i * 160L);
        }
        assertThat(placer.latePackets()).isZero();
    }

    @Test
    void aQuietStreamPlacesWhatItHoldsSoTheOtherPartyIsNotHeldUp() {
        List<StreamPlacer.PlacedFrame> placed = new ArrayList<>();
        StreamPlacer placer = new StreamPlacer(G711.A_LAW, 8, T0, placed::add);
        for (int i = 0; i < 10; i++) {
            byte[] d = rtp(8, false, i, i * 160L, 1, constant(0xd5, 160));
            placer.add(T0 + i * 20_000_000L, RtpPacket.parse(d, d.length));
        }
        placer.advance(T0 + 2_000_000_000L);
        assertThat(placed).isEmpty();
        assertThat(placer.pendingSinceNanos()).isEqualTo(T0);

        placer.advance(T0 + 6_000_000_000L); // the capture went on; this stream said nothing for over 5 s
        assertThat(placed).hasSize(10);
        assertThat(placer.pendingSinceNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void missingPacketsWhoseTimeLiesBetweenAreLossButAPauseInTheTimestampsIsNot() {
        List<StreamPlacer.PlacedFrame> placed = new ArrayList<>();
        StreamPlacer placer = new StreamPlacer(G711.A_LAW, 8, T0, placed::add);
        // sequence numbers and timestamps (in 20 ms packets) of what arrives
        long[][] packets = {{0, 0}, {1, 1}, {4, 4}, {5, 5}, {6, 56}, {9, 59}, {11, 100}};
        for (long[] p : packets) {
            byte[] d = rtp(8, false, (int) p[0], p[1] * 160, 1, constant(0xd5, 160));
            placer.add(T0 + p[1] * 20_000_000L, RtpPacket.parse(d, d.length));
        }
        placer.finish();

        assertThat(placed).extracting(StreamPlacer.PlacedFrame::sequence).containsExactly(0L, 1L, 4L, 5L, 6L, 9L, 11L);
        assertThat(placed).extracting(StreamPlacer.PlacedFrame::lostSamples)
                .as("two packets lost; a second of silence suppression; two lost; one missing across 40 packets' time")
                .containsExactly(0, 0, 320, 0, 0, 320, 0);
    }
}
