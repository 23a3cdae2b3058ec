package io.verbatim.web.api.compliance;

import java.util.List;

/** One page of action-log entries, newest first, and how many match in all. */
public record ActionLogListView(List<ActionLogEntryView> items, long total, int offset, int limit) {
}
