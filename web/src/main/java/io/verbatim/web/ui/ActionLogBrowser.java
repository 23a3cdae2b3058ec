package io.verbatim.web.ui;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.ActionLogEntry;
import io.verbatim.audit.ActionLogExport;
import io.verbatim.audit.ActionLogExports;
import io.verbatim.audit.ActionLogPage;
import io.verbatim.audit.ActionLogQuery;
import io.verbatim.audit.ChainVerification;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The action log page (administrators, compliance officers): search the log, check its chain, export it as PDF. */
@Named
@ViewScoped
public class ActionLogBrowser implements Serializable {

    @Inject
    ActionLog actionLog;

    @Inject
    ActionLogExports exports;

    private Long exportId;

    private String user;
    private Action action;
    private Long recordingId;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<ActionLogEntry> entries = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) actionLog.search(query(0, 1)).total();
        }

        @Override
        public List<ActionLogEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ActionLogPage page = actionLog.search(query(first, Math.min(pageSize, 1000)));
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(ActionLogEntry e) {
            return String.valueOf(e.getSequenceNumber());
        }
    };

    /** Dates are whole days in UTC, as the log's times are shown. */
    private ActionLogQuery query(int offset, int limit) {
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new ActionLogQuery(recordingId, user, action, start, end, offset, limit);
    }

    public void verify() {
        ChainVerification result = actionLog.verify();
        FacesContext.getCurrentInstance().addMessage(null, result.valid()
                ? new FacesMessage(FacesMessage.SEVERITY_INFO, "Intact: " + result.scope() + ", " + result.entriesChecked() + " entries checked.", null)
                : new FacesMessage(FacesMessage.SEVERITY_ERROR, "Broken " + result.brokenAt(), null));
    }

    /** Exports what the filters select (a job; the page shows its progress and then the download). */
    public void export() {
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Pages.attempt(() -> exportId = exports.request(start, end, user == null || user.isBlank() ? Set.of() : Set.of(user.trim()),
                action == null ? Set.of() : Set.of(action), recordingId).getId());
    }

    /** The export started from this page, as it stands now. */
    public ActionLogExport getExport() {
        return exportId == null ? null : exports.get(exportId);
    }

    public boolean isExportRunning() {
        ActionLogExport e = getExport();
        return e != null && (e.getState() == ActionLogExport.State.WAITING || e.getState() == ActionLogExport.State.RUNNING);
    }

    public int getExportPercent() {
        ActionLogExport e = getExport();
        return e == null || e.getTotal() == null ? 0 : e.getTotal() == 0 ? 100 : (int) (100 * e.getDone() / e.getTotal());
    }

    public Action[] getActions() { return Action.values(); }
    public LazyDataModel<ActionLogEntry> getEntries() { return entries; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public Action getAction() { return action; }
    public void setAction(Action action) { this.action = action; }
    public Long getRecordingId() { return recordingId; }
    public void setRecordingId(Long recordingId) { this.recordingId = recordingId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
