package io.verbatim.batch.backup;

import io.verbatim.backup.Backups;
import io.verbatim.backup.BlobsToCopy;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The blobs still to copy into the backup, in the order of their keys; the checkpoint is the last one copied, so a
 * restart goes on after it.
 */
@Dependent
@Named("backupBlobReader")
public class BackupBlobReader extends AbstractItemReader {

    @Inject
    Backups backups;

    @Inject
    @BatchProperty
    String set;

    @Inject
    @BatchProperty
    String base;

    private BlobsToCopy toCopy;
    private String last;

    @Override
    public void open(Serializable checkpoint) {
        last = (String) checkpoint;
        toCopy = backups.blobsToCopy(set, base, last);
    }

    @Override
    public Object readItem() {
        if (!toCopy.hasNext()) {
            return null;
        }
        last = toCopy.next();
        return last;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }

    @Override
    public void close() {
        if (toCopy != null) {
            toCopy.close();
        }
    }
}
