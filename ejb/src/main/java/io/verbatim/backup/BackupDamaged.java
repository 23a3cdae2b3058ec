package io.verbatim.backup;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * A backup that cannot be restored as it is, and what is wrong with it: a file missing or changed, a manifest that
 * does not match its signature, a key that does not open it. A restore stops before it changes anything.
 */
@ApplicationException(rollback = true)
public class BackupDamaged extends Refusal {
    BackupDamaged(String problem) {
        super(Kind.CONFLICT, problem);
    }
}
