package io.verbatim.web.api.recordings;

import io.verbatim.sharing.RecordingShare;
import io.verbatim.sharing.RecordingShares;
import io.verbatim.sharing.ShareRequest;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A recording's shares: links mailed to someone, expiring, optionally with a password, revocable. The link itself is
 * in the mail only: the API never shows it, so each use stands for its recipient.
 */
@Path("recordings/{id}/shares")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recordings")
public class RecordingShareResource {

    /** A share as its sharer and the PBX's administrators see it; {@code state}: open, expired or revoked. */
    public record ShareView(long id, long recordingId, String email, String sharedBy, Instant createdAt, Instant expiresAt,
                            boolean passwordProtected, String state, int uses, Instant lastUsedAt, Instant revokedAt,
                            String revokedBy) {

        static ShareView of(RecordingShare s) {
            String state = s.getRevokedAt() != null ? "revoked" : s.isOpen(Instant.now()) ? "open" : "expired";
            return new ShareView(s.getId(), s.getRecordingId(), s.getEmail(), s.getSharedBy(), s.getCreatedAt(), s.getExpiresAt(),
                    s.isPasswordProtected(), state, s.getUses(), s.getLastUsedAt(), s.getRevokedAt(), s.getRevokedBy());
        }
    }

    @Inject
    RecordingShares shares;

    @GET
    @Operation(summary = "The recording's shares, newest first: an administrator's all of them, anybody else's (who may hear it) their own")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    public List<ShareView> list(@PathParam("id") long id) {
        return shares.of(id).stream().map(ShareView::of).toList();
    }

    @POST
    @Operation(summary = "Share the recording: {email, expiresInDays (default 7, 1 to 90), password (optional, 8 or more "
            + "characters; not mailed)}; the link is mailed to email at once and opens a player and a download only")
    @APIResponse(responseCode = "201", description = "Shared, and the mail sent")
    @APIResponse(responseCode = "400", description = "A field out of shape (the message names it)")
    @APIResponse(responseCode = "404", description = "No such recording, or not yours to see")
    @APIResponse(responseCode = "409", description = "Not converted (yet), or the server's public URL is not set")
    @APIResponse(responseCode = "502", description = "The mail server did not take the mail: nothing is shared")
    @APIResponse(responseCode = "403", description = "Heard under 4-eyes: not shared (a copy would outlast the monitor's grant)")
    public Response share(@PathParam("id") long id, ShareRequest request, @Context UriInfo uri) {
        RecordingShare s = shares.share(id, ApiBodies.required(request));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(s.getId())).build()).entity(ShareView.of(s)).build();
    }

    @DELETE
    @Path("{shareId}")
    @Operation(summary = "Revoke a share: its link stops working now (whoever shared it, or an administrator)")
    @APIResponse(responseCode = "200", description = "Revoked (or already ended)")
    @APIResponse(responseCode = "403", description = "Neither its sharer nor an administrator")
    @APIResponse(responseCode = "404", description = "No such share of a recording you may see")
    public ShareView revoke(@PathParam("id") long id, @PathParam("shareId") long shareId) {
        return ShareView.of(shares.revoke(id, shareId));
    }
}
