package io.verbatim.backup;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A backup asked for where no backup folder is set. */
@ApplicationException(rollback = true)
public class BackupsOff extends Refusal {
    BackupsOff() {
        super(Kind.CONFLICT, "backups are off: set VERBATIM_BACKUP_DIR to the folder they go to (a disk or share apart from the data)");
    }
}
