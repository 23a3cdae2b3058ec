package io.verbatim.batch.backup;

import io.verbatim.backup.Backups;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;

/** The blobs still to copy into the backup; after a restart, those not copied before it. */
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

    private Iterator<String> toCopy;

    @Override
    public void open(Serializable checkpoint) {
        toCopy = backups.blobsToCopy(set, base).iterator();
    }

    @Override
    public Object readItem() {
        return toCopy.hasNext() ? toCopy.next() : null;
    }
}
