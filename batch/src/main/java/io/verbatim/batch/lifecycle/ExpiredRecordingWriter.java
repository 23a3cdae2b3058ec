package io.verbatim.batch.lifecycle;

import io.verbatim.lifecycle.Expiry;
import io.verbatim.lifecycle.RecordingExpiry;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Deletes each recording the reader found, in the chunk's transaction, if the policy still covers it. */
@Dependent
@Named("expiredRecordingWriter")
public class ExpiredRecordingWriter extends AbstractItemWriter {

    @Inject
    RecordingExpiry expiry;

    @Inject
    @BatchProperty
    String policy;

    @Inject
    @BatchProperty
    String cutoff;

    @Override
    public void writeItems(List<Object> ids) {
        for (Object id : ids) {
            expiry.expire(Expiry.valueOf(policy), RecordingExpiry.parse(cutoff), (Long) id);
        }
    }
}
