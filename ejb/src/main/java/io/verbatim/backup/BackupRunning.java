package io.verbatim.backup;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** A backup asked for while another is being written (two would write into each other's folder and prune each other's base). */
@ApplicationException(rollback = true)
public class BackupRunning extends Refusal {
    BackupRunning(long run) {
        super(Kind.CONFLICT, "a backup is being written (run " + run + "): wait for it to end");
    }
}
