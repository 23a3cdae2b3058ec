package io.verbatim.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Failed sign-ins in a row of one name from one address, and until when that pair is refused: after
 * {@code allowed} failures for a back-off that doubles with each further one, up to an hour.
 */
@Entity
@Table(name = "sign_in_failure")
class SignInFailure {

    static final long FIRST_LOCK_SECONDS = 30;
    static final long MAX_LOCK_SECONDS = 3600;
    /** Failures count within this window: a row not failed again for this long starts over (typos spread over a day are no attack). */
    static final long FORGOTTEN_AFTER_SECONDS = 15 * 60;

    @Embeddable
    static class Key implements Serializable {

        @Column(length = 255)
        private String username;

        @Column(length = 64)
        private String address;

        protected Key() {
        }

        Key(String username, String address) {
            this.username = username;
            this.address = address;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && username.equals(k.username) && address.equals(k.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, address);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_failure", nullable = false)
    private Instant lastFailure;

    protected SignInFailure() {
    }

    SignInFailure(String username, String address) {
        this.key = new Key(username, address);
    }

    void failed(Instant now, int allowed) {
        if (lastFailure != null && lastFailure.plusSeconds(FORGOTTEN_AFTER_SECONDS).isBefore(now)) {
            failures = 0;
        }
        failures++;
        lastFailure = now;
        if (failures >= allowed) {
            lockedUntil = now.plusSeconds(Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS << Math.min(failures - allowed, 20)));
        }
    }

    int failures() { return failures; }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Instant lockedUntil() { return lockedUntil; }
}
