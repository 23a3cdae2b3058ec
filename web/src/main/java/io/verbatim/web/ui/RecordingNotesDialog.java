package io.verbatim.web.ui;

import io.verbatim.recording.RecordingNote;
import io.verbatim.recording.RecordingNotes;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** The Recordings page's notes dialog: a recording's notes, adding one, editing one's own. */
@Named("recordingNotes")
@ViewScoped
public class RecordingNotesDialog implements Serializable {

    private static final Logger LOG = Logger.getLogger(RecordingNotesDialog.class.getName());

    @Inject
    RecordingNotes notes;

    private Long notesOf;
    private String text;
    private Long editing;

    public void open(RecordingRow r) {
        LOG.fine(() -> "Notes of recording " + r.getId() + " opened");
        notesOf = r.getId();
        text = null;
        editing = null;
    }

    public List<RecordingNote> getNotes() {
        if (notesOf == null) {
            return List.of();
        }
        List<RecordingNote> shown = new ArrayList<>();
        Pages.attempt(() -> shown.addAll(notes.of(notesOf)));
        return shown;
    }

    public void edit(RecordingNote note) {
        editing = note.getId();
        text = note.getText();
    }

    public void save() {
        boolean saved = Pages.attempt(() -> {
            if (editing == null) {
                notes.add(notesOf, text);
            } else {
                notes.edit(notesOf, editing, text);
            }
        });
        if (saved) {
            text = null;
            editing = null;
        }
    }

    /** Whether the signed-in person wrote the note (only they may edit it). */
    public boolean mine(RecordingNote note) {
        return note.getAuthor().equals(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public boolean isEditing() { return editing != null; }
}
