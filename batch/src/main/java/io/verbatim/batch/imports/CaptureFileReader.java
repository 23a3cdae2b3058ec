package io.verbatim.batch.imports;

import io.verbatim.imports.CaptureImports;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/** The captures of the folder in path order; the checkpoint is how many were handed on, so a restart goes on from there. */
@Dependent
@Named("captureFileReader")
public class CaptureFileReader extends AbstractItemReader {

    @Inject
    CaptureImports imports;

    @Inject
    @BatchProperty
    String folder;

    private List<Path> captures;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        captures = imports.captures(folder);
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < captures.size() ? captures.get(next++).toString() : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
