package io.verbatim.lifecycle;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * The database went away partway through a bulk action. Each recording commits on its own, so those done before it
 * went stay done, each with its action-log entry, and the rest are not: says how many of each, where the answer to a
 * lost database would otherwise say that nothing was changed.
 */
@ApplicationException(rollback = true)
public class BulkInterrupted extends Refusal {

    BulkInterrupted(BulkAction action, int done, int refused, int asked, Throwable cause) {
        super(Kind.UNAVAILABLE, "the database went away after " + done + " of " + asked + " recordings were " + action.done()
                + " (each logged" + (refused == 0 ? "" : "; " + refused + " refused") + "); the other " + (asked - done - refused)
                + " were not, but for the one under way as it went, which may be: try them again in a minute", cause);
    }
}
