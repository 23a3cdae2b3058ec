package io.verbatim.web.ui;

import io.verbatim.recording.Recording;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A page's table of recordings, loaded one page at a time from the catalog in the order of the column the viewer
 * sorted by (a column's {@code field} names a {@link RecordingQuery.Sort}), shown as {@link RecordingRow}s and keyed
 * by recording id.
 */
abstract class RecordingRows extends LazyDataModel<RecordingRow> {

    /** The recordings from {@code offset}, at most {@code limit}, in {@code order}, and how many there are in all. */
    abstract RecordingPage page(int offset, int limit, RecordingQuery.Order order);

    /** The rows of the recordings loaded; a table that shows more than their facts (owner names, notes) says it here. */
    List<RecordingRow> rows(List<Recording> recordings) {
        return recordings.stream().map(RecordingRow::of).toList();
    }

    private boolean totalCapped;

    /** More match than the row count says (counting stops at {@link RecordingPage#COUNT_LIMIT}). */
    public boolean isTotalCapped() {
        return totalCapped;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        RecordingPage page = page(0, 1, RecordingQuery.Order.NEWEST);
        totalCapped = page.totalCapped();
        return (int) page.total();
    }

    @Override
    public List<RecordingRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        RecordingPage page = page(first, Math.min(pageSize, RecordingQuery.MAX_LIMIT), order(sortBy));
        setRowCount((int) page.total());
        totalCapped = page.totalCapped();
        return rows(page.items());
    }

    static RecordingQuery.Order order(Map<String, SortMeta> sortBy) {
        return sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst()
                .map(s -> new RecordingQuery.Order(RecordingQuery.Sort.valueOf(s.getField().toUpperCase(Locale.ROOT)), s.getOrder() == SortOrder.DESCENDING))
                .orElse(RecordingQuery.Order.NEWEST);
    }

    @Override
    public String getRowKey(RecordingRow r) {
        return String.valueOf(r.getId());
    }
}
