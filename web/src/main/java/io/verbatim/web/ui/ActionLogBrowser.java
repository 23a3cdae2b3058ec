package io.verbatim.web.ui;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.ActionLogEntry;
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
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The action log page (administrators, compliance officers): search the log and check its chain. */
@Named
@ViewScoped
public class ActionLogBrowser implements Serializable {

    @Inject
    transient ActionLog actionLog;

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
            return String.valueOf(e.getPosition());
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
                ? new FacesMessage(FacesMessage.SEVERITY_INFO, "The chain is intact: " + result.entriesChecked() + " entries checked.", null)
                : new FacesMessage(FacesMessage.SEVERITY_ERROR, "The chain is broken at entry " + result.firstBrokenEntry() + ": "
                        + result.problem(), null));
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
