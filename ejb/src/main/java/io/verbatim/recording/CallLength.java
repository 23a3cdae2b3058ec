package io.verbatim.recording;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a call lasted, in whole seconds, written as people read and type it: {@code 1:30}, {@code 1:02:03}, or a
 * number with a unit ({@code 90s}, {@code 5m}, {@code 5 min}, {@code 1h}); a bare number is seconds.
 */
public final class CallLength {

    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,4}):(\\d{2})");
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,6})\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?");

    private CallLength() {
    }

    /**
     * @return the seconds the text says, or null when it is empty
     * @throws IllegalArgumentException naming what is accepted, when the text is no duration
     */
    public static Integer parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip().toLowerCase(Locale.ROOT);
        Matcher clock = CLOCK.matcher(typed);
        if (clock.matches()) {
            int hours = clock.group(1) == null ? 0 : Integer.parseInt(clock.group(1));
            int seconds = Integer.parseInt(clock.group(3));
            if (seconds < 60 && (clock.group(1) == null || Integer.parseInt(clock.group(2)) < 60)) {
                return hours * 3600 + Integer.parseInt(clock.group(2)) * 60 + seconds;
            }
        }
        Matcher unit = WITH_UNIT.matcher(typed);
        if (unit.matches()) {
            int amount = Integer.parseInt(unit.group(1));
            String u = unit.group(2) == null ? "s" : unit.group(2);
            return u.startsWith("h") ? amount * 3600 : u.startsWith("m") ? amount * 60 : amount;
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is no duration: write m:ss (1:30), h:mm:ss, or a number with s, m or h (90s, 5m)");
    }

    /** Seconds as a clock: {@code 1:30}, or {@code 1:02:03} from an hour on. */
    public static String format(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
