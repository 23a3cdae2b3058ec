package io.verbatim.web.ui;

import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A page's table of recordings, loaded one page at a time from the catalog and keyed by recording id. */
abstract class RecordingRows extends LazyDataModel<Recording> {

    /** The recordings from {@code offset}, at most {@code limit}, and how many there are in all. */
    abstract RecordingPage page(int offset, int limit);

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) page(0, 1).total();
    }

    @Override
    public List<Recording> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        RecordingPage page = page(first, Math.min(pageSize, RecordingQuery.MAX_LIMIT));
        setRowCount((int) page.total());
        return page.items();
    }

    @Override
    public String getRowKey(Recording r) {
        return String.valueOf(r.getId());
    }
}
