package io.verbatim.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * The folder backups go to: one folder a backup, named by when it was started and its kind
 * ({@code 20261205T023000Z-full}), so that names sort as the backups were made; an incremental one names its base in
 * its manifest. Keeping the newest few keeps every backup they build on.
 */
final class BackupFolder {

    private static final Logger LOG = Logger.getLogger(BackupFolder.class.getName());
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    BackupFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    static String newId(Instant at, String kind) {
        return NAME.format(at) + "-" + kind;
    }

    /** The complete backups, oldest first. */
    List<Path> complete() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(BackupManifest.FILE)) && !f.getFileName().toString().endsWith(BackupSet.PARTIAL))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backups in " + root, e);
        }
    }

    Optional<Path> newest() {
        List<Path> all = complete();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * A backup and those it builds on, the full one first.
     * @throws BackupDamaged when one it builds on is not there
     */
    static List<Path> chain(Path backup) {
        List<Path> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Path at = backup;
        while (true) {
            if (!seen.add(at.getFileName().toString())) {
                throw new BackupDamaged("backup " + at.getFileName() + " builds on itself");
            }
            chain.add(at);
            BackupManifest manifest;
            try {
                manifest = BackupManifest.read(at);
            } catch (IOException e) {
                throw new BackupDamaged("backup " + at.getFileName() + " has no readable manifest (" + e.getMessage() + ")");
            }
            if (manifest.base() == null) {
                break;
            }
            Path base = at.resolveSibling(manifest.base());
            if (!Files.isRegularFile(base.resolve(BackupManifest.FILE))) {
                throw new BackupDamaged("backup " + at.getFileName() + " builds on backup " + manifest.base() + ", which is not in "
                        + at.getParent() + ": put it back beside it");
            }
            at = base;
        }
        Collections.reverse(chain);
        return chain;
    }

    /**
     * Deletes the backups beyond the newest {@code keep} and those they build on, and what is left of runs that never
     * completed before the newest complete one.
     * @return the names deleted
     */
    List<String> prune(int keep) throws IOException {
        List<Path> all = complete();
        Set<Path> kept = new LinkedHashSet<>();
        for (Path backup : all.subList(Math.max(0, all.size() - keep), all.size())) {
            try {
                kept.addAll(chain(backup));
            } catch (BackupDamaged unreadable) { // what it builds on is not known: nothing is deleted this time
                LOG.warning("Older backups are kept: " + unreadable.getMessage());
                return List.of();
            }
        }
        List<String> deleted = new ArrayList<>();
        for (Path backup : all) {
            if (!kept.contains(backup)) {
                PathUtils.deleteDirectory(backup);
                deleted.add(backup.getFileName().toString());
            }
        }
        Optional<Path> newest = newest();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path partial : folders.filter(f -> f.getFileName().toString().endsWith(BackupSet.PARTIAL)).toList()) {
                if (newest.isPresent() && partial.getFileName().toString().compareTo(newest.get().getFileName().toString()) < 0) {
                    PathUtils.deleteDirectory(partial);
                    deleted.add(partial.getFileName().toString());
                }
            }
        }
        return deleted;
    }
}
