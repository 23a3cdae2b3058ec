package io.verbatim.web.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range (RFC 9110 §14), inclusive at both ends. Several ranges in one header are served as the
 * whole entity, which the RFC allows and players never need.
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    /** Thrown for a range that starts past the end (416). */
    public static class NotSatisfiable extends RuntimeException {
        public NotSatisfiable(String message) {
            super(message);
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** @return the range to serve, or empty to serve everything (no header, several ranges, or a syntax we ignore) */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) { // suffix: the last n bytes
                long n = Long.parseLong(m.group(2));
                if (n == 0) {
                    throw new NotSatisfiable("empty suffix range");
                }
                return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size) {
                throw new NotSatisfiable("range starts at " + first + ", past the end (" + size + " bytes)");
            }
            if (last < first) {
                return Optional.empty(); // syntactically invalid: ignore it, as RFC 9110 says
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }
}
