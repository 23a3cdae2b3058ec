package io.verbatim.recording;

import io.verbatim.refusal.InvalidEntryException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The recordings someone picked to act on at once (ticked rows, or all a search found): each once, in the order
 * picked; at least one, and no more than what one request can do.
 *
 * @param ids the recordings' ids
 */
public record SelectedRecordings(List<Long> ids) {

    /**
     * @param limit     how many one request may name
     * @param limitSays where the limit applies, for the refusal: "at a time", "in one ZIP"
     * @throws InvalidEntryException when none are named, or more than {@code limit}
     */
    public static SelectedRecordings of(Collection<Long> ids, int limit, String limitSays) {
        LinkedHashSet<Long> distinct = new LinkedHashSet<>(ids);
        if (distinct.isEmpty()) {
            throw new InvalidEntryException("no recordings selected");
        }
        if (distinct.size() > limit) {
            throw new InvalidEntryException(distinct.size() + " recordings selected: at most " + limit + " " + limitSays + "; narrow the search");
        }
        return new SelectedRecordings(List.copyOf(distinct));
    }
}
