package io.verbatim.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Durations as people type them in a filter, and as the lists show them. */
class CallLengthTest {

    @Test
    void clocksAndUnitsAreSecondsAndABareNumberIsSeconds() {
        assertThat(CallLength.parse("1:30")).isEqualTo(90);
        assertThat(CallLength.parse(" 0:05 ")).isEqualTo(5);
        assertThat(CallLength.parse("75:00")).as("minutes past the hour on a short clock").isEqualTo(4500);
        assertThat(CallLength.parse("1:02:03")).isEqualTo(3723);
        assertThat(CallLength.parse("90")).isEqualTo(90);
        assertThat(CallLength.parse("90s")).isEqualTo(90);
        assertThat(CallLength.parse("5m")).isEqualTo(300);
        assertThat(CallLength.parse("5 min")).isEqualTo(300);
        assertThat(CallLength.parse("2 Minutes")).isEqualTo(120);
        assertThat(CallLength.parse("1h")).isEqualTo(3600);
        assertThat(CallLength.parse("  ")).isNull();
        assertThat(CallLength.parse(null)).isNull();
    }

    @Test
    void whatIsNoDurationIsRefusedSayingWhatIs() {
        for (String typed : new String[] {"1:75", "1:60:00", "five", "-5", "1.5m", "5 days", "1:2"}) {
            assertThatThrownBy(() -> CallLength.parse(typed)).as(typed).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + typed + "' is no duration").hasMessageContaining("m:ss");
        }
    }

    @Test
    void formatIsTheClockTheListsShowAndParsesBackToTheSameSeconds() {
        assertThat(CallLength.format(0)).isEqualTo("0:00");
        assertThat(CallLength.format(90)).isEqualTo("1:30");
        assertThat(CallLength.format(3599)).isEqualTo("59:59");
        assertThat(CallLength.format(3723)).isEqualTo("1:02:03");
        for (int seconds : new int[] {0, 59, 90, 3599, 3600, 86399}) {
            assertThat(CallLength.parse(CallLength.format(seconds))).isEqualTo(seconds);
        }
    }

    @Test
    void aQueryRefusesABoundBelowZeroAndAShortestLongerThanTheLongest() {
        RecordingQuery all = RecordingQuery.page(0, 10);
        assertThat(all.lasting(60, 60).minSeconds()).isEqualTo(60);
        assertThat(all.lasting(null, 30).maxSeconds()).isEqualTo(30);
        assertThatThrownBy(() -> all.lasting(-1, null)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> all.lasting(120, 60)).hasMessageContaining("shortest duration (120 s) is longer than the longest (60 s)");
    }
}
