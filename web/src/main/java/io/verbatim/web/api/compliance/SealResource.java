package io.verbatim.web.api.compliance;

import io.verbatim.seal.Seals;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public half of the sealing key, for anyone checking a downloaded recording's seal (see docs/compliance.md). */
@Path("seal")
@Tag(name = "Seal")
public class SealResource {

    @Inject
    Seals seals;

    @GET
    @Path("public-key")
    @Produces("application/x-pem-file")
    @Operation(summary = "The Ed25519 public key seals are made with, as PEM: openssl pkeyutl -verify -pubin -inkey it")
    public String publicKey() {
        return seals.publicKeyPem();
    }
}
