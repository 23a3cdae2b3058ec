package io.verbatim.web.ui;

import io.verbatim.access.FourEyes;
import io.verbatim.directory.Directory;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The Recordings page: a lazily loaded, filtered list, newest first, with a player for each converted call. */
@Named
@ViewScoped
public class RecordingList implements Serializable {

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

    private final class Model extends LazyDataModel<Recording> {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) catalog.search(query(0, 1)).total();
        }

        @Override
        public List<Recording> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            RecordingPage page = catalog.search(query(first, Math.min(pageSize, RecordingQuery.MAX_LIMIT)));
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(Recording r) {
            return String.valueOf(r.getId());
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
