package io.verbatim.web.api.administration;

import io.verbatim.directory.Directory;
import io.verbatim.directory.UserChange;
import io.verbatim.directory.UserImport;
import io.verbatim.directory.UserProfile;
import io.verbatim.web.api.ApiBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Users of the caller's tenant (administrators). {@code password} is write-only; {@code role} is one of
 * {@code ADMIN}, {@code SUPERVISOR}, {@code USER}, {@code COMPLIANCE}; {@code numbers} are the user's numbers
 * and extensions.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    @Inject
    Directory directory;

    @Inject
    UserImport userImport;

    @GET
    @Operation(summary = "Users whose username, display name, email or number contains the search text")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public List<UserProfile> search(@QueryParam("search") String text) {
        return directory.users(text);
    }

    @POST
    @Path("import")
    @Consumes("text/csv") // not text/plain: a form on another site can send that
    @Operation(summary = "Create users from CSV (header: username,password,role[,displayName,numbers,email,timezone,licensed,active,pbx]); "
            + "good lines are kept, bad ones reported with their line number and reason")
    @APIResponse(responseCode = "200", description = "How many were created, and the refused lines")
    @APIResponse(responseCode = "400", description = "No usable header")
    public UserImport.Report importCsv(InputStream csv) {
        return userImport.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8));
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One user")
    @APIResponse(responseCode = "404", description = "No such user in your tenant")
    public UserProfile get(@PathParam("username") String username) {
        return directory.user(username);
    }

    @POST
    @Operation(summary = "Create a user; username, password (8 characters or more) and role are required")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response create(UserChange change, @Context UriInfo uri) {
        UserProfile created = directory.createUser(ApiBodies.required(change));
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }

    @PUT
    @Path("{username}")
    @Operation(summary = "Change a user; absent fields stay as they are")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "404", description = "No such user in your tenant")
    public UserProfile update(@PathParam("username") String username, UserChange change) {
        return directory.updateUser(username, ApiBodies.required(change));
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Deactivate a user: no more sign-ins; recordings and history stay")
    @APIResponse(responseCode = "404", description = "No such user in your tenant")
    public UserProfile deactivate(@PathParam("username") String username) {
        return directory.deactivateUser(username);
    }
}
