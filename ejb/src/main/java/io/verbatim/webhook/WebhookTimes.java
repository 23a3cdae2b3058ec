package io.verbatim.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long and how often a failed delivery is tried again: from {@code VERBATIM_WEBHOOK_FIRST_RETRY} (ISO-8601, default
 * 5 s) growing fourfold each time up to 4 hours apart, for {@code VERBATIM_WEBHOOK_RETRY_WINDOW} (default a day) after
 * the event, the last attempt at its end; a subscription whose every attempt failed for that long is disabled. With
 * the defaults: 5 s, 20 s, 80 s, 5 min, 21 min, 85 min, then every 4 h, and once more a day after the event.
 */
@ApplicationScoped
public class WebhookTimes {

    static final Duration LONGEST_WAIT = Duration.ofHours(4);

    private final Duration firstRetry = duration("VERBATIM_WEBHOOK_FIRST_RETRY", Duration.ofSeconds(5));
    private final Duration retryWindow = duration("VERBATIM_WEBHOOK_RETRY_WINDOW", Duration.ofDays(1));

    public Duration retryWindow() {
        return retryWindow;
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    public Duration waitAfter(int attempts) {
        return waitAfter(firstRetry, attempts);
    }

    static Duration waitAfter(Duration first, int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(4);
        }
        return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
    }

    private static Duration duration(String variable, Duration otherwise) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalStateException(variable + " must be a positive duration, not " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(variable + " must be an ISO-8601 duration such as PT5S, not " + value, e);
        }
    }
}
