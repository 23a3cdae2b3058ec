package io.verbatim.backup;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Where backups are kept: a folder ({@link BackupFolder}: a local disk or a mounted share) or an S3-compatible bucket
 * ({@link BackupBucket}). Each backup has an id named by when it was started and its kind
 * ({@code 20261205T023000Z-full}), so that ids sort as the backups were made; an incremental one names its base in
 * its manifest. Keeping the newest few keeps every backup they build on.
 */
abstract class BackupPlace implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackupPlace.class.getName());
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    static String newId(Instant at, String kind) {
        return NAME.format(at) + "-" + kind;
    }

    /** Where, for a person (never credentials). */
    abstract String describe();

    /** The ids of the complete backups, oldest first. */
    abstract List<String> complete();

    /** The ids of backups whose writing has not finished (or never will: a run that was given up). */
    abstract List<String> unfinished();

    /** The backup {@code id} being written (made if it is not there yet). */
    abstract BackupSet partial(String id) throws IOException;

    /** Whether the backup {@code id} being written holds a file (without making it). */
    abstract boolean partialHolds(String id, String relative) throws IOException;

    /** A complete backup. */
    abstract BackupSet completeSet(String id);

    abstract boolean isComplete(String id);

    /** Deletes a backup, complete or not: a complete one stops being one first, so a crash halfway leaves no damaged backup. */
    abstract void delete(String id, boolean complete) throws IOException;

    /** Readies the place for backups to be written: nothing for a folder (made by the first backup). */
    void prepare() {
    }

    @Override
    public void close() {
    }

    Optional<String> newest() {
        List<String> all = complete();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * A backup and those it builds on, the full one first.
     * @throws BackupDamaged when one it builds on is not there
     */
    List<BackupSet> chain(String id) {
        List<BackupSet> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String at = id;
        while (true) {
            if (!seen.add(at)) {
                throw new BackupDamaged("backup " + at + " builds on itself");
            }
            BackupSet set = completeSet(at);
            chain.add(set);
            BackupManifest manifest;
            try {
                manifest = BackupManifest.read(set);
            } catch (IOException e) {
                throw new BackupDamaged("backup " + at + " has no readable manifest (" + e.getMessage() + ")");
            }
            if (manifest.base() == null) {
                break;
            }
            if (!isComplete(manifest.base())) {
                throw new BackupDamaged("backup " + at + " builds on backup " + manifest.base() + ", which is not in "
                        + describe() + ": put it back beside it");
            }
            at = manifest.base();
        }
        Collections.reverse(chain);
        return chain;
    }

    /**
     * Deletes the backups beyond the newest {@code keep} and those they build on, and what is left of runs that never
     * completed before the newest complete one.
     * @return the ids deleted (an unfinished one with {@link BackupFolder#PARTIAL} after it)
     */
    List<String> prune(int keep) throws IOException {
        List<String> all = complete();
        Set<String> kept = new LinkedHashSet<>();
        for (String backup : all.subList(Math.max(0, all.size() - keep), all.size())) {
            try {
                chain(backup).forEach(set -> kept.add(set.id()));
            } catch (BackupDamaged unreadable) { // what it builds on is not known: nothing is deleted this time
                LOG.warning("Older backups are kept: " + unreadable.getMessage());
                return List.of();
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String backup : all) {
            if (!kept.contains(backup)) {
                delete(backup, true);
                deleted.add(backup);
            }
        }
        Optional<String> newest = newest();
        for (String unfinished : unfinished()) {
            if (newest.isPresent() && unfinished.compareTo(newest.get()) < 0) {
                delete(unfinished, false);
                deleted.add(unfinished + BackupFolder.PARTIAL);
            }
        }
        return deleted;
    }
}
