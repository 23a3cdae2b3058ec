package io.verbatim.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lockout rule of one name (or address) from one address: when it locks, for how long, and when it forgets. */
class SignInFailureTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private static SignInFailure failedTimes(int times, int allowed) {
        SignInFailure f = new SignInFailure("user:alice", "192.0.2.7");
        for (int i = 0; i < times; i++) {
            f.failed(T0.plusSeconds(i), allowed);
        }
        return f;
    }

    @Test
    void failuresBelowTheAllowanceLockNothing() {
        SignInFailure f = failedTimes(SignInThrottle.PER_NAME - 1, SignInThrottle.PER_NAME);
        assertThat(f.failures()).isEqualTo(SignInThrottle.PER_NAME - 1);
        assertThat(f.lockedAt(T0.plusSeconds(10))).isFalse();
        assertThat(f.lockedUntil()).isNull();
    }

    @Test
    void theAllowanceReachedLocksForThirtySecondsFromTheLastFailure() {
        SignInFailure f = failedTimes(SignInThrottle.PER_NAME, SignInThrottle.PER_NAME);
        Instant last = T0.plusSeconds(SignInThrottle.PER_NAME - 1);
        assertThat(f.lockedUntil()).isEqualTo(last.plusSeconds(30));
        assertThat(f.lockedAt(last.plusSeconds(29))).isTrue();
        assertThat(f.lockedAt(last.plusSeconds(30))).as("the lock ends at its instant").isFalse();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToAnHour() {
        assertThat(lockSeconds(SignInThrottle.PER_NAME + 1)).isEqualTo(60);
        assertThat(lockSeconds(SignInThrottle.PER_NAME + 2)).isEqualTo(120);
        assertThat(lockSeconds(SignInThrottle.PER_NAME + 6)).isEqualTo(1920);
        assertThat(lockSeconds(SignInThrottle.PER_NAME + 7)).as("capped").isEqualTo(3600);
        assertThat(lockSeconds(SignInThrottle.PER_NAME + 200)).as("no overflow, however many").isEqualTo(3600);
    }

    private static long lockSeconds(int failures) {
        SignInFailure f = failedTimes(failures, SignInThrottle.PER_NAME);
        return f.lockedUntil().getEpochSecond() - T0.plusSeconds(failures - 1).getEpochSecond();
    }

    @Test
    void failuresSpreadBeyondFifteenMinutesStartOver() {
        SignInFailure f = failedTimes(SignInThrottle.PER_NAME - 1, SignInThrottle.PER_NAME);
        Instant later = T0.plusSeconds(SignInThrottle.PER_NAME - 2 + 15 * 60 + 1);
        f.failed(later, SignInThrottle.PER_NAME);
        assertThat(f.failures()).as("a typo a quarter of an hour later is no attack").isEqualTo(1);
        assertThat(f.lockedAt(later)).isFalse();
    }

    @Test
    void anAddressTryingManyNamesIsAllowedMoreBeforeItLocks() {
        SignInFailure address = failedTimes(SignInThrottle.PER_ADDRESS - 1, SignInThrottle.PER_ADDRESS);
        assertThat(address.lockedAt(T0.plusSeconds(SignInThrottle.PER_ADDRESS))).isFalse();
        address.failed(T0.plusSeconds(SignInThrottle.PER_ADDRESS), SignInThrottle.PER_ADDRESS);
        assertThat(address.lockedAt(T0.plusSeconds(SignInThrottle.PER_ADDRESS + 1))).isTrue();
    }
}
