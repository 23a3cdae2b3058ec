package io.verbatim.web.api.administration;

import io.verbatim.ingest.Quarantine;
import io.verbatim.recording.RecordingQuery;
import io.verbatim.web.api.BlobResponses;
import io.verbatim.web.api.recordings.RecordingResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Uploads that were refused (not a capture, a conflicting name), kept with their bytes and the reason. */
@Path("quarantine")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarantine")
public class QuarantineResource {

    @Inject
    Quarantine quarantine;

    @GET
    @Operation(summary = "Refused uploads, newest first (administrators)")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public QuarantineListView list(@QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > RecordingQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be ≥ 0 and limit between 1 and " + RecordingQuery.MAX_LIMIT);
        }
        return new QuarantineListView(quarantine.list(offset, limit).stream().map(QuarantineView::of).toList(),
                quarantine.count(), offset, limit);
    }

    @GET
    @Path("{id}/original")
    @Produces(RecordingResource.PCAP)
    @Operation(summary = "The refused bytes exactly as they arrived (administrators); honours Range")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Response original(@PathParam("id") long id, @HeaderParam("Range") String range) throws IOException {
        Quarantine.Kept kept = quarantine.open(id).orElseThrow(() -> new NotFoundException("no quarantined upload " + id));
        return BlobResponses.of(kept.channel(), kept.size(), range, "application/octet-stream",
                kept.capture().getFileName(), true);
    }
}
