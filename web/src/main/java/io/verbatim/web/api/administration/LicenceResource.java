package io.verbatim.web.api.administration;

import io.verbatim.directory.Licences;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recorder licences (administrators), of a PBX (the caller's; the operator's: all together, or {@code ?pbx=} one):
 * {@code installed} (the setting; absent: not enforced), {@code assigned} to users
 * directly or through groups, {@code held} first come, first served, and a {@code warning} when more are assigned than
 * installed.
 */
@Path("licences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licences")
public class LicenceResource {

    @Inject
    Licences licences;

    @GET
    @Operation(summary = "Licences installed, assigned and held")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    public Licences.Status status(@Parameter(description = "The operator: the PBX whose licences to show") @QueryParam("pbx") String pbx) {
        return licences.status(pbx);
    }
}
