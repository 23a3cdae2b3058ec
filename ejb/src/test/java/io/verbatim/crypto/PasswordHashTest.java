package io.verbatim.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aPasswordMatchesItsHashAndNoOther() {
        String stored = PasswordHash.of("correct horse".toCharArray());
        assertThat(stored).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$");
        assertThat(PasswordHash.matches("correct horse".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.matches("correct horsf".toCharArray(), stored)).isFalse();
        assertThat(PasswordHash.matches("correct horse".toCharArray(), PasswordHash.of("correct horse".toCharArray())))
                .as("another salt, the same password").isTrue();
        assertThat(PasswordHash.matches("correct horse".toCharArray(), "plain text")).isFalse();
        assertThat(PasswordHash.matches("correct horse".toCharArray(), null)).isFalse();
    }

    @Test
    void aMatchIsHashedOnceWhileEveryWrongGuessIsHashedAgain() {
        String stored = PasswordHash.of("api client's password".toCharArray());
        long before = PasswordHash.derived();
        assertThat(PasswordHash.matches("api client's password".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.matches("api client's password".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.matches("api client's password".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.derived() - before).as("slow hashes for three right answers").isEqualTo(1);

        assertThat(PasswordHash.matches("a guess".toCharArray(), stored)).isFalse();
        assertThat(PasswordHash.matches("a guess".toCharArray(), stored)).isFalse();
        assertThat(PasswordHash.derived() - before).as("each wrong guess pays the full hash").isEqualTo(3);

        String changed = PasswordHash.of("api client's password".toCharArray()); // the same password set again: a new salt
        long afterChange = PasswordHash.derived();
        assertThat(PasswordHash.matches("api client's password".toCharArray(), changed)).isTrue();
        assertThat(PasswordHash.derived() - afterChange).as("a new stored hash is checked afresh").isEqualTo(1);
    }

    @Test
    void aRememberedMatchEndsAfterItsTimeAndTheOldestGoFirst() throws InterruptedException {
        PasswordHash.RecentMatches recent = new PasswordHash.RecentMatches(Duration.ofMillis(800), 2);
        String one = recent.pairOf("one".toCharArray(), "stored-1");
        assertThat(one).isEqualTo(recent.pairOf("one".toCharArray(), "stored-1"))
                .isNotEqualTo(recent.pairOf("one".toCharArray(), "stored-2"))
                .isNotEqualTo(recent.pairOf("two".toCharArray(), "stored-1"))
                .doesNotContain("stored-1"); // base64 has no '-': never the text it was made of
        recent.add(one);
        assertThat(recent.contains(one)).isTrue();
        Thread.sleep(1000);
        assertThat(recent.contains(one)).as("past its time").isFalse();

        String a = recent.pairOf("a".toCharArray(), "s");
        String b = recent.pairOf("b".toCharArray(), "s");
        String c = recent.pairOf("c".toCharArray(), "s");
        recent.add(a);
        recent.add(b);
        recent.add(c);
        assertThat(recent.contains(a)).as("the oldest, past the most kept").isFalse();
        assertThat(recent.contains(b)).isTrue();
        assertThat(recent.contains(c)).isTrue();
        assertThat(new PasswordHash.RecentMatches(Duration.ofMinutes(1), 2).pairOf("a".toCharArray(), "s"))
                .as("each server's key is its own").isNotEqualTo(a);
    }
}
