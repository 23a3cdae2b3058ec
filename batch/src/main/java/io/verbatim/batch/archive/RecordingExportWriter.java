package io.verbatim.batch.archive;

import io.verbatim.archive.ExportFailedException;
import io.verbatim.archive.ExportRun;
import io.verbatim.archive.RecordingExports;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Exports each recording read, in the chunk's transaction, over one connection to the target for the whole run; the
 * exit status says how many went where, or why the run failed (a target that cannot be reached fails it, to be
 * restarted from its checkpoint).
 */
@Dependent
@Named("recordingExportWriter")
public class RecordingExportWriter extends AbstractItemWriter {

    @Inject
    RecordingExports exports;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String target;

    @Inject
    @BatchProperty
    String again;

    private ExportRun run;
    private long exported;

    @Override
    public void open(Serializable checkpoint) {
        run = exports.begin(Long.parseLong(target), Boolean.parseBoolean(again));
        job.setExitStatus("exported 0 to " + run.describe());
    }

    @Override
    public void writeItems(List<Object> ids) throws IOException {
        try {
            for (Object id : ids) {
                if (exports.export(run, (Long) id)) {
                    exported++;
                }
            }
        } catch (IOException | RuntimeException e) {
            run.close(); // the next chunk, or the restart, connects afresh
            job.setExitStatus(why(e));
            throw e;
        }
        job.setExitStatus("exported " + exported + " to " + run.describe());
    }

    /** The failure in words: the target's own, however the container wrapped it. */
    private static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExportFailedException) {
                return t.getMessage();
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public void close() {
        if (run != null) {
            run.close();
        }
    }
}
