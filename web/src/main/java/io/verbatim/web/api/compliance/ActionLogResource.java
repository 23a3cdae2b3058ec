package io.verbatim.web.api.compliance;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.ActionLogExport;
import io.verbatim.audit.ActionLogExports;
import io.verbatim.audit.ActionLogPage;
import io.verbatim.audit.ActionLogQuery;
import io.verbatim.web.api.DateParameter;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The action log: who did what to which recording, when and from where; hash-chained, so tampering shows. */
@Path("action-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Action log")
public class ActionLogResource {

    @Inject
    ActionLog actionLog;

    @Inject
    ActionLogExports exports;

    @GET
    @Operation(summary = "Search the action log of your tenant, newest first (administrators and compliance officers)")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "A filter has a bad value")
    @APIResponse(responseCode = "403", description = "Neither an administrator nor a compliance officer")
    public ActionLogListView search(
            @Parameter(description = "entries about this recording") @QueryParam("recordingId") Long recordingId,
            @Parameter(description = "entries of this user (the actor)") @QueryParam("user") String user,
            @Parameter(description = "play, download, delete, permanent, volatile, timeout, restore, purge, note, verify, "
                    + "login, failed-login, setting-change, four-eyes-grant, four-eyes-revoke, export, …") @QueryParam("action") String action,
            @Parameter(description = "from this date (yyyy-MM-dd) or instant (ISO-8601), inclusive") @QueryParam("from") String from,
            @Parameter(description = "to this date (inclusive) or instant (exclusive)") @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        ActionLogQuery query = new ActionLogQuery(recordingId, user, action == null || action.isBlank() ? null : Action.of(action),
                DateParameter.instant("from", from, false), DateParameter.instant("to", to, true), offset, limit);
        ActionLogPage page = actionLog.search(query);
        return new ActionLogListView(page.items().stream().map(ActionLogEntryView::of).toList(), page.total(), offset, limit);
    }

    @GET
    @Path("verification")
    @Operation(summary = "Check the whole hash chain: valid, or the first entry whose link is broken (changed or removed entries)")
    @APIResponse(responseCode = "200", description = "{\"valid\": true|false, \"firstBrokenEntry\": position or null, …}")
    @APIResponse(responseCode = "403", description = "Neither an administrator nor a compliance officer")
    public ChainVerificationView verify() {
        return ChainVerificationView.of(actionLog.verify());
    }

    /**
     * What to export: a period ({@code from} inclusive, {@code to} exclusive; dates or instants), users and actions
     * (none: all), and optionally one recording.
     */
    public record ExportRequest(String from, String to, List<String> users, List<String> actions, Long recordingId) {
    }

    @POST
    @Path("exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export the action log of your tenant for a filter as a ZIP holding a PDF (header with tenant, period, "
            + "generated-by and the chain check; the entries; page numbers); made by a job, downloadable when done")
    @APIResponse(responseCode = "202", description = "Started; Location is the export, which shows its progress")
    @APIResponse(responseCode = "400", description = "A filter has a bad value")
    @APIResponse(responseCode = "403", description = "Neither an administrator nor a compliance officer")
    public Response export(ExportRequest request) {
        ExportRequest r = request == null ? new ExportRequest(null, null, null, null, null) : request;
        Set<Action> actions = new TreeSet<>();
        if (r.actions() != null) {
            r.actions().forEach(a -> actions.add(Action.of(a)));
        }
        Set<String> users = r.users() == null ? Set.of() : new TreeSet<>(r.users().stream().map(String::trim).filter(u -> !u.isEmpty()).toList());
        ActionLogExport export = exports.request(DateParameter.instant("from", r.from(), false), DateParameter.instant("to", r.to(), true),
                users, actions, r.recordingId());
        return Response.accepted(ExportView.of(export)).location(URI.create("action-log/exports/" + export.getId())).build();
    }

    @GET
    @Path("exports/{id}")
    @Operation(summary = "An export: its state and progress, and where to download it once done")
    @APIResponse(responseCode = "404", description = "No such export of your tenant")
    public ExportView exportState(@PathParam("id") long id) {
        return ExportView.of(exports.get(id));
    }

    @DELETE
    @Path("exports/{id}")
    @Operation(summary = "Deletes a finished or failed export's file; the export stays listed as DELETED, and the deletion is logged")
    @APIResponse(responseCode = "204", description = "Deleted (or deleted already)")
    @APIResponse(responseCode = "404", description = "No such export of your tenant")
    @APIResponse(responseCode = "409", description = "Still being made")
    public Response deleteExport(@PathParam("id") long id) throws IOException {
        exports.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("exports/{id}/file")
    @Produces("application/zip")
    @Operation(summary = "The finished export (ZIP with the PDF); the download is logged")
    @APIResponse(responseCode = "404", description = "No such export of your tenant")
    @APIResponse(responseCode = "409", description = "Not done (yet), or failed")
    @APIResponse(responseCode = "410", description = "Deleted, by hand or after the export keeping time")
    public Response exportFile(@PathParam("id") long id) throws IOException {
        ActionLogExports.ExportFile file = exports.file(id);
        StreamingOutput body = out -> {
            try (InputStream in = Channels.newInputStream(file.content())) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "application/zip").header("Content-Length", file.size())
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"").build();
    }
}
