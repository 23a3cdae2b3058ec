package io.verbatim.batch.backup;

import io.verbatim.backup.Backups;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Copies each blob read into the backup. */
@Dependent
@Named("backupBlobWriter")
public class BackupBlobWriter extends AbstractItemWriter {

    @Inject
    Backups backups;

    @Inject
    @BatchProperty
    String set;

    @Override
    public void writeItems(List<Object> storedKeys) {
        backups.copyBlobs(set, storedKeys.stream().map(String.class::cast).toList());
    }
}
