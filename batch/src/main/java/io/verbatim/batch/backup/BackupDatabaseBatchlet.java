package io.verbatim.batch.backup;

import io.verbatim.backup.Backups;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The database, the list of blobs it names and the server's keys, into the backup. */
@Dependent
@Named("backupDatabaseBatchlet")
public class BackupDatabaseBatchlet extends AbstractBatchlet {

    @Inject
    Backups backups;

    @Inject
    @BatchProperty
    String set;

    @Override
    public String process() {
        backups.writeDatabase(set);
        return "COMPLETED";
    }
}
