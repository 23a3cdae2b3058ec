package io.verbatim.web.ui;

import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingOwnership;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * The Unassigned calls page (administrators): recordings whose owner is no user of their PBX, typically from an
 * extension no user is registered for, and assigning one, or every call from its extension now and to come, to a
 * user of its PBX picked by name.
 */
@Named
@ViewScoped
public class UnassignedCalls implements Serializable {

    @Inject
    RecordingCatalog catalog;

    @Inject
    RecordingOwnership ownership;

    @Inject
    Pickers pickers;

    private final RecordingRows rows = new RecordingRows() {
        @Override
        RecordingPage page(int offset, int limit, RecordingQuery.Order order) {
            return catalog.search(RecordingQuery.page(offset, limit).unassignedOnly(true).sortedBy(order));
        }

        @Override
        public RecordingRow getRowData(String rowKey) {
            return RecordingRow.of(catalog.find(Long.parseLong(rowKey)));
        }
    };

    private RecordingRow assigning;
    private String username;
    private boolean wholeExtension = true;

    public LazyDataModel<RecordingRow> getRecordings() {
        return rows;
    }

    /** Opens the assign dialog for a row. */
    public void open(RecordingRow r) {
        assigning = r;
        username = null;
        wholeExtension = r.getCaptureUser() != null;
    }

    /** Users of the recording's PBX, picked by name. */
    public List<String> completeUser(String typed) {
        return assigning == null ? List.of() : pickers.usersOf(assigning.getPbx(), typed);
    }

    public void assign() {
        if (assigning == null) {
            return;
        }
        if (username == null || username.isBlank()) {
            Pages.attempt(() -> {
                throw new IllegalArgumentException("Pick the user to assign the call to");
            });
            return;
        }
        int[] changed = new int[1];
        if (Pages.attempt(() -> changed[0] = ownership.assign(assigning.getId(), username, wholeExtension))) {
            Pages.say("Assigned " + (changed[0] == 1 ? "1 recording" : changed[0] + " recordings") + " to " + pickers.userLabel(username)
                    + (wholeExtension && assigning.getCaptureUser() != null ? "; calls from " + assigning.getCaptureUser()
                    + " to come are theirs too" : "") + ".");
            assigning = null;
        }
    }

    public RecordingRow getAssigning() { return assigning; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public boolean isWholeExtension() { return wholeExtension; }
    public void setWholeExtension(boolean wholeExtension) { this.wholeExtension = wholeExtension; }
}
