package io.verbatim.lifecycle;

import java.util.List;

/**
 * What a bulk action did: how many recordings it changed (a protection already there counts as done), where the
 * deleted went ({@code deletion}, for {@link BulkAction#DELETE}), and each recording it left alone, with why.
 */
public record BulkOutcome(BulkAction action, int done, Deletion deletion, List<Refused> refused) {

    /** A recording the action was refused for, and the refusal's words. */
    public record Refused(long id, String reason) {
    }
}
