package io.verbatim.web.ui;

import io.verbatim.access.AppObjects;
import io.verbatim.lifecycle.BulkAction;
import io.verbatim.lifecycle.BulkOutcome;
import io.verbatim.lifecycle.BulkRecordingActions;
import io.verbatim.lifecycle.Deletion;
import io.verbatim.lifecycle.RecordingLifecycle;
import io.verbatim.report.RecordingDownloads;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Recordings page's selection and what can be done to it at once: one ZIP, protect, unprotect, delete. Rows are
 * ticked on any page, or "all results" of the search taken; each action says beforehand what it will do and after
 * what it did, recording by recording through the same rules as a row's own buttons.
 */
@Named
@ViewScoped
public class RecordingSelection implements Serializable {

    @Inject
    BulkRecordingActions bulk;

    @Inject
    RecordingLifecycle lifecycle;

    @Inject
    RecordingList list;

    private List<RecordingRow> selected = new ArrayList<>();
    private boolean allResults;
    private transient String zipUrl;
    private transient FacesContext zipUrlOf;

    public List<RecordingRow> getSelected() {
        return selected;
    }

    public void setSelected(List<RecordingRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
        allResults = false;
        zipUrlOf = null;
    }

    /** Whether "all results" of the search are taken, not just the rows ticked. */
    public boolean isAllResults() {
        return allResults;
    }

    public void selectAllResults() {
        allResults = true;
        zipUrlOf = null;
    }

    public void clear() {
        selected = new ArrayList<>();
        allResults = false;
        zipUrlOf = null;
    }

    /** How many recordings an action would act on. */
    public int getCount() {
        return allResults ? list.getTotal() : selected.size();
    }

    /** Offered once a whole page is ticked and the search finds more. */
    public boolean isAllResultsOffered() {
        return !allResults && !selected.isEmpty() && selected.size() < list.getTotal();
    }

    /** "1 recording", "3 recordings": what an action acts on. */
    public String getCountText() {
        return plural(getCount());
    }

    public String getSummary() {
        if (allResults) {
            return "All " + (list.isTotalCapped() ? "of more than " : "") + plural(list.getTotal()) + " found are selected";
        }
        return plural(selected.size()) + " selected";
    }

    /** The ZIP of the selection, through the API (a download the browser handles itself); empty when too many. */
    public String getZipUrl() {
        // asked twice a render (whether to show it, and its address): "all results" is one search, not two
        FacesContext request = FacesContext.getCurrentInstance();
        if (zipUrlOf != request) {
            List<Long> ids = ids(RecordingDownloads.MAX_RECORDINGS);
            zipUrl = ids.isEmpty() || ids.size() > RecordingDownloads.MAX_RECORDINGS ? ""
                    : request.getExternalContext().getRequestContextPath() + "/api/v1/recordings/download?"
                    + ids.stream().map(id -> "id=" + id).collect(Collectors.joining("&"));
            zipUrlOf = request;
        }
        return zipUrl;
    }

    public int getZipLimit() {
        return RecordingDownloads.MAX_RECORDINGS;
    }

    /** What deleting the selection will do, for the confirmation: the caller's app object decides. */
    public String getDeleteConsequence() {
        return consequence(plural(getCount()));
    }

    /** The same for one recording (a row's Delete). */
    public String deleteConsequence(RecordingRow r) {
        return consequence("recording " + r.getId());
    }

    private String consequence(String what) {
        // asked once per request: a page of rows each has its confirmation
        AppObjects.DeletionRule rule = (AppObjects.DeletionRule) FacesContext.getCurrentInstance().getAttributes()
                .computeIfAbsent(AppObjects.DeletionRule.class, k -> lifecycle.deletionRule());
        return switch (rule.mode()) {
            case RECOVERABLE -> "Moves " + what + " to the recycle bin, from which an administrator can restore it.";
            case PERMANENT -> "Deletes " + what + " for good: audio, original capture and notes (as app object "
                    + rule.appObject() + " says). This cannot be undone.";
            case DENIED -> "App object " + rule.appObject() + " does not allow deleting recordings: nothing will be deleted.";
        };
    }

    public void protect() {
        act(BulkAction.PROTECT);
    }

    public void unprotect() {
        act(BulkAction.UNPROTECT);
    }

    public void delete() {
        act(BulkAction.DELETE);
    }

    private void act(BulkAction action) {
        zipUrlOf = null;
        List<Long> ids = ids(BulkRecordingActions.MAX_RECORDINGS);
        List<BulkOutcome> outcome = new ArrayList<>(1);
        if (Pages.attempt(() -> outcome.add(bulk.apply(action, ids)))) {
            report(outcome.get(0));
            clear();
        }
    }

    private List<Long> ids(int max) {
        return allResults ? list.resultIds(max) : selected.stream().map(RecordingRow::getId).toList();
    }

    private static void report(BulkOutcome outcome) {
        if (outcome.done() > 0 || outcome.refused().isEmpty()) {
            Pages.say(switch (outcome.action()) {
                case PROTECT -> "Protected " + plural(outcome.done());
                case UNPROTECT -> "Lifted the protection of " + plural(outcome.done());
                case DELETE -> (outcome.deletion() == Deletion.ERASED ? "Deleted " + plural(outcome.done()) + " for good"
                        : "Moved " + plural(outcome.done()) + " to the recycle bin");
            });
        }
        if (!outcome.refused().isEmpty()) {
            // one line per reason: a rule that refuses every recording is said once
            Map<String, Long> reasons = outcome.refused().stream()
                    .collect(Collectors.groupingBy(BulkOutcome.Refused::reason, LinkedHashMap::new, Collectors.counting()));
            String why = reasons.entrySet().stream().limit(5)
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + " times)" : ""))
                    .collect(Collectors.joining("; ")) + (reasons.size() > 5 ? "; …" : "");
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    plural(outcome.refused().size()) + " left as they were: " + why, null));
        }
    }

    private static String plural(int count) {
        return count == 1 ? "1 recording" : count + " recordings";
    }
}
