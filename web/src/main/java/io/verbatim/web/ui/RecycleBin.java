package io.verbatim.web.ui;

import io.verbatim.lifecycle.RecordingLifecycle;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/** The recycle bin page (administrators): deleted recordings of the tenant, to restore or purge. */
@Named
@ViewScoped
public class RecycleBin implements Serializable {

    @Inject
    RecordingCatalog catalog;

    @Inject
    RecordingLifecycle lifecycle;

    private final LazyDataModel<RecordingRow> recordings = new RecordingRows() {
        @Override
        RecordingPage page(int offset, int limit, RecordingQuery.Order order) {
            return catalog.recycleBin(RecordingQuery.page(offset, limit));
        }
    };

    public LazyDataModel<RecordingRow> getRecordings() {
        return recordings;
    }

    public void restore(RecordingRow r) {
        if (Pages.attempt(() -> lifecycle.restore(r.getId()))) {
            Pages.say("Recording " + r.getId() + " restored");
        }
    }

    public void purge(RecordingRow r) {
        if (Pages.attempt(() -> lifecycle.purge(r.getId()))) {
            Pages.say("Recording " + r.getId() + " purged for good");
        }
    }
}
