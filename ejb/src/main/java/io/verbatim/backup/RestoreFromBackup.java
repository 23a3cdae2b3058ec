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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * set on the restored database does nothing.
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

    /** The backups of the chain, the full one first, each checked; set once a restore is to run. */
    private List<BackupSet> chain;
    private BackupManifest restoring;
    /** Which backup of the chain holds each blob file, and the blobs the newest one's rows need. */
    private Map<String, BackupSet> holders;
    private List<String> needed;
    private String summary;

    @Override
    public Optional<String> schemaVersion() {
        if (from.isEmpty() || from.get().isBlank()) {
            return Optional.empty();
        }
        Optional<String> restoredFrom = restoredAlready();
        if (restoredFrom.isPresent()) { // started again with the variable still set (newer backups may be there, or the bucket away)
            LOG.warning("This database was restored already (" + restoredFrom.get() + "); VERBATIM_RESTORE_FROM is ignored: unset it");
            return Optional.empty();
        }
        Chosen backup = chosen(from.get().strip());
        StreamingAead key = backupKey.forReading();
        chain = backup.place().chain(backup.id());
        BackupManifest manifest = null;
        holders = new HashMap<>();
        for (BackupSet set : chain) {
            manifest = BackupManifest.verified(set, key);
            BackupSet holder = set;
            manifest.files().stream().map(BackupSet.FileEntry::path).filter(p -> p.startsWith(BackupBlobs.FOLDER + "/"))
                    .forEach(p -> holders.put(p, holder));
            LOG.info("Restore: backup " + set.id() + " checked, " + manifest.files().size() + " files as its manifest says");
        }
        restoring = manifest;
        BackupSet newest = chain.get(chain.size() - 1);
        try {
            needed = Backups.blobList(newest, key);
        } catch (IOException e) {
            throw new BackupDamaged("the blob list of backup " + newest.id() + " cannot be read: " + e.getMessage());
        }
        for (String stored : needed) { // all there before anything is written
            if (!holders.containsKey(BackupBlobs.fileOf(stored)) && !restoring.blobsMissing().contains(stored)) {
                throw new BackupDamaged("no backup of the chain holds " + BackupBlobs.fileOf(stored) + ", which backup "
                        + newest.id() + " needs");
            }
        }
        return Optional.of(manifest.schemaVersion());
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

    /** The restore this database was filled by, if it was: the action log says so. */
    private Optional<String> restoredAlready() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement restored = c.prepareStatement("select detail from action_log_entry where action = ? order by occurred_at desc")) {
            restored.setString(1, Action.BACKUP_RESTORE.name());
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
            int restored = 0;
            for (String stored : needed) {
                BackupSet holder = holders.get(BackupBlobs.fileOf(stored));
                if (holder == null) {
                    continue; // erased while the backup was written; its manifest says so
                }
                blobs.restore(stored, holder, key, staging);
                if (++restored % 500 == 0) {
                    LOG.info("Restore: " + restored + " of " + needed.size() + " blobs back in the store");
                }
            }
            Map<String, Long> rows = dump.load(into, newest, key, restoring);
            summary = "restored backup " + newest.id() + (chain.size() > 1 ? " with the " + (chain.size() - 1) + " it builds on, from "
                    + chain.get(0).id() : "") + ": " + rows.values().stream().mapToLong(Long::longValue).sum()
                    + " rows, " + restored + " blobs, " + keys + " keys" + (restoring.blobsMissing().isEmpty() ? ""
                    : "; " + restoring.blobsMissing().size() + " blobs were erased while the backup was written");
            LOG.info("Restore: " + summary);
        } catch (IOException e) {
            throw new UncheckedIOException("the restore from " + newest.where() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void filledAndMigrated() {
        actionLog.recordAs(ActionLog.SERVER, null, Action.BACKUP_RESTORE, Outcome.SUCCESS, summary);
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
