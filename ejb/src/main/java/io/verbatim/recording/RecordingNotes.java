package io.verbatim.recording;

import io.verbatim.access.ActionDeniedException;
import io.verbatim.access.AccessPolicy;
import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.NoSuchEntryException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Notes on recordings: read by everyone who may see the recording, written by them, edited by their authors only. */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class RecordingNotes {

    @PersistenceContext
    EntityManager em;

    @Inject
    RecordingCatalog catalog;

    @Inject
    AccessPolicy access;

    @Inject
    ActionLog actionLog;

    /** The notes of a recording the caller may see, oldest first. */
    public List<RecordingNote> of(long recordingId) {
        return of(catalog.find(recordingId));
    }

    /** The notes of a recording already read through the catalog, oldest first. */
    public List<RecordingNote> of(Recording recording) {
        return em.createQuery("select n from RecordingNote n where n.recordingId = :id order by n.writtenAt, n.id", RecordingNote.class)
                .setParameter("id", recording.getId()).getResultList();
    }

    /** How many notes each recording read through the catalog has (a page of a search); those with none are left out. */
    public Map<Long, Long> countsOf(Collection<Recording> recordings) {
        if (recordings.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select n.recordingId, count(n) from RecordingNote n where n.recordingId in :ids group by n.recordingId", Object[].class)
                .setParameter("ids", recordings.stream().map(Recording::getId).toList()).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    public RecordingNote add(long recordingId, String text) {
        Recording r = catalog.find(recordingId);
        String author = access.actingViewer().username();
        RecordingNote note = new RecordingNote(r.getId(), author, now(), checked(text));
        em.persist(note);
        em.flush(); // the id, for the log
        actionLog.record(Action.NOTE, r, "note " + note.getId() + " added: " + note.getText());
        return note;
    }

    /** The author changes their note. */
    public RecordingNote edit(long recordingId, long noteId, String text) {
        Recording r = catalog.find(recordingId);
        String caller = access.actingViewer().username();
        RecordingNote note = em.find(RecordingNote.class, noteId);
        if (note == null || note.getRecordingId() != r.getId()) {
            throw new NoSuchEntryException("note " + noteId + " of recording " + recordingId);
        }
        if (!note.getAuthor().equals(caller)) {
            throw new ActionDeniedException("only its author (" + note.getAuthor() + ") edits a note");
        }
        note.edit(checked(text), now());
        actionLog.record(Action.NOTE, r, "note " + note.getId() + " edited: " + note.getText());
        return note;
    }

    private static String checked(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > RecordingNote.TEXT_LENGTH) {
            throw new InvalidEntryException("a note needs text, at most " + RecordingNote.TEXT_LENGTH + " characters");
        }
        return t;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
