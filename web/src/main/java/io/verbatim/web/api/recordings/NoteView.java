package io.verbatim.web.api.recordings;

import io.verbatim.recording.RecordingNote;
import java.time.Instant;

/** A note on a recording; {@code editedAt} is set once its author has changed it. */
public record NoteView(long id, long recordingId, String author, Instant writtenAt, Instant editedAt, String text) {

    static NoteView of(RecordingNote n) {
        return new NoteView(n.getId(), n.getRecordingId(), n.getAuthor(), n.getWrittenAt(), n.getEditedAt(), n.getText());
    }
}
