package io.verbatim.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code from}/{@code to} query parameters of searches: a day or an exact instant. */
public final class DateParameter {

    private DateParameter() {
    }

    /** A date means the whole day (UTC): from its start, or up to the next day's start. */
    public static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value.trim());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be a date (yyyy-MM-dd) or an ISO-8601 instant");
            }
        }
    }
}
