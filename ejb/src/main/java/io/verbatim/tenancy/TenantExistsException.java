package io.verbatim.tenancy;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** Registering a PBX that is registered already: an error, never a change to the one there. */
@ApplicationException(rollback = true)
public class TenantExistsException extends Refusal {
    public TenantExistsException(String name) {
        super(Kind.CONFLICT, "PBX " + name + " is registered already; Edit changes its SIP domain");
    }

    @Override
    public String field() {
        return "name";
    }
}
