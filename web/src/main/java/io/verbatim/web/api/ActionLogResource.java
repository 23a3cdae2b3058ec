package io.verbatim.web.api;

import io.verbatim.audit.Action;
import io.verbatim.audit.ActionLog;
import io.verbatim.audit.ActionLogPage;
import io.verbatim.audit.ActionLogQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
}
