package io.verbatim.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** An export of the action log asked for by an administrator or compliance officer, and how far it has come. */
@Entity
@Table(name = "action_log_export")
public class ActionLogExport {

    /** DELETED: its file is gone (deleted by hand or expired); the row stays as the record of it. */
    public enum State { WAITING, RUNNING, DONE, FAILED, DELETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by", nullable = false, length = 255)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    /** The tenant exported; null: every tenant (the operator's export). */
    @Column(length = 100)
    private String pbx;

    @Column(name = "period_from")
    private Instant from;

    @Column(name = "period_to")
    private Instant to;

    /** Comma-separated; null: everyone. */
    @Column(length = 1000)
    private String users;

    /** Comma-separated action names; null: every action. */
    @Column(length = 1000)
    private String actions;

    /** Only entries about this recording; null: all. */
    @Column(name = "recording_id")
    private Long recordingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    private Long total;

    @Column(nullable = false)
    private long done;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "file_name", length = 255)
    private String fileName;

    @Column(name = "file_size")
    private Long fileSize;

    @Column(name = "blob_key", length = 120)
    private String blobKey; // where the ZIP is in the blob store; null for exports finished before it was kept there

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 1000)
    private String failure;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Who deleted the file, or {@link #EXPIRY} when it outlived the export keeping time. */
    @Column(name = "deleted_by", length = 255)
    private String deletedBy;

    public static final String EXPIRY = "expiry";

    protected ActionLogExport() {
    }

    ActionLogExport(String requestedBy, Instant requestedAt, String pbx, Instant from, Instant to, Set<String> users, Set<Action> actions,
                    Long recordingId) {
        this.recordingId = recordingId;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.pbx = pbx;
        this.from = from;
        this.to = to;
        this.users = users.isEmpty() ? null : String.join(",", new TreeSet<>(users));
        this.actions = actions.isEmpty() ? null : actions.stream().map(Action::name).sorted().collect(Collectors.joining(","));
        this.state = State.WAITING;
    }

    void running(long total) { this.state = State.RUNNING; this.total = total; this.done = 0; }
    void progress(long done) { this.done = done; }

    void finished(String fileName, String blobKey, long fileSize, Instant at) {
        this.state = State.DONE;
        this.fileName = fileName;
        this.blobKey = blobKey;
        this.fileSize = fileSize;
        this.finishedAt = at;
        this.done = total == null ? done : total;
    }

    void failed(String reason, Instant at) {
        this.state = State.FAILED;
        this.failure = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
        this.finishedAt = at;
    }

    void deleted(String by, Instant at) {
        this.state = State.DELETED;
        this.blobKey = null;
        this.deletedBy = by;
        this.deletedAt = at;
    }

    public Set<String> userSet() {
        return users == null ? Set.of() : new TreeSet<>(Arrays.asList(users.split(",")));
    }

    public Set<Action> actionSet() {
        return actions == null ? Set.of() : Arrays.stream(actions.split(",")).map(Action::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    public Long getId() { return id; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getPbx() { return pbx; }
    public Instant getFrom() { return from; }
    public Instant getTo() { return to; }
    public Long getRecordingId() { return recordingId; }
    public State getState() { return state; }
    public Long getTotal() { return total; }
    public long getDone() { return done; }
    public Long getExecutionId() { return executionId; }
    public String getFileName() { return fileName; }
    public Long getFileSize() { return fileSize; }
    public String getBlobKey() { return blobKey; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getFailure() { return failure; }
    public Instant getDeletedAt() { return deletedAt; }
    public String getDeletedBy() { return deletedBy; }
}
