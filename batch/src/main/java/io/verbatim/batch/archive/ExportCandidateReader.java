package io.verbatim.batch.archive;

import io.verbatim.archive.ExportRun;
import io.verbatim.archive.RecordingExports;
import io.verbatim.batch.RecordingIdReader;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Reads the recordings a run exports, in id order (its checkpoint: the last id handed out). */
@Dependent
@Named("exportCandidateReader")
public class ExportCandidateReader extends RecordingIdReader {

    @Inject
    RecordingExports exports;

    @Inject
    @BatchProperty
    String target;

    @Inject
    @BatchProperty
    String again;

    private ExportRun run;

    @Override
    public void open(Serializable checkpoint) {
        super.open(checkpoint);
        run = exports.begin(Long.parseLong(target), Boolean.parseBoolean(again));
    }

    @Override
    protected List<Long> idsAfter(long afterId, int limit) {
        return exports.candidates(run, afterId, limit);
    }

    @Override
    public void close() {
        if (run != null) {
            run.close();
        }
    }
}
