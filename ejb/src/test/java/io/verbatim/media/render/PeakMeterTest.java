package io.verbatim.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PeakMeterTest {

    private static short[] level(int value, int frames) {
        short[] samples = new short[frames];
        Arrays.fill(samples, (short) value);
        return samples;
    }

    @Test
    void eachStretchKeepsItsLoudestSampleOfEitherSignPerChannel() {
        PeakMeter meter = new PeakMeter(4, 8);
        short[] left = {0, 100, -16384, 5, 0, 0, 0, 0, 32767, 0};
        short[] right = {-32768, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        meter.write(left, right, 10); // two stretches and half of a third
        assertThat(meter.stretchFrames()).isEqualTo(4);
        assertThat(meter.left()).containsExactly((byte) 128, (byte) 0, (byte) 255);
        assertThat(meter.right()).containsExactly((byte) 255, (byte) 0, (byte) 0);
    }

    @Test
    void blocksOfAnySizeMeasureTheSameAsOne() {
        short[] left = new short[1000];
        short[] right = new short[1000];
        for (int i = 0; i < left.length; i++) {
            left[i] = (short) ((i * 7919) % 30000 - 15000);
            right[i] = (short) ((i * 104729) % 20000 - 10000);
        }
        PeakMeter whole = new PeakMeter(30, 16);
        whole.write(left, right, left.length);
        PeakMeter pieces = new PeakMeter(30, 16);
        for (int from = 0; from < left.length; from += 37) {
            int n = Math.min(37, left.length - from);
            pieces.write(Arrays.copyOfRange(left, from, from + n), Arrays.copyOfRange(right, from, from + n), n);
        }
        assertThat(pieces.stretchFrames()).isEqualTo(whole.stretchFrames());
        assertThat(pieces.left()).isEqualTo(whole.left());
        assertThat(pieces.right()).isEqualTo(whole.right());
    }

    /** A long call: stretches double as often as needed, never more than the maximum, and a loud moment stays. */
    @Test
    void aLongCallMergesNeighboursAndKeepsEveryPeak() {
        PeakMeter meter = new PeakMeter(10, 8);
        short[] silence = level(0, 10);
        for (int i = 0; i < 100; i++) { // 100 stretches of the first size: merged until 8 hold it
            short[] left = i == 37 ? level(16384, 10) : silence;
            meter.write(left, silence, 10);
        }
        assertThat(meter.stretchFrames()).isEqualTo(160); // 10, 20, 40, 80, 160
        assertThat(meter.left()).hasSizeLessThanOrEqualTo(8).hasSize(7); // 1000 frames: six whole stretches and part of one
        assertThat(meter.left()[37 * 10 / 160]).isEqualTo((byte) 128);
        int loud = 0;
        for (byte b : meter.left()) {
            loud += b != 0 ? 1 : 0;
        }
        assertThat(loud).as("one loud moment, one loud stretch").isEqualTo(1);
        assertThat(meter.right()).containsOnly((byte) 0);
    }

    @Test
    void nothingWrittenIsNoStretchAtAll() {
        PeakMeter meter = new PeakMeter(400, 1024);
        assertThat(meter.left()).isEmpty();
        assertThat(meter.right()).isEmpty();
    }

    @Test
    void anOddMaximumCannotMergeInPairs() {
        assertThatThrownBy(() -> new PeakMeter(400, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeakMeter(0, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
