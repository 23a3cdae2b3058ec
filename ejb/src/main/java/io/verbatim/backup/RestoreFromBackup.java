package io.verbatim.backup;

import com.google.crypto.tink.StreamingAead;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.crypto.MasterKey;
import io.verbatim.database.SchemaSeed;
import io.verbatim.storage.DataDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A restore: a server started with {@code verbatim.restore.from} ({@code VERBATIM_RESTORE_FROM}: one backup, or
 * where backups are, meaning the newest there; a folder or {@code s3://<bucket>/<prefix>}) on an empty database
 * rebuilds itself from it before anything else starts. First every file of the backup and of those it builds on is
 * checked against the signed manifests, and a damaged backup is refused, naming what is wrong, before anything is
 * written. Then the keys go back, then each blob into the store (checked against the SHA-256 its name says), then
 * the rows, in one transaction; the migrations since the backup's schema run after. A start with the variable still
 * set on the restored database does nothing. A start killed while it restored is finished by the next: the filling
 * begins again on the schema it left without rows, or, the rows being in, the action log gets its entry then.
 */
@ApplicationScoped
public class RestoreFromBackup implements SchemaSeed {

    private static final Logger LOG = Logger.getLogger(RestoreFromBackup.class.getName());

    @Inject
    @ConfigProperty(name = "verbatim.restore.from")
    Optional<String> from;

    @Resource(lookup = "java:jboss/datasources/VerbatimDS")
    DataSource dataSource;

    @Inject
    BackupKey backupKey;

    @Inject
    BackupPlaces places;

    @Inject
    DatabaseDump dump;

    @Inject
    BackupBlobs blobs;

    @Inject
    MasterKey masterKey;

    @Inject
    DataDirectory data;

    @Inject
    ActionLog actionLog;

    /** The backups of the chain, the full one first, each checked, and their manifests; set once a restore is to run. */
    private List<BackupSet> chain;
    private List<BackupManifest> manifests;
    private BackupManifest restoring;
    /** The blobs the newest backup's rows named that were erased while it was written. */
    private Set<String> erased;
    private String summary;
    /** A start killed while it filled the database left its schema without rows: this start fills it again. */
    private boolean resuming;
    /** A restore whose rows are in but whose action-log entry a kill kept from being written: written at this start. */
    private String unlogged;
    /** The backup being restored, for a person: "backup &lt;id&gt; from &lt;where&gt;". */
    private String described;

    /**
     * Written once the database is found fit to be filled and before anything is written ({@link #begin()}), removed
     * once the action log has the restore: a start that finds it knows the restore named in it did not finish.
     */
    private Path pending() {
        return data.root().resolve("restore-pending");
    }

    @Override
    public Optional<String> schemaVersion() {
        boolean requested = from.isPresent() && !from.get().isBlank();
        boolean interrupted = Files.exists(pending());
        if (!requested && !interrupted) {
            return Optional.empty();
        }
        try {
            // the restore that did not finish, if one did not (its backup restored may itself hold an older restore's entry)
            String unfinished = interrupted ? Files.readString(pending()).strip() : null;
            Optional<String> restoredFrom = restoredAlready(unfinished == null ? "" : "restored " + unfinished.split(" from ")[0]);
            if (restoredFrom.isPresent()) { // started again with the variable still set (newer backups may be there, or the bucket away)
                forgetPending();
                if (requested) {
                    LOG.warning("This database was restored already (" + restoredFrom.get() + "); VERBATIM_RESTORE_FROM is ignored: unset it");
                }
                return Optional.empty();
            }
            if (interrupted) {
                if (hasRows()) { // the rows went in in one transaction: only the action log's entry is missing
                    unlogged = unfinished;
                    LOG.warning("The restore of " + unfinished + " was complete when the server stopped, but not in the action log yet:"
                            + " it is written now");
                    return Optional.empty();
                }
                if (!requested) {
                    throw new IllegalStateException("the restore of " + unfinished + " did not finish (it failed, or the server stopped),"
                            + " and the database has no rows: start it again (ear/bin/restore, or VERBATIM_RESTORE_FROM), or delete "
                            + pending() + " to start on an empty database");
                }
                resuming = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pending(), e);
        }
        Chosen backup = chosen(from.get().strip());
        StreamingAead key = backupKey.forReading();
        chain = backup.place().chain(backup.id());
        manifests = new ArrayList<>();
        for (BackupSet set : chain) {
            BackupManifest manifest = BackupManifest.verified(set, key);
            manifests.add(manifest);
            LOG.info("Restore: backup " + set.id() + " checked, " + manifest.files().size() + " files and " + manifest.blobsHere()
                    + " blobs as its manifest says");
        }
        restoring = manifests.get(manifests.size() - 1);
        erased = Set.copyOf(restoring.blobsMissing());
        BackupSet newest = chain.get(chain.size() - 1);
        try {
            eachNeededBlob(key, (stored, holder) -> { // all there before anything is written
                if (holder == null && !erased.contains(stored)) {
                    throw new BackupDamaged("no backup of the chain holds " + BackupBlobs.fileOf(stored) + ", which backup "
                            + newest.id() + " needs");
                }
            });
        } catch (IOException e) {
            throw new BackupDamaged("the blob list of backup " + newest.id() + " or the sums of a backup it builds on cannot be read: "
                    + e.getMessage());
        }
        described = "backup " + newest.id() + " from " + backup.place().describe();
        return Optional.of(restoring.schemaVersion());
    }

    @Override
    public boolean resumes() {
        return resuming;
    }

    /** The database is fit to be filled: from now on a start that finds the marker knows this restore did not finish. */
    @Override
    public void begin() {
        try {
            Files.writeString(pending(), described + "\n", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            BackupFolder.syncFolder(pending().getParent()); // a power cut must not lose it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pending(), e);
        }
        LOG.info("Restore: filling the database from " + described);
    }

    private void forgetPending() throws IOException {
        if (Files.deleteIfExists(pending())) {
            BackupFolder.syncFolder(pending().getParent());
        }
    }

    /** Whether the database holds Verbatim's rows (its users: a restored database has its administrators). */
    private boolean hasRows() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement users = c.prepareStatement("select count(*) from app_user");
             ResultSet rs = users.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException noTablesYet) {
            return false;
        }
    }

    /** What to do with a blob the newest backup's rows need, and the backup of the chain that holds it (null: none). */
    private interface NeededBlob {
        void take(String stored, BackupSet holder) throws IOException;
    }

    /**
     * Goes through the blobs the newest backup's rows need, in order, with the newest backup of the chain that holds
     * each: the blob list and each backup's sums are sorted alike and read side by side, a line of each in memory.
     * @return how many blobs the rows need
     */
    private long eachNeededBlob(StreamingAead key, NeededBlob action) throws IOException {
        List<BlobSums.Entries> held = new ArrayList<>();
        try (BlobsToCopy needed = new BlobsToCopy(chain.get(chain.size() - 1), null, Set.of(), null, key)) {
            BackupSet.FileEntry[] at = new BackupSet.FileEntry[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                held.add(manifests.get(i).blobEntries(chain.get(i)));
                at[i] = held.get(i).next();
            }
            while (needed.hasNext()) {
                String stored = needed.next();
                String file = BackupBlobs.fileOf(stored);
                BackupSet holder = null;
                for (int i = chain.size() - 1; i >= 0; i--) {
                    while (at[i] != null && at[i].path().compareTo(file) < 0) {
                        at[i] = held.get(i).next();
                    }
                    if (holder == null && at[i] != null && at[i].path().equals(file)) {
                        holder = chain.get(i);
                    }
                }
                action.take(stored, holder);
            }
            return needed.named();
        } finally {
            for (BlobSums.Entries entries : held) {
                try {
                    entries.close();
                } catch (IOException e) {
                    LOG.fine(() -> "Closing a backup's sums: " + e.getMessage()); // read to its end or not, nothing is lost
                }
            }
        }
    }

    /** The backup to restore, and where it and those it builds on are. */
    private record Chosen(BackupPlace place, String id) {
    }

    /**
     * One backup ({@code <folder>/<id>}, {@code s3://<bucket>/<prefix><id>}), or the newest complete one where
     * backups are ({@code <folder>}, {@code s3://<bucket>/<prefix>}).
     */
    private Chosen chosen(String given) {
        if (given.startsWith(BackupPlaces.BUCKET_SCHEME)) {
            String trimmed = given.endsWith("/") ? given.substring(0, given.length() - 1) : given;
            int slash = trimmed.lastIndexOf('/');
            String last = trimmed.substring(slash + 1);
            if (slash > BackupPlaces.BUCKET_SCHEME.length() && BackupManifest.ID.matcher(last).matches()) {
                BackupPlace place = places.at(trimmed.substring(0, slash + 1));
                if (!place.isComplete(last)) {
                    throw new BackupDamaged(given + " is no complete backup (not there, or its writing did not finish): restore from a"
                            + " complete one");
                }
                return new Chosen(place, last);
            }
            BackupPlace place = places.at(given);
            return new Chosen(place, place.newest().orElseThrow(() -> new BackupDamaged("there is no complete backup in "
                    + place.describe() + " (one without " + BackupManifest.FILE + " is one whose writing did not finish)")));
        }
        Path path = Path.of(given).toAbsolutePath().normalize();
        if (path.getFileName().toString().endsWith(BackupFolder.PARTIAL)) {
            throw new BackupDamaged(path + " is a backup whose writing did not finish: restore from a complete one");
        }
        if (Files.isRegularFile(path.resolve(BackupManifest.FILE))) {
            return new Chosen(new BackupFolder(path.getParent()), path.getFileName().toString());
        }
        if (!Files.isDirectory(path)) {
            throw new BackupDamaged("VERBATIM_RESTORE_FROM names " + path + ", which is not there");
        }
        BackupFolder folder = new BackupFolder(path);
        return new Chosen(folder, folder.newest().orElseThrow(() -> new BackupDamaged("there is no complete backup in " + path
                + " (a folder ending in .partial is one whose writing did not finish)")));
    }

    /** The restore this database was filled by (its entry's detail starting so), if it was: the action log says so. */
    private Optional<String> restoredAlready(String detailStart) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement restored = c.prepareStatement("select detail from action_log_entry where action = ? and detail like ?"
                     + " order by occurred_at desc")) {
            restored.setString(1, Action.BACKUP_RESTORE.name());
            restored.setString(2, detailStart.replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet rs = restored.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException noActionLogYet) { // an empty database
            return Optional.empty();
        }
    }

    @Override
    public void fill(DataSource into) {
        StreamingAead key = backupKey.forReading();
        BackupSet newest = chain.get(chain.size() - 1);
        try {
            int keys = restoreKeys(newest, key);
            Path staging = data.folder("staging");
            long[] restored = {0};
            long needed = eachNeededBlob(key, (stored, holder) -> {
                if (holder == null) {
                    return; // erased while the backup was written; its manifest says so
                }
                blobs.restore(stored, holder, key, staging);
                if (++restored[0] % 500 == 0) {
                    LOG.info("Restore: " + restored[0] + " of " + restoring.blobsNeeded() + " blobs back in the store");
                }
            });
            Map<String, Long> rows = dump.load(into, newest, key, restoring);
            summary = "restored backup " + newest.id() + (chain.size() > 1 ? " with the " + (chain.size() - 1) + " it builds on, from "
                    + chain.get(0).id() : "") + ": " + rows.values().stream().mapToLong(Long::longValue).sum()
                    + " rows, " + restored[0] + " of " + needed + " blobs, " + keys + " keys" + (restoring.blobsMissing().isEmpty() ? ""
                    : "; " + restoring.blobsMissing().size() + " blobs were erased while the backup was written");
            LOG.info("Restore: " + summary);
        } catch (IOException e) {
            throw new UncheckedIOException("the restore from " + newest.where() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void migrated() {
        if (summary == null && unlogged == null) {
            return;
        }
        actionLog.recordAs(ActionLog.SERVER, null, Action.BACKUP_RESTORE, Outcome.SUCCESS, summary != null ? summary
                : "restored " + unlogged + " (written at the next start: the server stopped between the restore and this entry)");
        try {
            forgetPending();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pending(), e);
        }
    }

    /** The master key where this server keeps it, the others in its keys folder; one there already must be the same. */
    private int restoreKeys(BackupSet set, StreamingAead key) throws IOException {
        int written = 0;
        for (BackupSet.FileEntry entry : restoring.files()) { // the verified manifest
            if (!entry.path().startsWith(Backups.KEYS + "/")) {
                continue;
            }
            String name = entry.path().substring(Backups.KEYS.length() + 1);
            Path target = name.equals(Backups.MASTER_KEY) ? masterKey.file() : data.keys().resolve(name);
            byte[] bytes;
            try (InputStream in = set.read(entry.path(), key)) {
                bytes = in.readAllBytes();
            }
            if (Files.exists(target)) {
                if (!Arrays.equals(Files.readAllBytes(target), bytes)) {
                    throw new IllegalStateException("a restore puts back the keys the backup was made with, and " + target
                            + " is another key: start from an empty keys folder (or move that file away)");
                }
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            DataDirectory.ownerOnly(target);
            written++;
        }
        return written;
    }
}
