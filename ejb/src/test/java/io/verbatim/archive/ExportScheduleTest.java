package io.verbatim.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a target's daily run is due: at its time of day in its own zone, across the change to summer time too. */
class ExportScheduleTest {

    private static ExportTarget daily(String at, String zone) {
        ExportTarget t = new ExportTarget("pbx.example.com", "Archive", ExportTarget.Kind.S3, "admin", Instant.EPOCH);
        t.naming(ExportTargets.DEFAULT_TEMPLATE, zone, List.of("id"));
        t.handling(false, at);
        return t;
    }

    @Test
    void aRunIsDueFromItsTimeOfDayInTheTargetsZone() {
        ExportTarget t = daily("02:30", "Europe/Berlin"); // 01:30 UTC in winter
        assertThat(ExportSchedule.due(t, Instant.parse("2026-12-06T01:29:59Z"))).isNull();
        assertThat(ExportSchedule.due(t, Instant.parse("2026-12-06T01:30:00Z"))).isEqualTo(Instant.parse("2026-12-06T01:30:00Z"));
        assertThat(ExportSchedule.due(t, Instant.parse("2026-12-06T22:59:00Z"))).as("still today's, until midnight there")
                .isEqualTo(Instant.parse("2026-12-06T01:30:00Z"));
        assertThat(ExportSchedule.due(t, Instant.parse("2026-12-06T23:30:00Z"))).as("00:30 of the next day there: not yet").isNull();
    }

    @Test
    void aTargetAddedAfterTodaysTimeFirstRunsTomorrow() {
        ExportTarget t = new ExportTarget("pbx.example.com", "Archive", ExportTarget.Kind.S3, "admin", Instant.parse("2026-12-06T09:00:00Z"));
        t.naming(ExportTargets.DEFAULT_TEMPLATE, "Europe/Berlin", List.of("id"));
        t.handling(false, "02:30");
        assertThat(ExportSchedule.due(t, Instant.parse("2026-12-06T10:00:00Z"))).isNull();
        assertThat(ExportSchedule.due(t, Instant.parse("2026-12-07T01:30:00Z"))).isEqualTo(Instant.parse("2026-12-07T01:30:00Z"));
    }

    @Test
    void inSummerTheSameTimeOfDayIsAnHourEarlierInUtc() {
        assertThat(ExportSchedule.due(daily("02:30", "Europe/Berlin"), Instant.parse("2026-07-01T00:31:00Z")))
                .isEqualTo(Instant.parse("2026-07-01T00:30:00Z"));
    }
}
