package io.verbatim.ingest;

import io.verbatim.refusal.Refusal;
import jakarta.ejb.ApplicationException;

/** An upload for a PBX nobody registered while registration on first upload is off (404). */
@ApplicationException
public class UnknownPbxException extends Refusal {

    public UnknownPbxException(String pbx) {
        super(Kind.NOT_FOUND, "no PBX '" + pbx + "' is registered here: the operator registers it (PUT /api/v1/tenants/" + pbx
                + ") or turns on registerPbxOnUpload in the settings");
    }
}
