package io.verbatim.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.codec.g711.G711;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MixerTest {

    /** What a mixer wrote, channel by channel. */
    private static final class Recorded implements PcmSink {
        final ByteArrayOutputStream left = new ByteArrayOutputStream();
        final ByteArrayOutputStream right = new ByteArrayOutputStream();
        int calls;

        @Override
        public void write(short[] l, short[] r, int frames) {
            calls++;
            for (int i = 0; i < frames; i++) {
                left.write(l[i] >> 8);
                left.write(l[i]);
                right.write(r[i] >> 8);
                right.write(r[i]);
            }
        }

        static short[] samples(ByteArrayOutputStream channel) {
            byte[] b = channel.toByteArray();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[2 * i] << 8) | (b[2 * i + 1] & 0xff));
            }
            return s;
        }
    }

    private static short[] constant(int n, int value) {
        short[] s = new short[n];
        java.util.Arrays.fill(s, (short) value);
        return s;
    }

    @Test
    void framesLandAtTheirPositionsWithSilenceBetweenAndTheLastAddedWinsWhereTheyOverlap() throws IOException {
        Recorded out = new Recorded();
        Mixer mixer = new Mixer(out);
        mixer.add(Mixer.LEFT, 100, constant(160, 7), 160);
        mixer.add(Mixer.LEFT, 200, constant(160, 9), 100); // only the first 100 count
        mixer.add(Mixer.RIGHT, 950, constant(160, 5), 160); // the furthest end: the call's length
        assertThat(mixer.finish()).as("length").isEqualTo(1110);

        short[] left = Recorded.samples(out.left);
        short[] right = Recorded.samples(out.right);
        assertThat(left).hasSize(1110);
        assertThat(right).hasSize(1110);
        assertThat(left[99]).isZero();
        assertThat(left[100]).isEqualTo((short) 7);
        assertThat(left[199]).isEqualTo((short) 7);
        assertThat(left[200]).isEqualTo((short) 9);
        assertThat(left[299]).isEqualTo((short) 9);
        assertThat(left[300]).isZero();
        assertThat(right[949]).isZero();
        assertThat(right[950]).isEqualTo((short) 5);
        assertThat(right[1109]).isEqualTo((short) 5);
        assertThat(left[1109]).isZero();
    }

    @Test
    void framesBeforeTheWrittenPartAreCountedLateAndFramesFarAheadGrowTheRingAcrossItsTurn() throws IOException {
        Recorded out = new Recorded();
        Mixer mixer = new Mixer(out);
        mixer.add(Mixer.LEFT, 0, constant(160, 1), 160);
        mixer.add(Mixer.RIGHT, 4L * Mixer.BLOCK_FRAMES, constant(160, 4), 160);
        mixer.renderUntil(Mixer.BLOCK_FRAMES + 10); // one whole block written
        assertThat(out.calls).isEqualTo(1);

        mixer.add(Mixer.LEFT, Mixer.BLOCK_FRAMES - 60, constant(160, 2), 160); // 60 samples too late
        assertThat(mixer.lateSamples()).isEqualTo(60);
        mixer.renderUntil(3L * Mixer.BLOCK_FRAMES); // the ring turns
        long farAhead = 12L * Mixer.BLOCK_FRAMES - 80; // beyond the ring's first size, straddling a block edge
        mixer.add(Mixer.RIGHT, farAhead, constant(160, 3), 160);
        long length = mixer.finish();

        short[] left = Recorded.samples(out.left);
        short[] right = Recorded.samples(out.right);
        assertThat(length).as("up to the furthest end").isEqualTo(12L * Mixer.BLOCK_FRAMES + 80);
        assertThat(left).hasSize((int) length);
        assertThat(left[159]).isEqualTo((short) 1);
        assertThat(left[Mixer.BLOCK_FRAMES]).isEqualTo((short) 2);
        assertThat(left[Mixer.BLOCK_FRAMES + 99]).isEqualTo((short) 2);
        assertThat(left[Mixer.BLOCK_FRAMES + 100]).isZero();
        assertThat(right[(int) farAhead - 1]).isZero();
        assertThat(right[(int) farAhead]).isEqualTo((short) 3);
        assertThat(right[(int) farAhead + 159]).isEqualTo((short) 3);
        assertThat(right[4 * Mixer.BLOCK_FRAMES + 159]).isEqualTo((short) 4);
        // every other sample is silence: nothing left over from an earlier turn of the ring
        long nonZero = 0;
        for (short s : right) {
            nonZero += s != 0 ? 1 : 0;
        }
        assertThat(nonZero).isEqualTo(320);
    }

    @Test
    void payloadsDecodeIntoTheirBlockOrAcrossABlockEdgeAndNothingIsWrittenBeyondTheFurthestEnd() throws IOException {
        Recorded out = new Recorded();
        Mixer mixer = new Mixer(out);
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, (byte) 0xd5); // A-law for a small positive level
        short level = G711.A_LAW.expand(0xd5);
        mixer.decode(Mixer.LEFT, 0, 160, G711.A_LAW, payload);
        mixer.decode(Mixer.RIGHT, Mixer.BLOCK_FRAMES - 100, 160, G711.A_LAW, payload); // straddles the first block's end
        mixer.renderUntil(10L * Mixer.BLOCK_FRAMES); // only as far as audio has come: one whole block
        assertThat(out.calls).isEqualTo(1);
        mixer.decode(Mixer.LEFT, Mixer.BLOCK_FRAMES - 160, 160, G711.A_LAW, payload); // its place is written: late
        assertThat(mixer.lateSamples()).isEqualTo(160);
        assertThat(mixer.finish()).isEqualTo(Mixer.BLOCK_FRAMES + 60);

        short[] left = Recorded.samples(out.left);
        short[] right = Recorded.samples(out.right);
        assertThat(left).hasSize(Mixer.BLOCK_FRAMES + 60);
        assertThat(left[0]).isEqualTo(level);
        assertThat(left[159]).isEqualTo(level);
        assertThat(left[160]).isZero();
        assertThat(left[Mixer.BLOCK_FRAMES - 1]).as("the late payload left no trace").isZero();
        assertThat(right[Mixer.BLOCK_FRAMES - 101]).isZero();
        assertThat(right[Mixer.BLOCK_FRAMES - 100]).isEqualTo(level);
        assertThat(right[Mixer.BLOCK_FRAMES + 59]).isEqualTo(level);
    }
}
