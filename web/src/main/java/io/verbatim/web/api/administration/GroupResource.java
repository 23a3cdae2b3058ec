package io.verbatim.web.api.administration;

import io.verbatim.directory.GroupProfile;
import io.verbatim.directory.Groups;
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

/** Groups of the caller's tenant (administrators): {@code members} and managing supervisors ({@code managers}) by username. */
@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups")
public class GroupResource {

    @Inject
    Groups groups;

    @GET
    @Operation(summary = "All groups")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public List<GroupProfile> list() {
        return groups.groups();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One group")
    @APIResponse(responseCode = "404", description = "No such group")
    public GroupProfile get(@PathParam("name") String name) {
        return groups.group(name);
    }

    @PUT
    @Path("{name}")
    @Operation(summary = "Create a group, or replace the fields given of an existing one")
    @APIResponse(responseCode = "400", description = "An unknown user, or a manager who is no supervisor")
    public GroupProfile save(@PathParam("name") String name, GroupProfile group) {
        return groups.saveGroup(name, ApiBodies.required(group));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a group (its members stay)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such group")
    public Response delete(@PathParam("name") String name) {
        groups.deleteGroup(name);
        return Response.noContent().build();
    }
}
