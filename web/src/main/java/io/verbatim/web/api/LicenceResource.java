package io.verbatim.web.api;

import io.verbatim.directory.Licences;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recorder licences (administrators): {@code installed} (the setting; absent: not enforced), {@code assigned} to users
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
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public Licences.Status status() {
        return licences.status();
    }
}
