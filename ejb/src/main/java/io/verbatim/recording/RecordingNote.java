package io.verbatim.recording;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A note someone wrote on a recording; its author may edit it, everyone who sees the recording reads it. */
@Entity
@Table(name = "recording_note")
public class RecordingNote implements Serializable {

    public static final int TEXT_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recording_id", nullable = false)
    private long recordingId;

    @Column(nullable = false, length = 255)
    private String author;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "note_text", nullable = false, length = TEXT_LENGTH)
    private String text;

    protected RecordingNote() {
    }

    RecordingNote(long recordingId, String author, Instant writtenAt, String text) {
        this.recordingId = recordingId;
        this.author = author;
        this.writtenAt = writtenAt;
        this.text = text;
    }

    void edit(String text, Instant at) {
        this.text = text;
        this.editedAt = at;
    }

    public Long getId() { return id; }
    public long getRecordingId() { return recordingId; }
    public String getAuthor() { return author; }
    public Instant getWrittenAt() { return writtenAt; }
    public Instant getEditedAt() { return editedAt; }
    public String getText() { return text; }
}
