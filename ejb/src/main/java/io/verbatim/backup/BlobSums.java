package io.verbatim.backup;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The size and SHA-256 of each blob file a backup holds, in {@code blobs.sums} beside its manifest: plain like the
 * manifest, whose signature covers it by its SHA-256 and count. One line a file, {@code <sha256> <size> blobs/<hex>},
 * in the order of the blob list, so that a backup of millions of blobs is written, checked and restored a line at a
 * time (a manifest listing them would be read whole into memory each time).
 */
final class BlobSums {

    static final String FILE = "blobs.sums";
    private static final Pattern BLOB_FILE = Pattern.compile(Pattern.quote(BackupSet.BLOBS) + "[A-Za-z0-9][A-Za-z0-9._-]*");

    /** What the manifest says of the sums: how many files, their bytes, and the SHA-256 of {@code blobs.sums}. */
    record Summary(long count, long bytes, String sha256) {
    }

    private BlobSums() {
    }

    /** What is done with a blob the backup is to hold but does not (a copy a crash lost, or one erased meanwhile). */
    interface Absent {
        /**
         * @return whether it is held now (copied again)
         * @throws IllegalStateException when it cannot be, though rows still name it: the backup must not complete
         */
        boolean copyAgain(String stored) throws IOException;
    }

    /**
     * Writes the sums of the blobs a backup is to hold ({@code expected}, in order); each comes from the run's records
     * when they describe the file as it is, else it is read back and hashed. A blob it does not hold is given to
     * {@code absent} first.
     * @param missing gets the blobs the backup does not hold (erased before they could be copied)
     */
    static Summary write(BackupSet set, Iterator<String> expected, Absent absent, List<String> missing) throws IOException {
        MessageDigest sha256 = BackupSet.sha256();
        long count = 0;
        long bytes = 0;
        BackupSet.BlobPresence present = set.blobsPresent();
        try (BackupSet.NewFile file = set.create(FILE); BackupRecords.Reader records = set.records().read();
             OutputStream out = new DigestOutputStream(new BufferedOutputStream(file.out(), 1 << 16), sha256)) {
            Records blobRecords = new Records(records);
            while (expected.hasNext()) {
                String stored = expected.next();
                String relative = BackupBlobs.fileOf(stored);
                String version = present.version(relative);
                BackupRecords.Line record = blobRecords.of(relative);
                BackupSet.FileEntry entry;
                if (version == null) {
                    if (!absent.copyAgain(stored)) {
                        missing.add(stored);
                        continue;
                    }
                    entry = set.hashed(relative);
                } else {
                    entry = record != null && BackupSet.sameVersion(record.version(), version) ? record.entry() : set.hashed(relative);
                }
                out.write((entry.sha256() + " " + entry.size() + " " + relative + "\n").getBytes(StandardCharsets.US_ASCII));
                count++;
                bytes += entry.size();
            }
            out.flush();
            file.keep();
        }
        return new Summary(count, bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * The records of blob files, asked for in the order of their paths; records out of that order (which a restart
     * that did not forget those after its checkpoint would leave) are not trusted from there on: those files are hashed.
     */
    private static final class Records {
        private final BackupRecords.Reader reader;
        private BackupRecords.Line at;
        private String previous;
        private boolean disordered;

        Records(BackupRecords.Reader reader) throws IOException {
            this.reader = reader;
            this.at = nextBlob();
        }

        private BackupRecords.Line nextBlob() throws IOException {
            for (BackupRecords.Line line = reader.next(); line != null; line = reader.next()) {
                if (line.entry().path().startsWith(BackupSet.BLOBS)) {
                    if (previous != null && line.entry().path().compareTo(previous) < 0) {
                        disordered = true;
                    }
                    previous = line.entry().path();
                    return line;
                }
            }
            return null;
        }

        /** The last record of this file, or null. */
        BackupRecords.Line of(String relative) throws IOException {
            while (at != null && at.entry().path().compareTo(relative) < 0) {
                at = nextBlob();
            }
            BackupRecords.Line found = null;
            while (at != null && at.entry().path().equals(relative)) { // written again: the last one counts
                found = at;
                at = nextBlob();
            }
            return disordered ? null : found;
        }
    }

    /** Blob files with their sums, in the order of their paths. */
    interface Entries extends AutoCloseable {
        /** @return the next, or null after the last */
        BackupSet.FileEntry next() throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    /**
     * Reads the sums a line at a time, each checked to be a blob file's, in order; at the end, that they are as many
     * and hash as the manifest says.
     */
    static final class Reader implements Entries {
        private final BackupSet set;
        private final Summary summary;
        private final MessageDigest sha256 = BackupSet.sha256();
        private final BufferedReader lines;
        private String previous;
        private long count;

        Reader(BackupSet set, Summary summary) throws IOException {
            this.set = set;
            this.summary = summary;
            this.lines = new BufferedReader(new InputStreamReader(new DigestInputStream(set.openLocally(FILE), sha256),
                    StandardCharsets.US_ASCII));
        }

        /**
         * @return the next file's entry, or null after the last
         * @throws BackupDamaged when a line, their order, their number or their SHA-256 is not as the manifest says
         */
        @Override
        public BackupSet.FileEntry next() throws IOException {
            String line = lines.readLine();
            if (line == null) {
                String hashed = HexFormat.of().formatHex(sha256.digest());
                if (count != summary.count() || !hashed.equals(summary.sha256())) {
                    throw new BackupDamaged(FILE + " of backup " + set.id() + " was changed after it was written (" + count
                            + " files where the manifest says " + summary.count() + ", or another SHA-256)");
                }
                return null;
            }
            String[] parts = line.split(" ", 3);
            if (parts.length != 3 || !BLOB_FILE.matcher(parts[2]).matches() || !parts[0].matches("[0-9a-f]{64}")
                    || !parts[1].matches("\\d{1,18}") || previous != null && parts[2].compareTo(previous) <= 0) {
                throw new BackupDamaged(FILE + " of backup " + set.id() + " is damaged at line " + (count + 1));
            }
            previous = parts[2];
            count++;
            return new BackupSet.FileEntry(parts[2], Long.parseLong(parts[1]), parts[0]);
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
