package io.verbatim.batch.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

/** The schedule an administrator writes: a time of day, {@code *} for every hour, minute or second, or the default. */
class LifecycleSchedulerTest {

    @Test
    void aTimeOfDayIsWhenTheTimerFires() {
        assertThat(fires(LifecycleScheduler.timeOfDay("03:30"))).isEqualTo("03 30 0");
        assertThat(fires(LifecycleScheduler.timeOfDay(" 23:05:59 "))).isEqualTo("23 05 59");
        assertThat(fires(LifecycleScheduler.timeOfDay("on"))).as("the default").isEqualTo("02 15 0");
        assertThat(fires(LifecycleScheduler.timeOfDay("*:*:00"))).as("every minute").isEqualTo("* * 00");
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        for (String wrong : new String[] {"24:00", "2:60", "02", "02:15:00:00", "at night", "", "-1:00"}) {
            assertThatThrownBy(() -> LifecycleScheduler.timeOfDay(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("VERBATIM_LIFECYCLE_SCHEDULE").hasMessageContaining(wrong);
        }
    }

    private static String fires(ScheduleExpression at) {
        return at.getHour() + " " + at.getMinute() + " " + at.getSecond();
    }
}
