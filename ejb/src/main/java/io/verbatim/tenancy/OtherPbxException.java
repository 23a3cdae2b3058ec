package io.verbatim.tenancy;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * A PBX's administrator named another PBX. Refused before anything is written, so the transaction may go on: a CSV
 * import refuses that line and keeps the others.
 */
@ApplicationException(rollback = false)
public class OtherPbxException extends Refusal {
    public OtherPbxException() {
        super(Kind.FORBIDDEN, "administrators manage their own PBX only");
    }
}
