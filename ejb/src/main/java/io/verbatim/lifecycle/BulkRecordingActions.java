package io.verbatim.lifecycle;

import io.verbatim.database.ChangedMeanwhile;
import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.recording.SelectedRecordings;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.refusal.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Protection and deletion of many recordings at once (a selection on the Recordings page, {@code POST
 * /api/v1/recordings/bulk}): each recording through {@link RecordingLifecycle} as if alone — the access rule, the
 * app object's deletion rule, its own action-log entry and its own transaction — so one refused leaves the rest done.
 * A recording changed by something else as it was written (its conversion finishing) is tried again.
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class BulkRecordingActions {

    /** More at once would hold a request for minutes: a search narrows what to act on. */
    public static final int MAX_RECORDINGS = 1000;

    @Inject
    RecordingLifecycle lifecycle;

    /**
     * @throws InvalidEntryException when no recording, or more than {@link #MAX_RECORDINGS}, are named
     * @throws Refusal the first recording's refusal when not one could be done
     * @throws BulkInterrupted when the database went away after some were done
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each recording commits on its own
    public BulkOutcome apply(BulkAction action, List<Long> ids) {
        List<Long> distinct = SelectedRecordings.of(ids, MAX_RECORDINGS, "at a time").ids();
        int done = 0;
        Deletion deletion = null;
        List<BulkOutcome.Refused> refused = new ArrayList<>();
        Refusal first = null;
        RuntimeException conflict = null;
        for (long id : distinct) {
            try {
                // a conversion moving it on as we wrote: the rule again, on what is there now
                Deletion d = ChangedMeanwhile.retried(() -> applyTo(action, id));
                deletion = d != null ? d : deletion;
                done++;
            } catch (Refusal r) {
                refused.add(new BulkOutcome.Refused(id, r.getMessage()));
                first = first == null ? r : first;
            } catch (RuntimeException e) {
                if (ChangedMeanwhile.explains(e)) {
                    refused.add(new BulkOutcome.Refused(id, "changed by something else each time it was tried; try it again"));
                    conflict = e;
                    continue;
                }
                if (done > 0 && DatabaseUnreachable.explains(e)) { // before any was done, "nothing was changed" is true
                    throw new BulkInterrupted(action, done, refused.size(), distinct.size(), e);
                }
                throw e;
            }
        }
        if (done == 0) {
            // nothing done: answered as one recording would be (not yours: not found; protected: conflict)
            throw first != null ? first : conflict;
        }
        return new BulkOutcome(action, done, deletion, List.copyOf(refused));
    }

    /** What deleting it did; null for the other actions. */
    private Deletion applyTo(BulkAction action, long id) {
        switch (action) {
            case PROTECT -> lifecycle.protect(id);
            case UNPROTECT -> lifecycle.unprotect(id);
            case DELETE -> {
                return lifecycle.delete(id);
            }
        }
        return null;
    }
}
