package io.verbatim.web.ui;

import io.verbatim.callinfo.Direction;
import io.verbatim.directory.Directory;
import io.verbatim.directory.Licences;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import io.verbatim.recording.RecordingState;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Recordings page's list: lazily loaded, filtered by text (parties' names and numbers too), direction and dates,
 * sorted by the column chosen (newest first), each row saying who called whom and whose it is. A row's actions are
 * {@link RecordingActions}', the notes dialog {@link RecordingNotesDialog}'s, the 4-eyes banner {@link FourEyesAccess}'s.
 */
@Named
@ViewScoped
public class RecordingList implements Serializable {

    @Inject
    transient RecordingCatalog catalog;

    @Inject
    transient Licences licences;

    @Inject
    transient Directory directory;

    @Inject
    ViewerTime time;

    private String text;
    private Direction direction;
    private List<LocalDate> dateRange;
    private RecordingState state;
    private String owner;
    private boolean protectedOnly;
    private boolean withNotes;
    private boolean unassigned;
    /** The owner picker's labels ("Maria López (maria)") of the usernames it offered. */
    private final Map<String, String> ownerLabels = new HashMap<>();
    private final Model recordings = new Model();
    private Set<String> licensed;
    /** The display names of the owners on the pages shown, by username. */
    private final Map<String, Directory.DisplayName> ownerNames = new HashMap<>();

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

    /** More recordings match than the count shown (counting stops at 10,000). */
    public boolean isTotalCapped() {
        return recordings.isTotalCapped();
    }

    public String duration(Recording r) {
        if (r.getDurationSeconds() == null) {
            return "";
        }
        long s = Math.round(r.getDurationSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    /** Who called, as the call information names them; empty until it has come. */
    public String from(Recording r) {
        return r.getCallRecord() == null ? "" : r.getCallRecord().from().label();
    }

    /** Who was called. */
    public String to(Recording r) {
        return r.getCallRecord() == null ? "" : r.getCallRecord().to().label();
    }

    public Direction direction(Recording r) {
        return r.getCallRecord() == null ? null : r.getCallRecord().getDirection();
    }

    /** The owner as people know them: the display name, else the username; a dash for nobody. */
    public String owner(Recording r) {
        if (r.getOwner() == null) {
            return "—";
        }
        Directory.DisplayName known = ownerNames.get(r.getOwner());
        return known != null && Objects.equals(known.pbx(), r.getPbx()) ? known.name() : r.getOwner();
    }

    /** The order a list opens in, shown as such in the table's header and the phone's sort menu. */
    public SortMeta getNewestFirst() {
        return SortMeta.builder().field("start").order(SortOrder.DESCENDING).build();
    }

    public Direction[] getDirections() {
        return Direction.values();
    }

    /** The days a preset means, in the viewer's zone: today, yesterday, the last 7 days (today included), this month. */
    public enum DatePreset { TODAY, YESTERDAY, LAST_7_DAYS, THIS_MONTH }

    public void preset(DatePreset preset) {
        LocalDate today = LocalDate.now(time.zone());
        dateRange = switch (preset) {
            case TODAY -> List.of(today, today);
            case YESTERDAY -> List.of(today.minusDays(1), today.minusDays(1));
            case LAST_7_DAYS -> List.of(today.minusDays(6), today);
            case THIS_MONTH -> List.of(today.withDayOfMonth(1), today);
        };
    }

    public RecordingState[] getStates() {
        return RecordingState.values();
    }

    /** Owners to pick by name: users of the administrator's PBX (every PBX's for the operator). */
    public List<String> completeOwner(String typed) {
        List<String> found = new ArrayList<>();
        Pages.attempt(() -> directory.users(typed).stream().limit(20).forEach(u -> {
            ownerLabels.put(u.username(), u.displayName() != null && !u.displayName().isBlank()
                    ? u.displayName() + " (" + u.username() + ")" : u.username());
            found.add(u.username());
        }));
        return found;
    }

    public String ownerLabel(String username) {
        return username == null ? "" : ownerLabels.getOrDefault(username, username);
    }

    /** How many recordings the search finds (up to 10,000: see {@link #isTotalCapped}). */
    public int getTotal() {
        return recordings.getRowCount();
    }

    /** The ids of what the search finds, newest first, up to {@code max} and one more (which says there are more). */
    List<Long> resultIds(int max) {
        List<Long> ids = new ArrayList<>();
        while (ids.size() <= max) {
            List<Recording> page = catalog.search(query(ids.size(), RecordingQuery.MAX_LIMIT, RecordingQuery.Order.NEWEST)).items();
            page.forEach(r -> ids.add(r.getId()));
            if (page.size() < RecordingQuery.MAX_LIMIT) {
                break;
            }
        }
        return ids.size() > max + 1 ? ids.subList(0, max + 1) : ids;
    }

    /** The dates picked are days in the viewer's time zone. */
    private RecordingQuery query(int offset, int limit, RecordingQuery.Order order) {
        Instant from = null;
        Instant to = null;
        if (dateRange != null && !dateRange.isEmpty()) {
            from = dateRange.get(0).atStartOfDay(time.zone()).toInstant();
            LocalDate last = dateRange.get(dateRange.size() - 1);
            to = last.plusDays(1).atStartOfDay(time.zone()).toInstant();
        }
        return RecordingQuery.page(offset, limit).between(from, to).withText(text).inDirection(direction).inState(state)
                .ownedBy(owner).protectedOnly(protectedOnly).withNotesOnly(withNotes).unassignedOnly(unassigned).sortedBy(order);
    }

    private final class Model extends RecordingRows {
        @Override
        RecordingPage page(int offset, int limit, RecordingQuery.Order order) {
            RecordingPage page = catalog.search(query(offset, limit, order));
            ownerNames.putAll(directory.displayNames(page.items().stream().map(Recording::getOwner).filter(Objects::nonNull).toList()));
            return page;
        }

        @Override
        public Recording getRowData(String rowKey) {
            return catalog.find(Long.parseLong(rowKey));
        }
    }

    /** Whether the call's record came: rows without it show the call id instead of the parties. */
    public boolean hasCallInformation(Recording r) {
        return r.getCallRecord() != null;
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public List<LocalDate> getDateRange() { return dateRange; }
    public RecordingState getState() { return state; }
    public void setState(RecordingState state) { this.state = state; }
    public String getOwnerFilter() { return owner; }
    public void setOwnerFilter(String owner) { this.owner = owner == null || owner.isBlank() ? null : owner; }
    public boolean isProtectedOnly() { return protectedOnly; }
    public void setProtectedOnly(boolean protectedOnly) { this.protectedOnly = protectedOnly; }
    public boolean isWithNotes() { return withNotes; }
    public void setWithNotes(boolean withNotes) { this.withNotes = withNotes; }
    public boolean isUnassigned() { return unassigned; }
    public void setUnassigned(boolean unassigned) { this.unassigned = unassigned; }
    public void setDateRange(List<LocalDate> dateRange) { this.dateRange = dateRange; }
}
