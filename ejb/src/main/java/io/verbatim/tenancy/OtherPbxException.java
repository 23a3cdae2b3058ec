package io.verbatim.tenancy;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * A PBX's administrator named another PBX. It undoes the transaction, so that a batch refused at its k-th entry keeps
 * none of the ones before (a CSV import, whose lines are each a transaction of their own, refuses that line only).
 */
@ApplicationException(rollback = true)
public class OtherPbxException extends Refusal {
    public OtherPbxException() {
        super(Kind.FORBIDDEN, "administrators manage their own PBX only");
    }
}
