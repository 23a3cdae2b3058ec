package io.verbatim.web.api.administration;

import io.verbatim.directory.ApiTokens;
import io.verbatim.directory.TokenRequest;
import io.verbatim.directory.TokenView;
import io.verbatim.web.api.ApiBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's API tokens. Send one as {@code Authorization: Bearer <secret>}; the secret is shown once, when the
 * token is created.
 */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
public class TokenResource {

    @Inject
    ApiTokens tokens;

    @GET
    @Operation(summary = "Your tokens, newest first (without their secrets)")
    public List<TokenView> mine() {
        return tokens.mine();
    }

    @POST
    @Operation(summary = "Create a token: name (what uses it), optional expiresInDays (1-3650); the answer holds the secret, once")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "No name, or an expiry out of range")
    public Response create(TokenRequest request, @Context UriInfo uri) {
        TokenView created = tokens.create(ApiBodies.required(request));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token (yours; administrators: any of their tenant's)")
    @APIResponse(responseCode = "404", description = "No such token of yours")
    public TokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
