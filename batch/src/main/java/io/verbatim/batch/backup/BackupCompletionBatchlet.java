package io.verbatim.batch.backup;

import io.verbatim.backup.Backups;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed manifest, then the backup is complete and older ones beyond those kept are deleted. */
@Dependent
@Named("backupCompletionBatchlet")
public class BackupCompletionBatchlet extends AbstractBatchlet {

    @Inject
    Backups backups;

    @Inject
    @BatchProperty
    String set;

    @Inject
    @BatchProperty
    String kind;

    @Inject
    @BatchProperty
    String base;

    @Override
    public String process() {
        backups.complete(set, kind, base);
        return "COMPLETED";
    }
}
