package io.verbatim.web.api.administration;

import io.verbatim.tenancy.TenantProfile;
import io.verbatim.tenancy.Tenants;
import io.verbatim.web.api.ApiBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The PBXs this deployment serves (the operator: the administrator in no tenant). */
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants")
public class TenantResource {

    /** What the operator sets on a PBX. */
    public record TenantChange(String domain) {
    }

    @Inject
    Tenants tenants;

    @GET
    @Operation(summary = "Every PBX, registered or seen in uploads and users, with its numbers of users and recordings")
    @APIResponse(responseCode = "403", description = "Not the operator")
    public List<TenantProfile> list() {
        return tenants.list();
    }

    @PUT
    @Path("{name}")
    @Operation(summary = "Register a PBX or change its SIP domain")
    @APIResponse(responseCode = "400", description = "Not a PBX name")
    @APIResponse(responseCode = "403", description = "Not the operator")
    public TenantProfile save(@PathParam("name") String name, TenantChange change) {
        return tenants.save(name, ApiBodies.required(change).domain());
    }
}
