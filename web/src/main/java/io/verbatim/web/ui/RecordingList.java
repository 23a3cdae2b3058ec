package io.verbatim.web.ui;

import io.verbatim.directory.Licences;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.primefaces.model.LazyDataModel;

/**
 * The Recordings page's list: lazily loaded, filtered by text and dates, newest first, with a player for each
 * converted call. A row's actions are {@link RecordingActions}', the notes dialog {@link RecordingNotesDialog}'s, the
 * 4-eyes banner {@link FourEyesAccess}'s.
 */
@Named
@ViewScoped
public class RecordingList implements Serializable {

    @Inject
    transient RecordingCatalog catalog;

    @Inject
    transient Licences licences;

    @Inject
    ViewerTime time;

    private String text;
    private List<LocalDate> dateRange;
    private final LazyDataModel<Recording> recordings = new Model();
    private Set<String> licensed;

    /** Whether the owner holds a recorder licence; administrators see the recordings of those who do not, flagged. */
    public boolean licensed(Recording r) {
        if (licensed == null) {
            licensed = new HashSet<>(licences.holders());
        }
        return r.getOwner() != null && licensed.contains(r.getOwner());
    }

    public LazyDataModel<Recording> getRecordings() {
        return recordings;
    }

    public String duration(Recording r) {
        if (r.getDurationSeconds() == null) {
            return "";
        }
        long s = Math.round(r.getDurationSeconds());
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** The dates picked are days in the viewer's time zone. */
    private RecordingQuery query(int offset, int limit) {
        Instant from = null;
        Instant to = null;
        if (dateRange != null && !dateRange.isEmpty()) {
            from = dateRange.get(0).atStartOfDay(time.zone()).toInstant();
            LocalDate last = dateRange.get(dateRange.size() - 1);
            to = last.plusDays(1).atStartOfDay(time.zone()).toInstant();
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
