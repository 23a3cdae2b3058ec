package io.verbatim.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A recording exported to a target, and where: once per target, unless a run is asked to send everything again. */
@Entity
@Table(name = "recording_export")
@IdClass(ExportedRecording.Key.class)
public class ExportedRecording {

    /** The primary key: target and recording. */
    public record Key(Long targetId, Long recordingId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "target_id")
    private Long targetId;

    @Id
    @Column(name = "recording_id")
    private Long recordingId;

    /** The audio's path in the target (the metadata file beside it, {@code .json}). */
    @Column(nullable = false, length = 1000)
    private String path;

    @Column(name = "exported_at", nullable = false)
    private Instant exportedAt;

    protected ExportedRecording() {
    }

    ExportedRecording(long targetId, long recordingId, String path, Instant exportedAt) {
        this.targetId = targetId;
        this.recordingId = recordingId;
        this.path = path;
        this.exportedAt = exportedAt;
    }

    void again(String path, Instant at) {
        this.path = path;
        this.exportedAt = at;
    }

    public long getTargetId() { return targetId; }
    public long getRecordingId() { return recordingId; }
    public String getPath() { return path; }
    public Instant getExportedAt() { return exportedAt; }
}
