package io.verbatim.web.api.administration;

import io.verbatim.devices.DeviceCredential;
import io.verbatim.devices.DeviceCredentials;
import io.verbatim.web.api.ApiBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A PBX's further device credentials, one pair per site, beside the pair in its settings: each uploads into that PBX
 * only, and withdrawing one leaves the other sites' phones uploading. A PBX's administrators manage theirs; the
 * operator names the PBX with {@code ?pbx=}. Passwords are write-only.
 */
@Path("device-credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Device credentials")
public class DeviceCredentialResource {

    /** One pair as shown: never its password. */
    public record DeviceCredentialView(long id, String pbx, String site, String user, Instant createdAt, String createdBy) {

        static DeviceCredentialView of(DeviceCredential c) {
            return new DeviceCredentialView(c.getId(), c.getPbx(), c.getSite(), c.getUsername(), c.getCreatedAt(), c.getCreatedBy());
        }
    }

    /** A new pair: the site that carries it, its user name (once per PBX, without case) and password (8 characters or more). */
    public record NewDeviceCredential(String site, String user, String password) {
    }

    @Inject
    DeviceCredentials credentials;

    @GET
    @Operation(summary = "A PBX's device credentials per site (the caller's PBX; the operator: ?pbx=)")
    @APIResponse(responseCode = "400", description = "The operator named no PBX")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    public List<DeviceCredentialView> list(@Parameter(description = "The operator: the PBX") @QueryParam("pbx") String pbx) {
        return credentials.list(pbx).stream().map(DeviceCredentialView::of).toList();
    }

    @POST
    @Operation(summary = "Add device credentials for a site: {site, user, password}")
    @APIResponse(responseCode = "201", description = "Added; the site's phones upload with them from now on")
    @APIResponse(responseCode = "400", description = "A field missing or out of shape (the message names it), or the operator named no PBX")
    @APIResponse(responseCode = "403", description = "Not an administrator, or another PBX named")
    @APIResponse(responseCode = "409", description = "The PBX has credentials with that user name already")
    public Response add(@Parameter(description = "The operator: the PBX") @QueryParam("pbx") String pbx, NewDeviceCredential request,
                        @Context UriInfo uri) {
        NewDeviceCredential given = ApiBodies.required(request);
        DeviceCredential added = credentials.add(pbx, given.site(), given.user(), given.password());
        return Response.created(uri.getBaseUriBuilder().path("device-credentials").path(Long.toString(added.getId())).build())
                .entity(DeviceCredentialView.of(added)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One site's device credentials (without the password)")
    @APIResponse(responseCode = "404", description = "No such credentials of a PBX the caller manages")
    public DeviceCredentialView get(@PathParam("id") long id) {
        return DeviceCredentialView.of(credentials.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Withdraw a site's device credentials: its phones upload with them no more")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such credentials of a PBX the caller manages")
    public void remove(@PathParam("id") long id) {
        credentials.remove(id);
    }
}
