package io.verbatim.backup;

import com.google.crypto.tink.StreamingAead;
import io.verbatim.access.ActionDeniedException;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.Outcome;
import io.verbatim.caller.Caller;
import io.verbatim.cluster.NodeIdentity;
import io.verbatim.crypto.MasterKey;
import io.verbatim.database.SchemaMigration;
import io.verbatim.jobs.JobName;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.storage.DataDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backups of the whole system into the folder or bucket {@code verbatim.backup.dir} names ({@code VERBATIM_BACKUP_DIR},
 * {@link BackupPlaces}): the
 * database read in one snapshot, the server's keys, and every original and audio file the rows name, each file
 * encrypted with the backup key, with a signed manifest. A full backup holds every blob; an incremental one only
 * those its base (the newest backup before it) did not need, which that one and its bases hold. They run as the batch job
 * {@code backup}: started by the operator (Jobs page, REST) or each night with the lifecycle jobs, a full one when
 * the newest full one is older than {@code verbatim.backup.full-every-days} (7); the newest
 * {@code verbatim.backup.keep} (7) are kept, with what they build on.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    /** A complete backup never changes: what its manifest says is read once (a full one lists every blob). */
    private static final Map<String, BackupSummary> SUMMARIES = new ConcurrentHashMap<>();
    static final String CONTENTS = DatabaseDump.FOLDER + "/contents.json";
    static final String BLOB_LIST = "blobs.list";
    static final String KEYS = "keys";
    /** The master key's name in a backup, wherever the server keeps it. */
    static final String MASTER_KEY = "master-key.json";
    /** Job parameters: the backup's id (fixed for the run and its restarts), its kind, and its base for an incremental one. */
    public static final String SET = "set";
    public static final String KIND = "kind";
    public static final String BASE = "base";

    @Inject
    BackupPlaces places;

    @Inject
    @ConfigProperty(name = "verbatim.backup.keep", defaultValue = "7")
    int keep;

    @Inject
    @ConfigProperty(name = "verbatim.backup.full-every-days", defaultValue = "7")
    int fullEveryDays;

    /** How long after the newest complete backup (with none yet: after this server started) a backup is overdue. */
    @Inject
    @ConfigProperty(name = "verbatim.backup.overdue-hours", defaultValue = "36")
    double overdueHours;

    /** When this server started keeping backups, as far as it knows: what is measured while none is complete yet. */
    private static final Instant DEPLOYED = Instant.now();

    @Inject
    BackupKey backupKey;

    @Inject
    DatabaseDump dump;

    @Inject
    BackupBlobs blobs;

    @Inject
    SchemaMigration schema;

    @Inject
    MasterKey masterKey;

    @Inject
    DataDirectory data;

    @Inject
    Caller caller;

    @Inject
    ActionLog actionLog;

    @Inject
    NodeIdentity node;

    /** Whether backups have a place (a folder or a bucket). */
    public boolean on() {
        return places.on();
    }

    /** Where backups go, for a person: a folder's path or the bucket's, or that backups are off. */
    public String where() {
        return on() ? place().describe() : "(off: no VERBATIM_BACKUP_DIR)";
    }

    private BackupPlace place() {
        return places.configured();
    }

    /**
     * Starts a backup now, {@code full} or {@code incremental} (full when there is none yet to build on): the
     * operator's, since a backup holds every PBX's recordings. @return the run's execution id
     */
    @RolesAllowed("ADMIN")
    public long start(String kind) {
        if (caller.tenant() != null) {
            throw new ActionDeniedException("a backup holds every PBX's recordings: only the operator starts one");
        }
        if (!BackupManifest.FULL.equals(kind) && !BackupManifest.INCREMENTAL.equals(kind)) {
            throw new InvalidEntryException("kind must be full or incremental, not " + kind);
        }
        long run = startRun(kind);
        actionLog.record(Action.JOB_START, "backup, " + kind + " (run " + run + ")");
        return run;
    }

    /** The nightly backup, when backups have a place: full when the newest full one is older than its days, else incremental. */
    public Optional<Long> startScheduled() {
        if (!on()) {
            return Optional.empty();
        }
        BackupPlace place = place();
        Optional<BackupSummary> lastFull = place.complete().stream().map(id -> summary(place, id)).flatMap(Optional::stream)
                .filter(m -> m.kind().equals(BackupManifest.FULL)).reduce((a, b) -> b); // an unreadable one counts as none
        boolean full = lastFull.isEmpty() || lastFull.get().createdAt().isBefore(Instant.now().minus(Duration.ofDays(fullEveryDays)).plusSeconds(3600));
        return Optional.of(startRun(full ? BackupManifest.FULL : BackupManifest.INCREMENTAL));
    }

    private long startRun(String kind) {
        BackupPlace place = place();
        running().ifPresent(run -> {
            throw new BackupRunning(run);
        });
        Path keyFile = backupKey.file();
        if (!Files.exists(keyFile) && !place.complete().isEmpty()) { // a new key would make backups no key restores with theirs
            throw new BackupKeyMissing(keyFile, place.describe());
        }
        // an incremental backup builds on the newest, if that was written with this key
        Optional<String> base = kind.equals(BackupManifest.INCREMENTAL) ? place.newest()
                .filter(b -> BackupManifest.signedWith(place.completeSet(b), backupKey.forWriting()) && whole(place, b)) : Optional.empty();
        String actual = base.isPresent() ? BackupManifest.INCREMENTAL : BackupManifest.FULL;
        Properties parameters = new Properties();
        parameters.setProperty(SET, BackupPlace.newId(Instant.now(), actual));
        parameters.setProperty(KIND, actual);
        base.ifPresent(b -> parameters.setProperty(BASE, b));
        long run = JobName.BACKUP.start(parameters, node.name());
        LOG.info("Started backup " + parameters.getProperty(SET) + " (run " + run + ") into " + place.describe()
                + base.map(b -> ", building on " + b).orElse(""));
        return run;
    }

    /** Whether every backup a backup builds on is there (else an incremental one on it could not be restored). */
    private static boolean whole(BackupPlace place, String backup) {
        try {
            place.chain(backup);
            return true;
        } catch (BackupDamaged broken) {
            LOG.warning("A full backup is made instead of an incremental one: " + broken.getMessage());
            return false;
        }
    }

    /** A backup run not ended yet, on any node (the job repository is shared). */
    private static Optional<Long> running() {
        try {
            return BatchRuntime.getJobOperator().getRunningExecutions(JobName.BACKUP.id()).stream().findFirst();
        } catch (NoSuchJobException neverRun) {
            return Optional.empty();
        }
    }

    /** The complete backups, newest first. */
    @RolesAllowed("ADMIN")
    public List<BackupSummary> list() {
        if (caller.tenant() != null) {
            throw new ActionDeniedException("a backup holds every PBX's recordings: only the operator sees them");
        }
        if (!on()) {
            return List.of();
        }
        List<BackupSummary> all = new ArrayList<>();
        BackupPlace place = place();
        for (String backup : place.complete()) {
            summary(place, backup).ifPresent(all::add);
        }
        Collections.reverse(all);
        return all;
    }

    /** A complete backup's summary, read once; empty when its manifest cannot be read. */
    private static Optional<BackupSummary> summary(BackupPlace place, String backup) {
        return Optional.ofNullable(SUMMARIES.computeIfAbsent(place.describe() + "/" + backup, b -> {
            try {
                return BackupSummary.of(BackupManifest.read(place.completeSet(backup)));
            } catch (IOException | RuntimeException unreadable) {
                LOG.warning("The manifest of backup " + backup + " in " + place.describe() + " cannot be read: " + unreadable.getMessage());
                return null;
            }
        }));
    }

    /**
     * Why backups are overdue, when they are on and none completed within {@code verbatim.backup.overdue-hours}: a
     * nightly backup that failed, was never started, or runs far too long must reach somebody, not only the log.
     */
    public Optional<String> overdue() {
        if (!on()) {
            return Optional.empty();
        }
        if (!(overdueHours > 0)) {
            throw new IllegalArgumentException("verbatim.backup.overdue-hours (VERBATIM_BACKUP_OVERDUE_HOURS) must be above 0: " + overdueHours);
        }
        Duration allowed = Duration.ofMillis(Math.round(overdueHours * 3_600_000));
        BackupPlace place = place();
        List<String> complete = place.complete();
        Optional<BackupSummary> newest = Optional.empty();
        for (int i = complete.size() - 1; i >= 0 && newest.isEmpty(); i--) { // asked every minute: each manifest read once
            newest = summary(place, complete.get(i));
        }
        Instant since = newest.map(BackupSummary::createdAt).orElse(DEPLOYED);
        Duration waited = Duration.between(since, Instant.now());
        if (waited.compareTo(allowed) < 0) {
            return Optional.empty();
        }
        return Optional.of(newest.map(m -> "the newest complete backup in " + place.describe() + ", " + m.id() + ", was made ")
                .orElse("no readable backup in " + place.describe() + " has completed since this server started ") + spoken(waited)
                + " ago (the limit is " + spoken(allowed) + "): see the backup runs on the Jobs page");
    }

    /** A length in hours, minutes or seconds, whichever a person reads best. */
    private static String spoken(Duration length) {
        return length.toMinutes() >= 120 ? length.toHours() + " hours"
                : length.toSeconds() >= 120 ? length.toMinutes() + " minutes" : length.toSeconds() + " seconds";
    }

    /** The first step: the database in one snapshot, the list of blobs its rows name, and the server's keys. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void writeDatabase(String setId) {
        StreamingAead key = backupKey.forWriting();
        try {
            BackupSet set = place().partial(setId);
            DatabaseDump.Dumped dumped = dump.dump(set, BLOB_LIST, key);
            JsonObjectBuilder tables = Json.createObjectBuilder();
            dumped.tables().forEach(tables::add);
            String contents = Json.createObjectBuilder().add("database", dumped.database())
                    .add("schemaVersion", schema.version().orElseThrow()).add("tables", tables).build().toString();
            set.write(CONTENTS, key, out -> out.write(contents.getBytes(StandardCharsets.UTF_8)));
            writeKeys(set, key);
            LOG.info("Backup " + setId + ": " + dumped.tables().values().stream().mapToLong(Long::longValue).sum() + " rows of "
                    + dumped.tables().size() + " tables; their rows name " + dumped.blobs() + " blobs");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write backup " + setId + ": " + e.getMessage(), e);
        }
    }

    private void writeKeys(BackupSet set, StreamingAead key) throws IOException {
        Path master = masterKey.file();
        if (Files.isRegularFile(master)) {
            set.write(KEYS + "/" + MASTER_KEY, key, out -> Files.copy(master, out));
        }
        Path backupKeyFile = backupKey.file().toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(data.keys())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path absolute = file.toAbsolutePath().normalize();
                if (!absolute.equals(master.toAbsolutePath().normalize()) && !absolute.equals(backupKeyFile)) {
                    set.write(KEYS + "/" + file.getFileName(), key, out -> Files.copy(file, out));
                }
            }
        }
    }

    /**
     * The blobs still to copy, in order: named by the rows and not by its base's (which it and those it builds on
     * hold), after the last one an earlier run copied. The caller closes it.
     * @param after the last blob an earlier run of this backup copied (its checkpoint), or null
     */
    public BlobsToCopy blobsToCopy(String setId, String base, String after) {
        try {
            BackupPlace place = place();
            if (!place.partialHolds(setId, BLOB_LIST)) {
                throw new IllegalStateException("backup " + setId + " is not in " + place.describe() + " any more (deleted once a newer"
                        + " one was complete): start a new one");
            }
            BackupSet set = place.partial(setId);
            // what a run wrote after its checkpoint is written again: its records go, so that the rest stay in order
            set.records().forgetAfter(BackupSet.BLOBS, after == null ? null : BackupBlobs.fileOf(after));
            return toCopy(place, set, base, after, backupKey.forWriting());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read backup " + setId + ": " + e.getMessage(), e);
        }
    }

    private static BlobsToCopy toCopy(BackupPlace place, BackupSet set, String base, String after, StreamingAead key) throws IOException {
        if (base == null || base.isEmpty()) {
            return new BlobsToCopy(set, null, Set.of(), after, key);
        }
        if (!place.isComplete(base)) {
            throw new BackupDamaged("backup " + set.id() + " builds on backup " + base + ", which is not in " + place.describe()
                    + " any more: start a new backup");
        }
        place.chain(base); // what the base builds on is there too
        BackupSet baseSet = place.completeSet(base);
        return new BlobsToCopy(set, baseSet, Set.copyOf(BackupManifest.read(baseSet).blobsMissing()), after, key);
    }

    /** Copies blobs into the backup. @return how many the store no longer had */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int copyBlobs(String setId, List<String> storedKeys) {
        StreamingAead key = backupKey.forWriting();
        int gone = 0;
        try {
            BackupSet set = place().partial(setId);
            for (String stored : storedKeys) {
                if (!blobs.copy(stored, set, key)) {
                    if (dump.stillNamed(stored)) { // not erased since the rows were read: lost, or being moved; never skipped
                        throw new IllegalStateException("blob " + stored + " is named by rows but the store does not have it:"
                                + " the backup stops here (restart it once the store is whole)");
                    }
                    gone++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy blobs into backup " + setId + ": " + e.getMessage(), e);
        }
        return gone;
    }

    /**
     * The last step: the signed manifest, the backup made complete, older ones pruned, and the action log told.
     * @return the backup as listed
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // files first; the action log writes in a transaction of its own
    public BackupSummary complete(String setId, String kind, String base) {
        StreamingAead key = backupKey.forWriting();
        BackupPlace place = place();
        try {
            if (place.isComplete(setId)) { // completed before a failure after it: only what followed
                return completed(place, BackupManifest.read(place.completeSet(setId)), kind, setId);
            }
            if (!place.partialHolds(setId, CONTENTS)) {
                throw new IllegalStateException("backup " + setId + " is not in " + place.describe() + " any more (deleted once a newer"
                        + " one was complete): start a new one");
            }
            BackupSet set = place.partial(setId);
            JsonObject contents;
            try (InputStream in = set.read(CONTENTS, key); JsonReader reader = Json.createReader(in)) {
                contents = reader.readObject();
            }
            Map<String, Long> tables = new LinkedHashMap<>();
            contents.getJsonObject("tables").forEach((t, n) -> tables.put(t, ((JsonNumber) n).longValue()));
            List<String> missing = new ArrayList<>(); // those erased since the rows were read: the store had them no more
            BlobSums.Summary blobFiles;
            long needed;
            try (BlobsToCopy toHold = toCopy(place, set, base, null, key)) {
                blobFiles = BlobSums.write(set, toHold, stored -> copiedAgain(set, stored, key), missing);
                needed = toHold.named();
            }
            BackupManifest manifest = new BackupManifest(setId, kind, base == null || base.isEmpty() ? null : base, Instant.now(),
                    node.name(), contents.getString("database"), contents.getString("schemaVersion"), tables, needed,
                    missing, set.written(), blobFiles);
            manifest.writeTo(set, key);
            set.completed();
            return completed(place, manifest, kind, setId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete backup " + setId + ": " + e.getMessage(), e);
        }
    }

    /**
     * A blob the backup should hold but does not (a copy that a crash undid after its checkpoint, a file deleted from
     * the backup meanwhile), copied again; one the store no longer has is left out only if no row names it any more.
     */
    private boolean copiedAgain(BackupSet set, String stored, StreamingAead key) throws IOException {
        if (blobs.copy(stored, set, key)) {
            LOG.warning("Backup " + set.id() + " lacked " + BackupBlobs.fileOf(stored) + ", which it had copied: copied again");
            return true;
        }
        if (dump.stillNamed(stored)) {
            throw new IllegalStateException("blob " + stored + " is named by rows but neither backup " + set.id()
                    + " nor the store has it: the backup is not completed (restart it once the store is whole)");
        }
        return false;
    }

    private BackupSummary completed(BackupPlace place, BackupManifest manifest, String kind, String setId) throws IOException {
        BackupSummary summary = BackupSummary.of(manifest);
        List<String> pruned = place.prune(Math.max(1, keep));
        String detail = kind + " backup " + setId + ": " + summary.rows() + " rows, " + summary.blobsHere() + " of "
                + summary.blobsNeeded() + " blobs in it" + (summary.blobsMissing() == 0 ? "" : ", " + summary.blobsMissing()
                + " erased while it was written") + (pruned.isEmpty() ? "" : "; deleted older backups " + String.join(", ", pruned));
        actionLog.recordAs(ActionLog.SERVER, null, Action.BACKUP, Outcome.SUCCESS, detail);
        LOG.info("Backup complete in " + place.describe() + ": " + detail);
        return summary;
    }
}
