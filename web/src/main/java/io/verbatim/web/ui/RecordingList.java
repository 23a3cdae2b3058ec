package io.verbatim.web.ui;

import io.verbatim.callinfo.Direction;
import io.verbatim.directory.Directory;
import io.verbatim.directory.Licences;
import io.verbatim.recording.CallLength;
import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingNotes;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import io.verbatim.recording.RecordingState;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.primefaces.PrimeFaces;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Recordings page's list: lazily loaded, filtered by text (parties' names and numbers too), direction, dates,
 * duration, state, owner and PBX,
 * sorted by the column chosen (newest first), each row saying who called whom and whose it is. A row's actions are
 * {@link RecordingActions}', the notes dialog {@link RecordingNotesDialog}'s, the 4-eyes banner {@link FourEyesAccess}'s.
 */
@Named
@ViewScoped
public class RecordingList implements Serializable {

    @Inject
    RecordingCatalog catalog;

    @Inject
    Licences licences;

    @Inject
    Directory directory;

    @Inject
    RecordingNotes notes;

    @Inject
    ViewerTime time;

    private String text;
    private Direction direction;
    private LocalDate fromDay;
    private LocalDate toDay;
    private RecordingState state;
    private String owner;
    private boolean protectedOnly;
    private boolean withNotes;
    private boolean unassigned;
    private String pbx;
    /** The duration bounds as typed (1:30, 5m, 90s): shown back as understood ({@link CallLength}). */
    private String longerThan;
    private String shorterThan;
    private final Model recordings = new Model();
    private Set<String> licensed;

    public LazyDataModel<RecordingRow> getRecordings() {
        return recordings;
    }

    /** More recordings match than the count shown (counting stops at 1,000). */
    public boolean isTotalCapped() {
        return recordings.isTotalCapped();
    }

    /** A duration bound must be one ({@link CallLength}); the longest not below the shortest. Said next to the field. */
    public void validateDuration(FacesContext context, UIComponent field, Object value) {
        Integer seconds;
        try {
            seconds = CallLength.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        if (seconds != null && "shorterThan".equals(field.getId())
                && field.findComponent("longerThan") instanceof UIInput longer && longer.isValid()) {
            Integer least = CallLength.parse((String) longer.getValue());
            if (least != null && least > seconds) {
                throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        "At most " + CallLength.format(seconds) + " is shorter than at least " + CallLength.format(least), null));
            }
        }
    }

    /** Typed days are checked by the date pickers' converter; the last must not come before the first. */
    public void validateDays(FacesContext context, UIComponent field, Object value) {
        if (value instanceof LocalDate last && field.findComponent("from") instanceof UIInput from && from.isValid()
                && from.getValue() instanceof LocalDate first && last.isBefore(first)) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The last day (" + last + ") comes before the first (" + first + ")", null));
        }
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
        fromDay = switch (preset) {
            case TODAY -> today;
            case YESTERDAY -> today.minusDays(1);
            case LAST_7_DAYS -> today.minusDays(6);
            case THIS_MONTH -> today.withDayOfMonth(1);
        };
        toDay = preset == DatePreset.YESTERDAY ? today.minusDays(1) : today;
        // the pickers show the preset, not what a refused search left in them
        PrimeFaces.current().resetInputs("recordings:from", "recordings:to");
    }

    public RecordingState[] getStates() {
        return RecordingState.values();
    }

    /** How many recordings the search finds (up to 1,000: see {@link #isTotalCapped}). */
    public int getTotal() {
        return recordings.getRowCount();
    }

    /** The ids of what the search finds, newest first, up to {@code max} and one more (which says there are more). */
    List<Long> resultIds(int max) {
        return catalog.matchingIds(query(0, 1, RecordingQuery.Order.NEWEST), max + 1);
    }

    /** The dates picked are days in the viewer's time zone. */
    private RecordingQuery query(int offset, int limit, RecordingQuery.Order order) {
        Instant from = fromDay == null ? null : fromDay.atStartOfDay(time.zone()).toInstant();
        Instant to = toDay == null ? null : toDay.plusDays(1).atStartOfDay(time.zone()).toInstant();
        return RecordingQuery.page(offset, limit).between(from, to).withText(text).inDirection(direction).inState(state)
                .ownedBy(owner).ofPbx(pbx).lasting(CallLength.parse(longerThan), CallLength.parse(shorterThan))
                .protectedOnly(protectedOnly).withNotesOnly(withNotes).unassignedOnly(unassigned).sortedBy(order);
    }

    private final class Model extends RecordingRows {
        @Override
        RecordingPage page(int offset, int limit, RecordingQuery.Order order) {
            return catalog.search(query(offset, limit, order));
        }

        /** With their owners' names, their notes counted, and whether their owners are licensed: a query each per page. */
        @Override
        List<RecordingRow> rows(List<Recording> recordings) {
            RecordingRow.Extras extras = new RecordingRow.Extras(
                    directory.displayNames(recordings.stream().map(Recording::getOwner).filter(Objects::nonNull).toList()),
                    notes.countsOf(recordings), licensed());
            return recordings.stream().map(r -> RecordingRow.of(r, extras)).toList();
        }

        /** A ticked row, kept across pages: what is done to it needs only its id. */
        @Override
        public RecordingRow getRowData(String rowKey) {
            return RecordingRow.of(catalog.find(Long.parseLong(rowKey)));
        }
    }

    /** Who holds a recorder licence, read once per view. */
    private Set<String> licensed() {
        if (licensed == null) {
            licensed = new HashSet<>(licences.holders());
        }
        return licensed;
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public LocalDate getFromDay() { return fromDay; }
    public void setFromDay(LocalDate fromDay) { this.fromDay = fromDay; }
    public LocalDate getToDay() { return toDay; }
    public void setToDay(LocalDate toDay) { this.toDay = toDay; }
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
    public String getPbx() { return pbx; }
    public void setPbx(String pbx) { this.pbx = pbx == null || pbx.isBlank() ? null : pbx; }
    public String getLongerThan() { return longerThan; }
    public void setLongerThan(String typed) { longerThan = understood(typed); }
    public String getShorterThan() { return shorterThan; }
    public void setShorterThan(String typed) { shorterThan = understood(typed); }

    /** A valid bound as the list shows durations, so what was understood is what is seen. */
    private static String understood(String typed) {
        Integer seconds = CallLength.parse(typed);
        return seconds == null ? null : CallLength.format(seconds);
    }
}
