package io.verbatim.batch.imports;

import io.verbatim.imports.CaptureImports;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Imports each capture read; the run's exit status says how many were imported, were there already, were refused. */
@Dependent
@Named("captureImportWriter")
public class CaptureImportWriter extends AbstractItemWriter {

    @Inject
    CaptureImports imports;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String pbx;

    private final Map<CaptureImports.Result, Integer> counts = new EnumMap<>(CaptureImports.Result.class);

    @Override
    public void writeItems(List<Object> files) {
        for (Object file : files) {
            counts.merge(imports.importCapture(pbx, Path.of((String) file)), 1, Integer::sum);
        }
        job.setExitStatus("imported " + counts.getOrDefault(CaptureImports.Result.IMPORTED, 0) + ", already there "
                + counts.getOrDefault(CaptureImports.Result.ALREADY_THERE, 0) + ", refused "
                + counts.getOrDefault(CaptureImports.Result.REFUSED, 0) + " (see the log and the quarantine)");
    }
}
