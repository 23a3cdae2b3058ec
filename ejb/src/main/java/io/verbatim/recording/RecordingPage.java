package io.verbatim.recording;

import java.util.List;

/** One page of a search, with the total number of matches. */
public record RecordingPage(List<Recording> items, long total) {
}
