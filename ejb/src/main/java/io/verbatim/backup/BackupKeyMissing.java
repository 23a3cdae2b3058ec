package io.verbatim.backup;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;
import java.nio.file.Path;

/** The backup key is not where it was, and backups made with it are: a new key would make backups no one key restores. */
@ApplicationException(rollback = true)
public class BackupKeyMissing extends Refusal {
    BackupKeyMissing(Path keyFile, String backups) {
        super(Kind.CONFLICT, "the backup key " + keyFile + " is missing, and the backups in " + backups + " were written with it:"
                + " put it back (or move those backups away to start anew with a new key)");
    }
}
