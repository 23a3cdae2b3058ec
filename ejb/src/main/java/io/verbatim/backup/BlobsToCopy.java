package io.verbatim.backup;

import com.google.crypto.tink.StreamingAead;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The blobs a backup is to hold, by their keys in order: those its rows name (its {@code blobs.list}) less those its
 * base's rows named (the base's list), which the base and what it builds on hold, unless they had been erased while the
 * base was written. Both lists are sorted, so they are read side by side: a backup of millions of blobs keeps a line
 * of each in memory, not the lists. After a restart it goes on after the last blob the run copied (its checkpoint).
 */
public final class BlobsToCopy implements Iterator<String>, AutoCloseable {

    private final Sorted named;
    private final Sorted basedOn;
    private final Set<String> erasedFromBase;
    private final String after;
    private String base;
    private String next;

    /**
     * @param base           the backup this one builds on, or null for a full one
     * @param erasedFromBase the blobs the base's rows named but the base could not copy (its manifest says which)
     * @param after          the last blob copied by an earlier run of this backup, or null
     */
    BlobsToCopy(BackupSet set, BackupSet base, Set<String> erasedFromBase, String after, StreamingAead key) throws IOException {
        this.erasedFromBase = erasedFromBase;
        this.after = after;
        this.named = new Sorted(set, key);
        Sorted opened = null;
        try {
            opened = base == null ? null : new Sorted(base, key);
            this.basedOn = opened;
            this.base = basedOn == null ? null : basedOn.line();
            this.next = advance();
        } catch (IOException | RuntimeException e) {
            try (Sorted n = named; Sorted b = opened) {
                throw e; // both closed, the first failure kept
            }
        }
    }

    private String advance() throws IOException {
        for (String key = named.line(); key != null; key = named.line()) {
            if (after != null && key.compareTo(after) <= 0) {
                continue;
            }
            while (base != null && base.compareTo(key) < 0) {
                base = basedOn.line();
            }
            if (key.equals(base) && !erasedFromBase.contains(key)) {
                continue;
            }
            return key;
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public String next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        String current = next;
        try {
            next = advance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the blob list of a backup: " + e.getMessage(), e);
        }
        return current;
    }

    /** How many blobs the rows name, once every one has been read. */
    long named() {
        return named.count;
    }

    @Override
    public void close() {
        try (Sorted n = named; Sorted b = basedOn) {
            // both closed, the second even when the first fails
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A backup's blob list, checked to be in order as it is read (the side-by-side reading depends on it). */
    private static final class Sorted implements AutoCloseable {
        private final BackupSet set;
        private final BufferedReader lines;
        private String last;
        private long count;

        Sorted(BackupSet set, StreamingAead key) throws IOException {
            this.set = set;
            this.lines = new BufferedReader(new InputStreamReader(set.readLocally(Backups.BLOB_LIST, key), StandardCharsets.US_ASCII));
        }

        String line() throws IOException {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String stored = line.trim();
                if (stored.isEmpty()) {
                    continue;
                }
                if (last != null && stored.compareTo(last) <= 0) {
                    throw new BackupDamaged("the blob list of backup " + set.id() + " is not in order: " + stored + " after " + last);
                }
                last = stored;
                count++;
                return stored;
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
