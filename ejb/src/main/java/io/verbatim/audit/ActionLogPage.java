package io.verbatim.audit;

import java.util.List;

/** One page of action-log entries, newest first, and how many match in all. */
public record ActionLogPage(List<ActionLogEntry> items, long total) {
}
