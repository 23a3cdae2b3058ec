package io.verbatim.web.api;

import java.util.List;

/**
 * One page of recordings and how many match in all: exactly up to 10,000; past that {@code total} is 10,000 and
 * {@code totalCapped} is true.
 */
public record RecordingListView(List<RecordingView> items, long total, boolean totalCapped, int offset, int limit) {
}
