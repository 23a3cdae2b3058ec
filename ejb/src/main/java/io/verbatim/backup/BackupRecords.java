package io.verbatim.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup run wrote, a line a file as each is kept ({@code <sha256> <size> <version> <path>}; the version is a
 * bucket's ETag, {@code -} in a folder), so that the manifest is made without reading the files back. Blobs are copied
 * in the order of their keys, so their records are in that order; a restart first forgets those after its checkpoint,
 * which it writes again, so they stay in order.
 */
final class BackupRecords {

    /** One file's record. */
    record Line(BackupSet.FileEntry entry, String version) {
    }

    static final String NO_VERSION = "-";
    /** Every byte a character: what a crash leaves half written reads as text (the paths and versions are ASCII). */
    private static final java.nio.charset.Charset TEXT = StandardCharsets.ISO_8859_1;

    private final Path file;

    BackupRecords(Path file) {
        this.file = file;
    }

    void append(BackupSet.FileEntry entry, String version) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, TEXT,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            out.write(entry.sha256() + " " + entry.size() + " " + (version == null ? NO_VERSION : version) + " " + entry.path() + "\n");
        }
    }

    /** The records of the files not under {@code folder} (a backup's few: its database, keys and lists), in the order written. */
    List<Line> outside(String folder) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (Reader all = read()) {
            for (Line line = all.next(); line != null; line = all.next()) {
                if (!line.entry().path().startsWith(folder)) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** Reads the records a line at a time. */
    Reader read() throws IOException {
        return new Reader(Files.exists(file) ? Files.newBufferedReader(file, TEXT) : null);
    }

    /**
     * Forgets the records of the files under {@code folder} after {@code after} (all of them when null), and whatever
     * follows them, including a line a crash cut short.
     */
    void forgetAfter(String folder, String after) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long keep = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), TEXT))) {
            long size = channel.size();
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                Line line = parse(text);
                if (line == null || line.entry().path().startsWith(folder) && (after == null || line.entry().path().compareTo(after) > 0)
                        || keep + text.length() + 1 > size) { // the last line without its end: cut short by a crash
                    break;
                }
                keep += text.length() + 1; // a byte a character in ISO-8859-1
            }
            if (size > keep) {
                channel.truncate(keep);
                channel.force(true);
            }
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private static Line parse(String text) {
        String[] parts = text.split(" ", 4);
        if (parts.length != 4 || parts[0].length() != 64) {
            return null;
        }
        try {
            return new Line(new BackupSet.FileEntry(parts[3], Long.parseLong(parts[1]), parts[0]), parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The records in the order written; a line that does not parse (one a crash cut short) ends them. */
    static final class Reader implements AutoCloseable {
        private final BufferedReader lines;

        private Reader(BufferedReader lines) {
            this.lines = lines;
        }

        /** @return the next record, or null at the end */
        Line next() throws IOException {
            String text = lines == null ? null : lines.readLine();
            return text == null ? null : parse(text);
        }

        @Override
        public void close() throws IOException {
            if (lines != null) {
                lines.close();
            }
        }
    }
}
