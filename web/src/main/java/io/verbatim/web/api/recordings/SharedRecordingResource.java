package io.verbatim.web.api.recordings;

import io.verbatim.recording.RecordingCatalog;
import io.verbatim.sharing.RecordingShares;
import io.verbatim.web.api.BlobResponses;
import io.verbatim.web.security.ShareSessions;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audio behind a share's link, for its page's player and download: no sign-in (web.xml leaves this path open),
 * the link's token instead; a share with a password only in a session where the page took it. Every session's
 * first fetch and every download is logged.
 */
@Path("shared/{token}")
@Tag(name = "Recordings")
public class SharedRecordingResource {

    @Inject
    RecordingShares shares;

    @GET
    @Path("audio")
    @Produces({"audio/wav", "audio/mpeg"})
    @Operation(summary = "A shared recording's audio by its link's token (honours Range; ?download=true to save it); "
            + "logged as a play or download by the share's recipient")
    @APIResponse(responseCode = "403", description = "The share has a password not yet given on its page in this session")
    @APIResponse(responseCode = "404", description = "No share has this token")
    @APIResponse(responseCode = "410", description = "The link expired or was revoked, or its recording is gone")
    public Response audio(@PathParam("token") String token, @HeaderParam("Range") String range,
                          @QueryParam("download") @DefaultValue("false") boolean download, @Context HttpServletRequest request)
            throws IOException {
        // the first fetch of a session is its play, whatever range it asks (a player's later ranges are the same play)
        RecordingCatalog.AudioUse use = download ? RecordingCatalog.AudioUse.DOWNLOAD
                : ShareSessions.playedBefore(request, token) ? RecordingCatalog.AudioUse.CONTINUED_PLAY : RecordingCatalog.AudioUse.PLAY;
        RecordingCatalog.Audio audio = shares.openAudio(token, ShareSessions.unlocked(request, token), use);
        // a link may be revoked: nothing between the server and the recipient keeps a copy
        return Response.fromResponse(BlobResponses.of(audio, range, download)).header("Cache-Control", "no-store").build();
    }
}
