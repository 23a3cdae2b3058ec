package io.verbatim.web.api.administration;

import java.util.List;

/** One page of refused uploads and how many there are in all. */
public record QuarantineListView(List<QuarantineView> items, long total, int offset, int limit) {
}
