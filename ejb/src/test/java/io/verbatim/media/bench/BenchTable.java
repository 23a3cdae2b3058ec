package io.verbatim.media.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's figures as a table (tab-separated, a header line first), which {@code ear/bin/bench} reads by column;
 * the sentences printed beside it are for people.
 */
final class BenchTable {

    private final Path file;

    /** Starts the table afresh with its column names. */
    BenchTable(Path file, String... columns) throws IOException {
        this.file = file;
        Files.writeString(file, String.join("\t", columns) + "\n", StandardCharsets.UTF_8);
    }

    /** One row; numbers are written with a point, whatever the machine's locale. */
    void add(Object... values) throws IOException {
        List<String> cells = Arrays.stream(values)
                .map(v -> v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v)).toList();
        Files.writeString(file, String.join("\t", cells) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
