package io.verbatim.audit;

import io.verbatim.caller.Caller;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.storage.BlobDisposals;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.DataDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exports of the action log: asked for by administrators and compliance officers (their tenant; the operator's
 * cover every tenant), made by the {@code action-log-export} job, downloaded afterwards. Asking and downloading
 * are logged.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class ActionLogExports {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ActionLog actionLog;

    @Inject
    DataDirectory data;

    @Inject
    BlobStore blobs;

    @Inject
    BlobDisposals disposals;

    @Inject
    Event<ExportRequested> requested;

    @RolesAllowed({"ADMIN", "COMPLIANCE"})
    public ActionLogExport request(Instant from, Instant to, Set<String> users, Set<Action> actions, Long recordingId) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        ActionLogExport export = new ActionLogExport(caller.name(), Instant.now().truncatedTo(ChronoUnit.MILLIS), caller.tenant(),
                from, to, users, actions, recordingId);
        em.persist(export);
        em.flush();
        actionLog.record(Action.EXPORT, "export " + export.getId() + " requested: " + (from == null ? "from the beginning" : "from " + from)
                + (to == null ? " to now" : " to " + to) + (users.isEmpty() ? "" : ", users " + users)
                + (actions.isEmpty() ? "" : ", actions " + actions.stream().map(Action::word).toList())
                + (recordingId == null ? "" : ", recording " + recordingId));
        requested.fire(new ExportRequested(export.getId(), export.getPbx()));
        return export;
    }

    /** An export of the caller's tenant (the operator: any). */
    @RolesAllowed({"ADMIN", "COMPLIANCE"})
    public ActionLogExport get(long id) {
        ActionLogExport export = em.find(ActionLogExport.class, id);
        String tenant = caller.signedInTenant();
        if (export == null || (tenant != null && !tenant.equals(export.getPbx()))) {
            throw new NoSuchEntryException("export " + id);
        }
        return export;
    }

    /** A finished export's ZIP: its file name, its size and its content, decrypted as it is read. */
    public record ExportFile(String name, long size, SeekableByteChannel content) {
    }

    /** The finished export's ZIP, opened (the caller closes it); the download is logged. */
    @RolesAllowed({"ADMIN", "COMPLIANCE"})
    public ExportFile file(long id) throws IOException {
        ActionLogExport export = get(id);
        if (export.getState() == ActionLogExport.State.DELETED) {
            throw new ExportGoneException("export " + id + " was deleted at " + export.getDeletedAt()
                    + (ActionLogExport.EXPIRY.equals(export.getDeletedBy()) ? ", older than the export keeping time"
                    : " by " + export.getDeletedBy()));
        }
        if (export.getState() != ActionLogExport.State.DONE) {
            throw new ExportNotReadyException("export " + id + " is " + export.getState().name().toLowerCase() + ", not done");
        }
        SeekableByteChannel content = export.getBlobKey() != null ? blobs.open(export.getBlobKey())
                : FileChannel.open(data.folder("exports").resolve(export.getFileName())); // finished before V14
        try {
            actionLog.record(Action.DOWNLOAD, "action-log export " + id);
        } catch (RuntimeException e) {
            content.close();
            throw e;
        }
        return new ExportFile(export.getFileName(), export.getFileSize(), content);
    }

    /**
     * Deletes a finished or failed export's file (the record of the export stays, marked deleted); logged. Deleting
     * one already deleted changes nothing; one still being made cannot be deleted.
     */
    @RolesAllowed({"ADMIN", "COMPLIANCE"})
    public ActionLogExport delete(long id) throws IOException {
        ActionLogExport export = get(id);
        if (export.getState() == ActionLogExport.State.WAITING || export.getState() == ActionLogExport.State.RUNNING) {
            throw new ExportNotReadyException("export " + id + " is " + export.getState().name().toLowerCase()
                    + "; it can be deleted once it is done");
        }
        if (export.getState() != ActionLogExport.State.DELETED) {
            deleteFile(export, caller.name());
            actionLog.record(Action.DELETE, "action-log export " + id);
        }
        return export;
    }

    /** The exports, finished or failed, whose files are still kept and were made before {@code cutoff}. */
    /**
     * Finished exports older at {@code at} than their PBX's keeping time in {@code keepDays} (by PBX; {@code *}: every
     * PBX not named, and the operator's exports), of one PBX or all ({@code null}), as id to days kept.
     */
    public Map<Long, Integer> expired(Instant at, Map<String, Integer> keepDays, String onlyPbx) {
        Map<Long, Integer> expired = new TreeMap<>();
        em.createQuery("select e.id, e.pbx, e.finishedAt from ActionLogExport e where e.state in :states"
                        + " and (:all = true or e.pbx = :pbx) order by e.id", Object[].class)
                .setParameter("states", List.of(ActionLogExport.State.DONE, ActionLogExport.State.FAILED))
                .setParameter("all", onlyPbx == null).setParameter("pbx", onlyPbx == null ? "" : onlyPbx)
                .getResultList().forEach(row -> {
                    Integer days = row[1] != null && keepDays.containsKey((String) row[1]) ? keepDays.get((String) row[1]) : keepDays.get("*");
                    if (days != null && row[2] != null && ((Instant) row[2]).isBefore(at.minus(Duration.ofDays(days)))) {
                        expired.put((Long) row[0], days);
                    }
                });
        return expired;
    }

    /** Deletes an export's file as older than the export keeping time of {@code keepDays}; logged. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void expire(long id, int keepDays) throws IOException {
        ActionLogExport export = em.find(ActionLogExport.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (export == null || export.getState() == ActionLogExport.State.DELETED) {
            return; // deleted by hand meanwhile
        }
        deleteFile(export, ActionLogExport.EXPIRY);
        actionLog.recordAs(ActionLog.SERVER, export.getPbx(), Action.DELETE, Outcome.SUCCESS, "action-log export "
                + id + " expired: finished more than " + keepDays + " days ago");
    }

    private void deleteFile(ActionLogExport export, String by) throws IOException {
        if (export.getBlobKey() != null) {
            disposals.dispose(List.of(export.getBlobKey()), "action-log export " + export.getId() + " deleted");
        } else if (export.getFileName() != null) { // finished before V14
            Files.deleteIfExists(data.folder("exports").resolve(export.getFileName()));
        }
        export.deleted(by, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    // --- for the job: each step in a transaction of its own, so progress shows while it runs -----------------------

    /**
     * Records the job execution that runs an export. Only that column is written: the job may already have run
     * and finished, and writing back the whole row as read before it did would undo its state and total.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(long id, long executionId) {
        em.createQuery("update ActionLogExport e set e.executionId = :execution where e.id = :id")
                .setParameter("execution", executionId).setParameter("id", id).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void running(long id, long total) {
        em.find(ActionLogExport.class, id).running(total);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(long id, long done) {
        em.find(ActionLogExport.class, id).progress(done);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finished(long id, String fileName, String blobKey, long size) {
        em.find(ActionLogExport.class, id).finished(fileName, blobKey, size, Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String reason) {
        em.find(ActionLogExport.class, id).failed(reason, Instant.now());
    }

    public ActionLogExport find(long id) {
        return em.find(ActionLogExport.class, id);
    }

    public long count(ActionLogExport export) {
        return query(export, "select count(e)", "", Long.class).getSingleResult();
    }

    /** The export's entries after the one numbered {@code sequenceNumber}, oldest first. */
    public List<ActionLogEntry> entriesAfter(ActionLogExport export, long sequenceNumber, int limit) {
        return query(export, "select e", " and e.sequenceNumber > :after order by e.sequenceNumber", ActionLogEntry.class)
                .setParameter("after", sequenceNumber).setMaxResults(limit).getResultList();
    }

    private <T> TypedQuery<T> query(ActionLogExport export, String select, String tail, Class<T> type) {
        StringBuilder where = new StringBuilder(" from ActionLogEntry e where 1 = 1");
        if (export.getPbx() != null) {
            where.append(" and e.pbx = :pbx");
        }
        if (export.getFrom() != null) {
            where.append(" and e.occurredAt >= :from");
        }
        if (export.getTo() != null) {
            where.append(" and e.occurredAt < :to");
        }
        if (!export.userSet().isEmpty()) {
            where.append(" and e.actor in :users");
        }
        if (!export.actionSet().isEmpty()) {
            where.append(" and e.action in :actions");
        }
        if (export.getRecordingId() != null) {
            where.append(" and e.recordingId = :recording");
        }
        TypedQuery<T> q = em.createQuery(select + where + tail, type);
        if (export.getPbx() != null) {
            q.setParameter("pbx", export.getPbx());
        }
        if (export.getFrom() != null) {
            q.setParameter("from", export.getFrom());
        }
        if (export.getTo() != null) {
            q.setParameter("to", export.getTo());
        }
        if (!export.userSet().isEmpty()) {
            q.setParameter("users", export.userSet());
        }
        if (!export.actionSet().isEmpty()) {
            q.setParameter("actions", export.actionSet());
        }
        if (export.getRecordingId() != null) {
            q.setParameter("recording", export.getRecordingId());
        }
        return q;
    }
}
