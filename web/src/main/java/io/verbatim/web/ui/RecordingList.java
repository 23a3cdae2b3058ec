package io.verbatim.web.ui;

import io.verbatim.access.FourEyes;
import io.verbatim.directory.Directory;
import io.verbatim.directory.Licences;
import io.verbatim.lifecycle.Deletion;
import io.verbatim.lifecycle.RecordingLifecycle;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingNote;
import io.verbatim.recording.RecordingNotes;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import io.verbatim.seal.SealCheck;
import io.verbatim.seal.Seals;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.primefaces.model.LazyDataModel;

/** The Recordings page: a lazily loaded, filtered list, newest first, with a player for each converted call. */
@Named
@ViewScoped
public class RecordingList implements Serializable {

    private static final Logger LOG = Logger.getLogger(RecordingList.class.getName());

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Inject
    transient RecordingCatalog catalog;

    @Inject
    transient FourEyes fourEyes;

    private String text;
    private List<LocalDate> dateRange;
    private final LazyDataModel<Recording> recordings = new Model();

    @Inject
    transient Directory directory;

    @Inject
    transient Licences licences;

    @Inject
    transient RecordingLifecycle lifecycle;

    @Inject
    transient RecordingNotes notes;

    @Inject
    transient Seals seals;

    private Long notesOf;
    private String noteText;
    private Long editing;
    private FourEyes.Standing standing; // per view: a grant or its end reloads the page
    private Set<String> licensed;
    private ZoneId zone;

    /** Whether the viewer's recordings wait for a 4-eyes grant. */
    public FourEyes.Standing getFourEyes() {
        if (standing == null) {
            standing = fourEyes.standing();
        }
        return standing;
    }

    /** Whether the owner holds a recorder licence; administrators see the recordings of those who do not, flagged. */
    public boolean licensed(Recording r) {
        if (licensed == null) {
            licensed = new HashSet<>(licences.holders());
        }
        return r.getOwner() != null && licensed.contains(r.getOwner());
    }

    public void requestAccess() {
        fourEyes.request();
        standing = null;
    }

    // --- protection, deletion, notes ----------------------------------------------------------------------------

    public void protect(Recording r) {
        Pages.attempt(() -> lifecycle.protect(r.getId()));
    }

    public void unprotect(Recording r) {
        Pages.attempt(() -> lifecycle.unprotect(r.getId()));
    }

    public void delete(Recording r) {
        Pages.attempt(() -> Pages.say(lifecycle.delete(r.getId()) == Deletion.RECYCLE_BIN
                ? "Recording " + r.getId() + " moved to the recycle bin" : "Recording " + r.getId() + " deleted for good"));
    }

    public void verifySeal(Recording r) {
        Pages.attempt(() -> {
            SealCheck check = seals.verify(r.getId());
            String text = "Recording " + r.getId() + ": seal " + check.verdict().name().toLowerCase() + (check.reason() == null ? "" : ", " + check.reason());
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(check.verdict() == SealCheck.Verdict.ALTERED
                    ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_INFO, text, null));
        });
    }

    public void openNotes(Recording r) {
        LOG.fine(() -> "Notes of recording " + r.getId() + " opened");
        notesOf = r.getId();
        noteText = null;
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

    public void editNote(RecordingNote note) {
        editing = note.getId();
        noteText = note.getText();
    }

    public void saveNote() {
        boolean saved = Pages.attempt(() -> {
            if (editing == null) {
                notes.add(notesOf, noteText);
            } else {
                notes.edit(notesOf, editing, noteText);
            }
        });
        if (saved) {
            noteText = null;
            editing = null;
        }
    }

    /** Whether the signed-in person wrote the note (only they may edit it). */
    public boolean mine(RecordingNote note) {
        return note.getAuthor().equals(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    public Long getNotesOf() { return notesOf; }
    public String getNoteText() { return noteText; }
    public void setNoteText(String noteText) { this.noteText = noteText; }
    public boolean isEditingNote() { return editing != null; }

    public LazyDataModel<Recording> getRecordings() {
        return recordings;
    }

    /** Times as the viewer reads them: in their own time zone (directory), else the server's. */
    public String date(Recording r) {
        return DATE.format(started(r).atZone(zone()));
    }

    public String time(Recording r) {
        return TIME.format(started(r).atZone(zone()));
    }

    public String written(RecordingNote note) {
        return DATE.format(note.getWrittenAt().atZone(zone())) + " " + TIME.format(note.getWrittenAt().atZone(zone()));
    }

    public String duration(Recording r) {
        if (r.getDurationSeconds() == null) {
            return "";
        }
        long s = Math.round(r.getDurationSeconds());
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static Instant started(Recording r) {
        return r.getStartedAt() != null ? r.getStartedAt() : r.getReceivedAt();
    }

    private ZoneId zone() {
        if (zone == null) {
            String own = directory.caller().getTimezone();
            zone = own != null ? ZoneId.of(own) : ZoneId.systemDefault();
        }
        return zone;
    }

    private RecordingQuery query(int offset, int limit) {
        Instant from = null;
        Instant to = null;
        if (dateRange != null && !dateRange.isEmpty()) {
            from = dateRange.get(0).atStartOfDay(zone()).toInstant();
            LocalDate last = dateRange.get(dateRange.size() - 1);
            to = last.plusDays(1).atStartOfDay(zone()).toInstant();
        }
        return new RecordingQuery(null, from, to, text, null, null, false, offset, limit);
    }

    private final class Model extends RecordingRows {
        @Override
        RecordingPage page(int offset, int limit) {
            return catalog.search(query(offset, limit));
        }

        @Override
        public Recording getRowData(String rowKey) {
            return catalog.find(Long.parseLong(rowKey));
        }
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public List<LocalDate> getDateRange() { return dateRange; }
    public void setDateRange(List<LocalDate> dateRange) { this.dateRange = dateRange; }
}
