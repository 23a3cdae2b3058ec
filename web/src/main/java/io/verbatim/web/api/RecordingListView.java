package io.verbatim.web.api;

import java.util.List;

/** One page of recordings and how many match in all. */
public record RecordingListView(List<RecordingView> items, long total, int offset, int limit) {
}
