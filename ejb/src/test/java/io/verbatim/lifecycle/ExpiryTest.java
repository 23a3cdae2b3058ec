package io.verbatim.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lifecycle policies' rule: where each draws its line, and how the lines travel as a job's parameter. */
class ExpiryTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void retentionKeepsForItsDaysAndZeroDaysIsOff() {
        assertThat(Expiry.RETENTION.cutoff(NOW, 90, 7)).contains(daysAgo(90));
        assertThat(Expiry.RETENTION.cutoff(NOW, 0, 7)).isEmpty();
    }

    @Test
    void theRecycleBinIsEmptiedAfterItsOwnDaysWhateverTheRetention() {
        assertThat(Expiry.RECYCLE_PURGE.cutoff(NOW, 0, 7)).contains(daysAgo(7));
        assertThat(Expiry.RECYCLE_PURGE.cutoff(NOW, 3, 14)).contains(daysAgo(14));
        assertThat(Expiry.RECYCLE_PURGE.cutoff(NOW, 90, 0)).contains(NOW);
    }

    @Test
    void theLicenceGraceIsThirtyDaysOrTheRetentionWhenShorter() {
        assertThat(Expiry.LICENCE_GRACE.cutoff(NOW, 0, 7)).as("retention off").contains(daysAgo(30));
        assertThat(Expiry.LICENCE_GRACE.cutoff(NOW, 365, 7)).contains(daysAgo(30));
        assertThat(Expiry.LICENCE_GRACE.cutoff(NOW, 10, 7)).contains(daysAgo(10));
        assertThat(Expiry.LICENCE_GRACE.cutoff(NOW, 30, 7)).contains(daysAgo(30));
    }

    @Test
    void theLinesOfAllPbxsSurviveTheTripThroughAJobParameter() {
        Map<String, Instant> cutoffs = new LinkedHashMap<>();
        cutoffs.put(RecordingExpiry.OTHERS, daysAgo(90));
        cutoffs.put("berlin", null);
        cutoffs.put("paris.hq", daysAgo(10));
        String parameter = RecordingExpiry.format(cutoffs);
        assertThat(parameter).isEqualTo("*=" + daysAgo(90) + ",berlin=off,paris.hq=" + daysAgo(10));
        assertThat(RecordingExpiry.parse(parameter)).isEqualTo(cutoffs);
        assertThat(RecordingExpiry.anyOn(cutoffs)).isTrue();
        Map<String, Instant> allOff = new LinkedHashMap<>();
        allOff.put(RecordingExpiry.OTHERS, null);
        assertThat(RecordingExpiry.anyOn(allOff)).as("a run with no line deletes nothing").isFalse();
    }

    @Test
    void aRunStartedBeforePbxsHadPoliciesKeepsItsOneLineForEveryone() {
        assertThat(RecordingExpiry.parse(daysAgo(30).toString())).containsExactly(Map.entry(RecordingExpiry.OTHERS, daysAgo(30)));
        assertThat(Optional.ofNullable(RecordingExpiry.parse(" " + daysAgo(30) + " ").get(RecordingExpiry.OTHERS))).contains(daysAgo(30));
    }
}
