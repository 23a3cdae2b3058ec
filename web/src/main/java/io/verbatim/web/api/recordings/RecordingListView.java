package io.verbatim.web.api.recordings;

import java.util.List;

/**
 * One page of recordings and how many match in all: exactly up to 1,000; past that {@code total} is 1,000 and
 * {@code totalCapped} is true.
 */
public record RecordingListView(List<RecordingView> items, long total, boolean totalCapped, int offset, int limit) {
}
