package io.verbatim.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When a mail that failed is tried again: from {@code VERBATIM_MAIL_FIRST_RETRY} (ISO-8601, default a minute) growing
 * fourfold up to an hour apart, for a day after the recording was ready; then it is given up (and the alarm stays).
 */
@ApplicationScoped
public class MailTimes {

    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration WINDOW = Duration.ofDays(1);

    private final Duration firstRetry = firstRetry(System.getenv("VERBATIM_MAIL_FIRST_RETRY"));

    /** The next attempt after the {@code attempts}-th failed one of a delivery made at {@code created}; null: give up. */
    Instant next(Instant created, int attempts, Instant now) {
        Instant end = created.plus(WINDOW);
        if (!now.isBefore(end)) {
            return null;
        }
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(4);
        }
        Instant next = now.plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT);
        return next.isBefore(end) ? next : end;
    }

    static Duration firstRetry(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofMinutes(1);
        }
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalStateException("VERBATIM_MAIL_FIRST_RETRY must be a positive duration, not " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("VERBATIM_MAIL_FIRST_RETRY must be an ISO-8601 duration such as PT1M, not " + value, e);
        }
    }
}
