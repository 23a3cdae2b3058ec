package io.verbatim.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void anActiveAlarmHoldsItsConditionsKeyUntilCleared() {
        Alarm disk = new Alarm(AlarmCondition.DISK_LOW, "node-1", "10 MB free", T0);
        assertThat(disk.isActive()).isTrue();
        assertThat(disk.title()).isEqualTo("Disk below the reserve (node-1)");
        disk.clear(T0.plusSeconds(60));
        assertThat(disk.isActive()).isFalse();
        assertThat(disk.getClearedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(new Alarm(AlarmCondition.CONVERSION_FAILURES, "", "x", T0).title()).isEqualTo("Conversions failed");
    }

    @Test
    void theDetailFollowsTheConditionAndIsClippedToItsColumn() {
        Alarm alarm = new Alarm(AlarmCondition.CONVERSION_BACKLOG, "", "3 wait", T0);
        assertThat(alarm.update("3 wait", T0.plusSeconds(5))).as("the same detail is no change").isFalse();
        assertThat(alarm.getUpdatedAt()).isEqualTo(T0);
        assertThat(alarm.update("9 wait", T0.plusSeconds(5))).isTrue();
        assertThat(alarm.getUpdatedAt()).isEqualTo(T0.plusSeconds(5));
        alarm.update("x".repeat(5000), T0.plusSeconds(9));
        assertThat(alarm.getDetail()).hasSize(Alarm.DETAIL_LENGTH).endsWith("…");
    }

    @Test
    void eventAlarmsAreThoseAnAcknowledgementEnds() {
        assertThat(AlarmCondition.DATABASE_UNREACHABLE.event()).isTrue();
        assertThat(AlarmCondition.JOB_FAILED.event()).isTrue();
        assertThat(AlarmCondition.DISK_LOW.event()).isFalse();
        assertThat(AlarmCondition.ACTION_LOG_BROKEN.area()).isEqualTo(AlarmCondition.Area.COMPLIANCE);
    }
}
