package io.verbatim.archive;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.callinfo.Direction;
import io.verbatim.crypto.MasterKey;
import io.verbatim.directory.Groups;
import io.verbatim.directory.UserAccount;
import io.verbatim.lifecycle.RecordingExpiry;
import io.verbatim.media.OutputFormat;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingFileName;
import io.verbatim.recording.RecordingNotes;
import io.verbatim.recording.RecordingState;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.Staging;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the {@code recording-export} job does for one target: which recordings it takes (READY, not in the recycle bin,
 * of the target's PBX, through its filter, not yet exported there unless the run sends everything again), and the export
 * of one: its audio and metadata file under the target's name template, the record of where it went, the action log's
 * entry and, for a target that keeps them, its erasure here. The job reads as the server, like a backup: the target's
 * PBX is the boundary (a PBX's target never takes another PBX's recordings).
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class RecordingExports {

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobStore blobs;

    @Inject
    Staging staging;

    @Inject
    MasterKey masterKey;

    @Inject
    ActionLog actionLog;

    @Inject
    RecordingExpiry expiry;

    @Inject
    RecordingNotes notes;

    @Inject
    Groups groups;

    /**
     * A run's connection to its target (made at the first export).
     *
     * @throws NoSuchEntryException when the target was removed
     */
    public ExportRun begin(long targetId, boolean again) {
        ExportTarget t = em.find(ExportTarget.class, targetId);
        if (t == null) {
            throw new NoSuchEntryException("export target " + targetId + " (removed)");
        }
        em.detach(t);
        return new ExportRun(t, again);
    }

    /** Up to {@code limit} ids the run takes, above {@code afterId}, ascending. */
    public List<Long> candidates(ExportRun run, long afterId, int limit) {
        ExportTarget t = run.target();
        StringBuilder where = new StringBuilder("select r.id from Recording r left join r.callRecord c where r.state = :ready"
                + " and r.deletedAt is null and r.id > :after");
        if (t.getPbx() != null) {
            where.append(" and r.pbx = :pbx");
        }
        Set<String> owners = owners(t);
        if (!owners.isEmpty()) {
            where.append(" and r.owner in :owners");
        }
        if (t.getDirection() != null) {
            where.append(" and c.direction = :direction");
        }
        if (t.getRecordedFrom() != null) {
            where.append(" and coalesce(r.startedAt, r.receivedAt) >= :from");
        }
        if (t.getRecordedUntil() != null) {
            where.append(" and coalesce(r.startedAt, r.receivedAt) < :until");
        }
        if (!run.again()) {
            where.append(" and not exists (select e.recordingId from ExportedRecording e where e.targetId = :target and e.recordingId = r.id)");
        }
        TypedQuery<Long> q = em.createQuery(where.append(" order by r.id").toString(), Long.class)
                .setParameter("ready", RecordingState.READY).setParameter("after", afterId);
        if (t.getPbx() != null) {
            q.setParameter("pbx", t.getPbx());
        }
        if (!owners.isEmpty()) {
            q.setParameter("owners", owners);
        }
        if (t.getDirection() != null) {
            q.setParameter("direction", Direction.valueOf(t.getDirection()));
        }
        if (t.getRecordedFrom() != null) {
            q.setParameter("from", t.getRecordedFrom());
        }
        if (t.getRecordedUntil() != null) {
            q.setParameter("until", t.getRecordedUntil());
        }
        if (!run.again()) {
            q.setParameter("target", t.getId());
        }
        return q.setMaxResults(limit).getResultList();
    }

    /** The owners the filter names, and the members of the groups it names, as they are now. */
    private Set<String> owners(ExportTarget t) {
        Set<String> owners = new LinkedHashSet<>(t.getOwners());
        for (String group : t.getGroups()) {
            groups.findGroup(group, t.getPbx()).ifPresent(g -> g.getMembers().stream().map(UserAccount::getUsername).forEach(owners::add));
        }
        if (owners.isEmpty() && !t.getGroups().isEmpty()) {
            owners.add(""); // groups without members (or gone) take nobody, not everybody
        }
        return owners;
    }

    /**
     * Exports one recording, in the caller's (the chunk's) transaction: the files first, then the record of it, so a
     * crash between them sends the same files again under the same names on the next run.
     * @return whether it was exported (one deleted or changed since it was read is left alone)
     */
    public boolean export(ExportRun run, long recordingId) throws IOException {
        ExportTarget t = run.target();
        Recording r = em.find(Recording.class, recordingId);
        if (r == null || r.getState() != RecordingState.READY || r.getDeletedAt() != null) {
            return false;
        }
        OutputFormat format = r.audioOutputFormat();
        String base = RecordingFileName.of(t.getNameTemplate(), r, ZoneId.of(t.getTimeZone()));
        String path = base + "." + format.extension();
        if (takenByAnother(t.getId(), base, r.getId())) { // two devices' captures of one call share its call id
            base = base + "_" + r.getId();
            path = base + "." + format.extension();
        }
        ExportSecret secret = ExportSecret.of(masterKey.decryptSecret(t.getSecret(), ExportSecret.PURPOSE));
        ExportDestination destination = run.destination(secret);
        Path audio = staging.newFile("." + format.extension());
        Path metadata = staging.newFile(".json");
        try {
            try (SeekableByteChannel stored = blobs.open(r.getAudioKey()); InputStream in = Channels.newInputStream(stored);
                 OutputStream out = Files.newOutputStream(audio)) {
                in.transferTo(out); // decrypted when stored encrypted: the archive gets what users play
            }
            String audioFile = path.substring(path.lastIndexOf('/') + 1);
            Files.write(metadata, ExportMetadata.write(new ExportMetadata.Source(r, r.getCallRecord(), notes.of(r), audioFile),
                    t.getMetadataItems()));
            destination.put(path, audio);
            destination.put(base + ".json", metadata);
        } finally {
            Files.deleteIfExists(audio);
            Files.deleteIfExists(metadata);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ExportedRecording done = em.find(ExportedRecording.class, new ExportedRecording.Key(t.getId(), r.getId()));
        if (done == null) {
            em.persist(new ExportedRecording(t.getId(), r.getId(), path, now));
        } else {
            done.again(path, now);
        }
        // the operator's archive is not the PBX's business: its entries (the PBX's action log) name the target only
        String where = (t.getPbx() == null ? "export target " + t.getId() + " of the operator" : t.describe()) + " as " + path;
        actionLog.recordAs(ActionLog.SERVER, Action.ARCHIVE_EXPORT, r, "to " + where);
        if (t.isDeleteAfterExport()) {
            expiry.handOver(r.getId(), "exported to " + where + ": kept there from now on");
        }
        return true;
    }

    /** Whether another recording went to the target under this name, in any audio format (their .json would collide too). */
    private boolean takenByAnother(long targetId, String base, long recordingId) {
        return !em.createQuery("select e.recordingId from ExportedRecording e where e.targetId = :t and e.path in :paths"
                        + " and e.recordingId <> :id", Long.class)
                .setParameter("t", targetId).setParameter("paths", OutputFormat.extensions().stream().map(e -> base + "." + e).toList())
                .setParameter("id", recordingId).setMaxResults(1).getResultList().isEmpty();
    }
}
