package io.verbatim.web.api.recordings;

import io.verbatim.directory.Licences;
import io.verbatim.lifecycle.RecordingLifecycle;
import io.verbatim.recording.RecordingCatalog;
import io.verbatim.recording.RecordingPage;
import io.verbatim.recording.RecordingQuery;
import io.verbatim.settings.Settings;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deleted recordings of "recoverable" app objects, waiting to be restored or purged (administrators). */
@Path("recycle-bin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recycle bin")
public class RecycleBinResource {

    @Inject
    RecordingCatalog catalog;

    @Inject
    RecordingLifecycle lifecycle;

    @Inject
    Settings settings;

    @Inject
    Licences licences;

    @GET
    @Operation(summary = "Recordings in your tenant's recycle bin, newest first (deletedAt and deletedBy say when and by whom)")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public RecordingListView list(@QueryParam("text") String text,
                                  @QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("50") int limit) {
        RecordingPage page = catalog.recycleBin(RecordingQuery.page(offset, limit).withText(text));
        RecordingView.Context context = RecordingView.Context.now(settings, licences);
        return new RecordingListView(page.items().stream().map(r -> RecordingView.of(r, context)).toList(), page.total(), page.totalCapped(), offset, limit);
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Take a recording back out of the recycle bin")
    @APIResponse(responseCode = "200", description = "The recording, back in the catalog")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "404", description = "Not in your tenant's recycle bin")
    public RecordingView restore(@PathParam("id") long id) {
        return RecordingView.of(lifecycle.restore(id), RecordingView.Context.now(settings, licences));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Purge a recording from the recycle bin: row, notes, audio and original are gone for good")
    @APIResponse(responseCode = "204", description = "Purged")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "404", description = "Not in your tenant's recycle bin")
    public Response purge(@PathParam("id") long id) {
        lifecycle.purge(id);
        return Response.noContent().build();
    }
}
