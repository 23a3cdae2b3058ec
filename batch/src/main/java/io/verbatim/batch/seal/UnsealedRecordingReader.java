package io.verbatim.batch.seal;

import io.verbatim.batch.RecordingIdReader;
import io.verbatim.seal.Seals;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Reads READY recordings without a seal, in id order. */
@Dependent
@Named("unsealedRecordingReader")
public class UnsealedRecordingReader extends RecordingIdReader {

    @Inject
    Seals seals;

    /** The PBX that switched sealing on; empty: the operator, for every PBX. */
    @Inject
    @BatchProperty
    String pbx;

    @Override
    protected List<Long> idsAfter(long afterId, int limit) {
        return seals.unsealed(pbx == null || pbx.isEmpty() ? null : pbx, afterId, limit);
    }
}
