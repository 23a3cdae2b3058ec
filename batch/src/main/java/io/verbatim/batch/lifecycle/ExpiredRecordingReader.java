package io.verbatim.batch.lifecycle;

import io.verbatim.batch.RecordingIdReader;
import io.verbatim.lifecycle.Expiry;
import io.verbatim.lifecycle.RecordingExpiry;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Reads the ids of recordings a lifecycle policy deletes, for the PBXs' cutoffs fixed when the job started. */
@Dependent
@Named("expiredRecordingReader")
public class ExpiredRecordingReader extends RecordingIdReader {

    @Inject
    RecordingExpiry expiry;

    @Inject
    @BatchProperty
    String policy;

    @Inject
    @BatchProperty
    String cutoff;

    @Override
    protected List<Long> idsAfter(long afterId, int limit) {
        return expiry.candidates(Expiry.valueOf(policy), RecordingExpiry.parse(cutoff), afterId, limit);
    }
}
