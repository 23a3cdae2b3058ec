package io.verbatim.recording;

import java.util.List;

/**
 * One page of a search and how many match in all: exactly up to {@link #COUNT_LIMIT}; beyond it {@code total} is the
 * limit and {@code totalCapped} says that more match (a person narrows such a search rather than pages through it).
 */
public record RecordingPage(List<Recording> items, long total, boolean totalCapped) {

    public static final int COUNT_LIMIT = 1_000;
}
