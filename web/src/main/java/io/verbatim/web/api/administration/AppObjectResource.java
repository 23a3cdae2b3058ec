package io.verbatim.web.api.administration;

import io.verbatim.access.AppObjectProfile;
import io.verbatim.access.AppObjects;
import io.verbatim.web.api.ApiBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * App objects of the caller's tenant (administrators): {@code members} (usernames or group names), {@code accessList}
 * (usernames or numbers whose recordings the members also see), {@code deletionMode}
 * ({@code RECOVERABLE|PERMANENT|DENIED}) and {@code monitor} (a username; its users then need the monitor's grant).
 */
@Path("app-objects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "App objects")
public class AppObjectResource {

    @Inject
    AppObjects appObjects;

    @GET
    @Operation(summary = "All app objects")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public List<AppObjectProfile> list() {
        return appObjects.list();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One app object")
    @APIResponse(responseCode = "404", description = "No such app object")
    public AppObjectProfile get(@PathParam("name") String name) {
        return appObjects.get(name);
    }

    @PUT
    @Path("{name}")
    @Operation(summary = "Create an app object, or replace the fields given of an existing one; an empty monitor removes it")
    @APIResponse(responseCode = "400", description = "An unknown member or monitor")
    public AppObjectProfile save(@PathParam("name") String name, AppObjectProfile appObject) {
        return appObjects.save(name, ApiBodies.required(appObject));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete an app object")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such app object")
    public Response delete(@PathParam("name") String name) {
        appObjects.delete(name);
        return Response.noContent().build();
    }
}
