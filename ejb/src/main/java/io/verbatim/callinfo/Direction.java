package io.verbatim.callinfo;

import java.util.Locale;
import java.util.Optional;

/** Which way a call went, seen from the PBX's users. */
public enum Direction {
    INBOUND("in"), OUTBOUND("out"), INTERNAL("internal");

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    /** The short word file names, export filters and their API use: {@code in}, {@code out}, {@code internal}. */
    public String word() {
        return word;
    }

    /** A direction by its word or its name, as people type it ({@code in}, {@code Inbound}); empty for any other. */
    public static Optional<Direction> ofWord(String typed) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        for (Direction d : values()) {
            if (d.word.equals(wanted) || d.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
